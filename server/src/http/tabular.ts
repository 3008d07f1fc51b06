import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** A table to download: a header row and text cells. */
export interface Table {
  title: string;
  header: string[];
  rows: string[][];
}

export interface TableFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * A leading =, +, - or @ makes Excel read a cell as a formula; such a cell is kept as text.
 * A plain number (a credit of -25,00) stays a number.
 */
const defuse = (value: string) =>
  /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d[\d.,]*$/.test(value) ? `'${value}` : value;

/** CSV as Excel in the Netherlands opens it: `;` separated, UTF-8 with a byte-order mark. */
export function tableCsv(table: Table, basename: string): TableFile {
  const body = stringify([table.header, ...table.rows.map((r) => r.map(defuse))], {
    delimiter: ';',
    record_delimiter: 'windows',
  });
  return {
    filename: `${basename}.csv`,
    contentType: 'text/csv; charset=utf-8',
    content: Buffer.from(`\uFEFF${body}`, 'utf8'),
  };
}

/** The same table as an Excel workbook with one sheet, a bold frozen header and a filter. */
export async function tableXlsx(table: Table, basename: string): Promise<TableFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Heroriëntatie';
  const sheet = workbook.addWorksheet(table.title.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(table.header).font = { bold: true };
  // Plain strings become text cells: nothing a user typed is ever read as a formula.
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(
      table.header[i]!.length,
      ...table.rows.slice(0, 500).map((r) => r[i]?.length ?? 0),
    );
    column.width = Math.min(60, Math.max(10, widest + 2));
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  return {
    filename: `${basename}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

/** Sends a table file as a download. */
export function sendTableFile(res: Response, file: TableFile): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  res.send(file.content);
}

/** The media type a table route produces, for the API description. */
export const TABLE_MEDIA_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
