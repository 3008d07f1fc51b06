import type { ReactNode } from 'react';

export interface Column {
  label: string;
  /** Figures are right-aligned, so that digits line up. */
  numeric?: boolean;
}

/**
 * A table with a caption and column headers (NL Design System table). The first cell of
 * each row names the row for screen readers (a row header).
 */
export function DataTable({
  caption,
  columns,
  rows,
  footer,
}: {
  caption: ReactNode;
  columns: (Column | string)[];
  rows: { key: string; cells: ReactNode[] }[];
  /** A closing row, such as the total. */
  footer?: ReactNode[];
}) {
  const cols = columns.map((c) => (typeof c === 'string' ? { label: c } : c));
  const cellClass = (index: number) =>
    `utrecht-table__cell${cols[index]?.numeric ? ' utrecht-table__cell--numeric-column app-numeric' : ''}`;
  return (
    <div className="utrecht-table-container app-table">
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {cols.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={`utrecht-table__header-cell${column.numeric ? ' app-numeric' : ''}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={row.key} className="utrecht-table__row">
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className="utrecht-table__header-cell">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className={cellClass(index)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer && (
          <tfoot className="utrecht-table__footer">
            <tr className="utrecht-table__row">
              {footer.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className="utrecht-table__header-cell">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className={cellClass(index)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
