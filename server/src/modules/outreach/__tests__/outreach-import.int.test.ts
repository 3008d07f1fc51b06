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
    // Every message names the value it is about.
    expect(report.errors).to.deep.equal([
      { row: 5, column: 'KvK-nummer', reason: '"1234": een KvK-nummer bestaat uit 8 cijfers.' },
      {
        row: 6,
        column: 'Postcode',
        reason: '66 DE: een postcode is vier cijfers en twee letters, zoals 6602 AB.',
      },
      { row: 7, column: 'E-mailadres', reason: '"geen-mail": dit is geen geldig e-mailadres.' },
      { row: 8, column: 'KvK-nummer', reason: 'Dit KvK-nummer staat ook op regel 2.' },
    ]);
    // Windows-1252 has no ş: Excel wrote "?" — read, but flagged.
    expect(report.warnings).to.have.length(1);
    expect(report.warnings[0]).to.include({ row: 2, column: 'Naam' });
    expect(report.warnings[0]!.reason).to.contain('"Ay?e Ünal"').and.contain('CSV UTF-8');
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
  it('never erases: a re-import with fewer columns leaves every other stored value as it was', async () => {
    const full = [
      'KvK-nummer;Naam;Bedrijfsnaam;E-mailadres;Telefoonnummer;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;SBI-code;Tozo',
      '30000501;Mehmet Yilmaz;Yilmaz Klussenbedrijf;mehmet@example.org;06 12345678;Kasteellaan;14;A;6602 BK;Wijchen;4399;Tozo 2',
      '30000502;Sanne Jansen;Jansen Design;sanne@example.org;024 1234567;Markt;3;;6601 AB;Wijchen;7410;Tozo 1',
    ].join('\r\n');
    const first = await post(
      t.agent('wijchen-caseworker'),
      'imports?mode=all-or-nothing',
      Buffer.from(full),
    );
    expect(first.status, first.text).to.equal(201);
    const before = (await recipients('GM0296')).filter((r) => r.kvk_number.startsWith('300005'));
    expect(before[0]).to.deep.include({
      street: 'Kasteellaan',
      house_number_addition: 'A',
      town: 'Wijchen',
    });

    // Only KvK, name and Tozo period; Sanne's name is spelled anew and her period changed.
    const thin = [
      'KvK-nummer;Naam;Tozo',
      '30000501;Mehmet Yilmaz;Tozo 2',
      '30000502;Sanne Jansen-de Wit;Tozo 3',
    ].join('\r\n');
    const preview = (
      await post(t.agent('wijchen-caseworker'), 'imports/preview', Buffer.from(thin))
    ).json<OutreachImportReport>();
    expect(preview.counts).to.deep.equal({ new: 0, updated: 1, unchanged: 1, rejected: 0 });
    expect(preview.changes).to.deep.equal([
      {
        row: 3,
        recipient: '30000502',
        fields: [
          { column: 'Naam', old: 'Sanne Jansen', new: 'Sanne Jansen-de Wit' },
          { column: 'Tozo', old: 'tozo1', new: 'tozo3' },
        ],
      },
    ]);
    const done = await post(
      t.agent('wijchen-caseworker'),
      'imports?mode=all-or-nothing',
      Buffer.from(thin),
    );
    expect(done.status, done.text).to.equal(201);
    const after = (await recipients('GM0296')).filter((r) => r.kvk_number.startsWith('300005'));
    const keep = (r: Record<string, unknown>) => {
      const {
        name: _n,
        tozo_periods: _t,
        updated_at: _u,
        last_import_id: _l,
        content_hash: _h,
        ...rest
      } = r;
      return rest;
    };
    // Everything the file did not give is exactly as it was, for both recipients.
    expect(after.map(keep)).to.deep.equal(before.map(keep));
    expect(after[0]).to.deep.include({ name: 'Mehmet Yilmaz', tozo_periods: ['tozo2'] });
    expect(after[1]).to.deep.include({ name: 'Sanne Jansen-de Wit', tozo_periods: ['tozo3'] });

    // Empty cells in a column that is present do not erase either.
    const blanks = ['KvK-nummer;E-mailadres;Telefoonnummer', '30000501;;'].join('\r\n');
    const blank = await post(
      t.agent('wijchen-caseworker'),
      'imports?mode=all-or-nothing',
      Buffer.from(blanks),
    );
    expect(blank.json<OutreachImportReport>().counts.unchanged).to.equal(1);
    const last = (await recipients('GM0296')).find((r) => r.kvk_number === '30000501');
    expect(last).to.deep.include({ email: 'mehmet@example.org', phone: '06 12345678' });
  });

  it('says exactly what is wrong, with the value, and warns about what it corrected', async () => {
    const file = [
      'KvK-nummer;Naam;Postcode;Huisnummer',
      '30000601;Een;0601 GH;1',
      '30000602;Twee;6607 SA;2',
      ';;;',
      '3000603;Drie;6603 AB;3',
      '30000604;Vier;6604;4',
    ].join('\r\n');
    const report = (
      await post(t.agent('wijchen-caseworker'), 'imports/preview', Buffer.from(file))
    ).json<OutreachImportReport>();
    expect(report.errors).to.deep.equal([
      { row: 2, column: 'Postcode', reason: '0601 GH: een postcode begint niet met 0.' },
      {
        row: 3,
        column: 'Postcode',
        reason: '6607 SA: SA, SD en SS worden niet als postcode gebruikt.',
      },
      { row: 6, column: 'Postcode', reason: '6604: de twee letters ontbreken, zoals 6602 AB.' },
    ]);
    expect(report.warnings).to.deep.equal([
      { row: 4, column: '(rij)', reason: 'Lege regel overgeslagen.' },
      {
        row: 5,
        column: 'KvK-nummer',
        reason:
          '3000603 heeft 7 cijfers; gelezen als 03000603 (Excel laat een voorloopnul weg). Controleer het nummer.',
      },
    ]);
    // The empty row is skipped, not rejected as a row without KvK number.
    expect(report.counts).to.deep.equal({ new: 1, updated: 0, unchanged: 0, rejected: 3 });
  });
});
