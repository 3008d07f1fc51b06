import { useEffect, useRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { takeHeadingFocus } from '../page-focus.ts';

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
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (level === 1 && takeHeadingFocus()) ref.current?.focus();
  }, [level]);
  return (
    // A page's main heading can take focus after navigation (tabIndex -1: not a tab stop).
    <Tag
      ref={ref}
      id={id}
      className={`utrecht-heading-${level}`}
      tabIndex={level === 1 ? -1 : undefined}
    >
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
