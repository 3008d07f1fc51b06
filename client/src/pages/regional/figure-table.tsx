import { DataTable } from '../../components/table.tsx';
import { cellText, type FigureRow, type FigureTable } from './figure-tables.ts';

const cellsOf = (table: FigureTable, row: FigureRow) => [
  row.name,
  ...row.cells.map((cell, index) =>
    cell.suppressed || (cell.value === null && cell.empty === undefined) ? (
      <span key={index} className="app-suppressed">
        {table.hiddenText}
      </span>
    ) : (
      cellText(table, cell)
    ),
  ),
];

/** A figure table as an NL Design System table: the text alternative of every chart. */
export function FigureTableView({ table }: { table: FigureTable }) {
  return (
    <DataTable
      caption={table.caption}
      columns={table.columns.map((label, index) =>
        index === 0 ? label : { label, numeric: true },
      )}
      rows={table.rows.map((row) => ({ key: row.key, cells: cellsOf(table, row) }))}
      footer={table.footer ? cellsOf(table, table.footer) : undefined}
    />
  );
}
