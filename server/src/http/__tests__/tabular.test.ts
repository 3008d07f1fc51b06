import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { tableCsv, tableXlsx } from '../tabular.ts';

const table = {
  title: 'Dossiers',
  header: ['Naam', 'Opmerking'],
  rows: [
    ['=HYPERLINK("http://x")', 'met ; puntkomma en "aanhalingstekens"'],
    ['@SOM(A1)', 'regel\nnieuwe regel'],
    ['Zoë Ünal', '+31 6 1234'],
    ['Creditering', '-25,00'],
  ],
};

describe('table downloads', () => {
  it('writes CSV for Dutch Excel: BOM, semicolons, quoting, formulas kept as text', () => {
    const file = tableCsv(table, 'test');
    expect(file.filename).to.equal('test.csv');
    const text = file.content.toString('utf8');
    expect(text.startsWith('\uFEFF')).to.equal(true);
    const rows = parse(text.slice(1), { delimiter: ';' }) as string[][];
    expect(rows).to.deep.equal([
      ['Naam', 'Opmerking'],
      [`'=HYPERLINK("http://x")`, 'met ; puntkomma en "aanhalingstekens"'],
      ["'@SOM(A1)", 'regel\nnieuwe regel'],
      ['Zoë Ünal', "'+31 6 1234"],
      ['Creditering', '-25,00'],
    ]);
  });

  it('writes an Excel sheet whose cells are text, never formulas', async () => {
    const file = await tableXlsx(table, 'test');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Dossiers')!;
    expect(sheet.rowCount).to.equal(5);
    const cell = sheet.getRow(2).getCell(1);
    expect(cell.type).to.equal(ExcelJS.ValueType.String);
    expect(cell.value).to.equal('=HYPERLINK("http://x")');
    expect(sheet.getRow(4).getCell(1).value).to.equal('Zoë Ünal');
  });
});
