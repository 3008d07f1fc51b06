import type { ReactNode } from 'react';

export function DataList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows app-data-list">
      {rows.map(([key, value]) => (
        <div key={key} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{key}</dt>
          <dd className="utrecht-data-list__item-value">{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
