import { CASE_LIST_COLUMNS, type CaseDetail, type CasePage } from '@herorientatie/domain';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { useTestApp } from '../../../../test/app.ts';
import { bsn, registration } from '../../../../test/case-fixtures.ts';

describe('case list export (CSV and Excel)', () => {
  const t = useTestApp({ logins: ['wijchen-caseworker', 'nijmegen-caseworker'] });
  const cw = () => t.agent('wijchen-caseworker');
  const register = async (entrepreneur: Record<string, unknown>) =>
    (await cw().send('POST', '/api/v1/cases', registration({}, entrepreneur))).json<CaseDetail>();

  it('exports exactly the visible columns and filters, every page, without BSN, audited', async () => {
    const numbers = [bsn(), bsn(), bsn()];
    await register({
      name: 'Exportina Jansen',
      businessName: '=SOM(A1) Bakkerij',
      bsn: numbers[0],
    });
    await register({ name: 'Exportina Pieters', businessName: 'Pieters Bouw', bsn: numbers[1] });
    await register({ name: 'Anders Iemand', businessName: 'Iemand BV', bsn: numbers[2] });

    const listed = (await cw().get('/api/v1/cases?q=exportina&pageSize=1')).json<CasePage>();
    expect(listed.nextCursor, 'the list has more than one page').to.not.equal(null);

    const csv = await cw().request('GET', '/api/v1/cases/export.csv?q=exportina');
    expect(csv.status).to.equal(200);
    expect(csv.headers.get('content-type')).to.contain('text/csv');
    expect(csv.headers.get('content-disposition')).to.match(
      /attachment; filename="dossiers-.*\.csv"/,
    );
    const rows = parse(csv.text.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(rows[0]).to.deep.equal(CASE_LIST_COLUMNS.map((c) => c.label));
    expect(
      rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).to.deep.equal(['Exportina Jansen, =SOM(A1) Bakkerij', 'Exportina Pieters, Pieters Bouw']);
    for (const n of numbers) expect(csv.text).to.not.contain(n);

    const xlsx = await fetch(
      `${t.app.baseUrl}/api/v1/cases/export.xlsx?q=exportina&sort=registeredAt`,
      {
        headers: { cookie: await cw().jar.getCookieString(t.app.baseUrl) },
      },
    );
    expect(xlsx.status).to.equal(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) =>
      (sheet.getRow(row).values as unknown[]).slice(1).map((v) => String(v));
    expect(values(1)).to.deep.equal(CASE_LIST_COLUMNS.map((c) => c.label));
    expect(sheet.rowCount).to.equal(3);
    // Oldest first, as asked; a cell that looks like a formula stays text.
    expect(values(2)[1]).to.equal('Exportina Jansen, =SOM(A1) Bakkerij');
    expect(sheet.getRow(2).getCell(2).type).to.equal(ExcelJS.ValueType.String);

    const audit = await t.db.admin.query(
      `select object_type, cardinality(object_ids) as n from audit_log
        where object_type in ('case-list-csv', 'case-list-xlsx') and action = 'export'`,
    );
    expect(audit.rows.map((r) => [r.object_type, r.n]).sort()).to.deep.equal([
      ['case-list-csv', 2],
      ['case-list-xlsx', 2],
    ]);
  });

  it('exports only the own municipality and refuses bad filters in Dutch', async () => {
    await register({ name: 'Exportina Wijchens', businessName: 'Wijchen Werkt' });
    const other = await t.agent('nijmegen-caseworker').request('GET', '/api/v1/cases/export.csv');
    expect(other.status).to.equal(200);
    expect(other.text).to.not.contain('Exportina');
    const bad = await cw().request('GET', '/api/v1/cases/export.csv?status=kwijt');
    expect(bad.status).to.equal(400);
    expect(bad.text).to.match(/[a-z]/);
    expect(bad.headers.get('content-type')).to.contain('problem+json');
  });
});
