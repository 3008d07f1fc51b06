import type { OutreachImportReport } from '@herorientatie/domain';
import { expect } from 'chai';
import iconv from 'iconv-lite';
import { useTestApp } from '../../../../test/app.ts';
import type { Agent } from '../../../../test/agent.ts';

const kvkOf = (i: number) => String(30_000_000 + i);

/** A file as Dutch Excel saves it: Windows-1252, `;`, CRLF, headers in its own order. */
function excelFile(lines: string[][]): Buffer {
  return iconv.encode(lines.map((l) => l.join(';')).join('\r\n') + '\r\n', 'windows-1252');
}

describe('outreach: importing Tozo recipients from CSV', () => {
  const t = useTestApp({
    logins: ['wijchen-caseworker', 'nijmegen-caseworker', 'wijchen-advisor'],
  });
  const post = (agent: Agent, path: string, file: Buffer, name = 'tozo.csv') =>
    agent.upload(`/api/v1/outreach/${path}`, name, file, 'text/csv');
  const recipients = async (code: string) =>
    (
      await t.db.admin.query(
        `select r.* from outreach_recipient r join municipality m on m.id = r.municipality_id where m.code = $1 order by kvk_number`,
        [code],
      )
    ).rows;

  const header = [
    'Bedrijfsnaam',
    'KvK-nummer',
    'Naam',
    'Postcode',
    'E-mailadres',
    'Tozo',
    'Opmerking',
  ];
  const good = [
    ['Café Ünal', '30000001', 'Ayşe Ünal', '6602 AB', 'ayse@example.org', 'Tozo 3', 'x'],
    ['"Bakkerij ""De Korenaar"""', '30000002', 'Jan de Bakker', '6603bc', '', 'tozo1, tozo3', ''],
    ['Schildersbedrijf Smit', '30000003', 'Piet Smit', '6604 CD', 'piet@example.org', '3', ''],
  ];
  const bad = [
    ['Foute KvK', '1234', 'A', '6605 DE', '', '3', ''],
    ['Foute postcode', '30000005', 'B', '66 DE', '', '3', ''],
    ['Fout e-mail', '30000006', 'C', '6606 EF', 'geen-mail', '3', ''],
    ['Dubbel', '30000001', 'D', '6607 FG', '', '3', ''],
  ];

  it('previews a Windows-1252 file with every bad row, and writes nothing', async () => {
    const r = await post(
      t.agent('wijchen-caseworker'),
      'imports/preview',
      excelFile([header, ...good, ...bad]),
    );
    expect(r.status, r.text).to.equal(200);
    const report = r.json<OutreachImportReport>();
    expect(report).to.deep.include({
      encoding: 'windows-1252',
      delimiter: ';',
      rows: 7,
      dryRun: true,
    });
    expect(report.ignoredColumns).to.deep.equal(['Opmerking']);
    expect(report.counts).to.deep.equal({ new: 3, updated: 0, unchanged: 0, rejected: 4 });
    expect(report.errors).to.deep.equal([
      { row: 5, column: 'KvK-nummer', reason: 'Een KvK-nummer bestaat uit 8 cijfers.' },
      {
        row: 6,
        column: 'Postcode',
        reason: 'Een postcode is vier cijfers en twee letters, zoals 6602 AB.',
      },
      { row: 7, column: 'E-mailadres', reason: 'Dit is geen geldig e-mailadres.' },
      { row: 8, column: 'KvK-nummer', reason: 'Dit KvK-nummer staat ook op regel 2.' },
    ]);
    expect(await recipients('GM0296')).to.have.length(0);
  });

  it('imports all or nothing: a file with bad rows writes nothing', async () => {
    const r = await post(
      t.agent('wijchen-caseworker'),
      'imports?mode=all-or-nothing',
      excelFile([header, ...good, ...bad]),
    );
    expect(r.status).to.equal(400);
    expect(r.json<{ errors: { name: string }[] }>().errors[0]!.name).to.equal(
      'regel 5: KvK-nummer',
    );
    expect(await recipients('GM0296')).to.have.length(0);
    expect(
      (await t.db.admin.query('select count(*)::int as n from outreach_import')).rows[0].n,
    ).to.equal(0);
  });

  it('imports only the valid rows when asked, decoding names correctly', async () => {
    const r = await post(
      t.agent('wijchen-caseworker'),
      'imports?mode=valid-rows',
      excelFile([header, ...good, ...bad]),
    );
    expect(r.status, r.text).to.equal(201);
    expect(r.json<OutreachImportReport>().counts).to.deep.equal({
      new: 3,
      updated: 0,
      unchanged: 0,
      rejected: 4,
    });
    const rows = await recipients('GM0296');
    expect(rows.map((x) => x.business_name)).to.deep.equal([
      'Café Ünal',
      'Bakkerij "De Korenaar"',
      'Schildersbedrijf Smit',
    ]);
    // Windows-1252 has no ş: Excel itself wrote a question mark there.
    expect(rows[0].name).to.equal('Ay?e Ünal');
    expect(rows[1]).to.deep.include({
      postcode: '6603 BC',
      tozo_periods: ['tozo1', 'tozo3'],
      email: null,
    });
  });

  it('re-imports without duplicates and reports new, updated, unchanged and rejected', async () => {
    const again = await post(
      t.agent('wijchen-caseworker'),
      'imports?mode=valid-rows',
      excelFile([header, ...good]),
    );
    expect(again.json<OutreachImportReport>().counts).to.deep.equal({
      new: 0,
      updated: 0,
      unchanged: 3,
      rejected: 0,
    });
    // An updated export from another program: UTF-8, commas, quoted fields, other column order.
    const csv = [
      'kvk,naam,bedrijfsnaam,e-mail,postcode,tozo',
      '30000001,"Ünal, Ayşe",Café Ünal,ayse@example.org,6602 AB,"Tozo 3, Tozo 4"',
      '30000004,Nieuw,"Nieuw, BV",,6608 GH,5',
      '30000003,Piet Smit,Schildersbedrijf Smit,piet@example.org,6604 CD,3',
    ].join('\n');
    const updated = await post(
      t.agent('wijchen-caseworker'),
      'imports?mode=all-or-nothing',
      Buffer.from(csv),
    );
    expect(updated.status, updated.text).to.equal(201);
    const report = updated.json<OutreachImportReport>();
    expect(report).to.deep.include({ encoding: 'utf-8', delimiter: ',' });
    expect(report.counts).to.deep.equal({ new: 1, updated: 1, unchanged: 1, rejected: 0 });
    const rows = await recipients('GM0296');
    expect(rows).to.have.length(4);
    expect(rows[0]).to.deep.include({ name: 'Ünal, Ayşe', tozo_periods: ['tozo3', 'tozo4'] });
  });

  it('keeps each municipality’s list apart', async () => {
    const r = await post(
      t.agent('nijmegen-caseworker'),
      'imports/preview',
      excelFile([header, ...good]),
    );
    expect(r.json<OutreachImportReport>().counts.new).to.equal(3);
    const list = await t.agent('nijmegen-caseworker').get('/api/v1/outreach/imports');
    expect(list.json<unknown[]>()).to.deep.equal([]);
    expect(
      (await t.agent('wijchen-caseworker').get('/api/v1/outreach/imports')).json<unknown[]>(),
    ).to.have.length(3);
  });

  it('refuses roles without outreach, files without key columns and files that are too long', async () => {
    expect(
      (await post(t.agent('wijchen-advisor'), 'imports/preview', excelFile([header, ...good])))
        .status,
    ).to.equal(403);
    const noKey = await post(
      t.agent('wijchen-caseworker'),
      'imports/preview',
      excelFile([['Naam'], ['Jan']]),
    );
    expect(noKey.status).to.equal(400);
    expect(noKey.json<{ errors: { reason: string }[] }>().errors[0]!.reason).to.match(/KvK-nummer/);
    const empty = await post(t.agent('wijchen-caseworker'), 'imports/preview', Buffer.alloc(0));
    expect(empty.status).to.equal(400);
    const lines = ['KvK-nummer'];
    for (let i = 0; i < 50_001; i++) lines.push(kvkOf(100_000 + i));
    const tooLong = await post(
      t.agent('wijchen-caseworker'),
      'imports/preview',
      Buffer.from(lines.join('\n')),
    );
    expect(tooLong.status).to.equal(400);
    expect(tooLong.json<{ errors: { code: string }[] }>().errors[0]!.code).to.equal(
      'too_many_rows',
    );
  });

  it('previews a file of 50,000 rows', async () => {
    const lines = ['KvK-nummer;Naam;Postcode;Tozo'];
    for (let i = 0; i < 50_000; i++)
      lines.push(`${kvkOf(200_000 + i)};Ondernemer ${i};6602 AB;Tozo 3`);
    lines.push(`${kvkOf(200_000)};Dubbel;6602 AB;3`);
    const r = await post(
      t.agent('wijchen-caseworker'),
      'imports/preview',
      Buffer.from(lines.join('\n')),
    );
    expect(r.status).to.equal(400);
    // 50,001 data rows is one too many; 50,000 with a duplicate is not.
    lines.pop();
    lines[50_000] = `${kvkOf(200_000)};Dubbel;6602 AB;3`;
    const ok = await post(
      t.agent('wijchen-caseworker'),
      'imports/preview',
      Buffer.from(lines.join('\n')),
    );
    expect(ok.status, ok.text).to.equal(200);
    const report = ok.json<OutreachImportReport>();
    expect(report.rows).to.equal(50_000);
    expect(report.counts).to.deep.equal({ new: 49_999, updated: 0, unchanged: 0, rejected: 1 });
    expect(report.errors).to.deep.equal([
      { row: 50_001, column: 'KvK-nummer', reason: 'Dit KvK-nummer staat ook op regel 2.' },
    ]);
  });
});
