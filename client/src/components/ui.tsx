import type { ButtonHTMLAttributes, ReactNode } from 'react';

/** Thin wrappers around NL Design System (Utrecht) CSS components. */

export function Heading({
  level,
  children,
  id,
}: {
  level: 1 | 2 | 3;
  children: ReactNode;
  id?: string;
}) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={`utrecht-heading-${level}`}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead }: { children: ReactNode; lead?: boolean }) {
  return <p className={`utrecht-paragraph${lead ? ' utrecht-paragraph--lead' : ''}`}>{children}</p>;
}

export function Button({
  appearance = 'primary-action',
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  appearance?: 'primary-action' | 'secondary-action' | 'subtle';
}) {
  return (
    <button
      type="button"
      {...props}
      className={`utrecht-button utrecht-button--html-button utrecht-button--${appearance} ${className ?? ''}`}
    />
  );
}

export function ButtonLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
    >
      {children}
    </a>
  );
}

export function Alert({
  type = 'info',
  children,
}: {
  type?: 'info' | 'ok' | 'warning' | 'error';
  children: ReactNode;
}) {
  return (
    <div
      className={`utrecht-alert utrecht-alert--${type}`}
      role={type === 'error' ? 'alert' : 'status'}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}
