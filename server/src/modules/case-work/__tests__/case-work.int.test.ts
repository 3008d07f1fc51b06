import type { CaseDetail, NextAction, Note, RecordVersion, SearchHit } from '@herorientatie/domain';
import { ACTION_LIST_COLUMNS } from '@herorientatie/domain';
import { expect } from 'chai';
import fc from 'fast-check';
import { useTestApp } from '../../../../test/app.ts';
import { setLetterhead } from '../../../../test/letterhead.ts';
import { linesOf, pdfTextItems } from '../../../../test/pdf-layout.ts';
import { hasPdftoppm, pdfToPngs } from '../../../../test/pdf-png.ts';
import { intake, registration } from '../../../../test/case-fixtures.ts';
import { pdfPages } from '../../../../test/pdf-text.ts';
import { searchBranches, searchSql } from '../../cases/case-search.ts';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('case work: actions, notes, search, handover', () => {
  const t = useTestApp({
    logins: ['wijchen-caseworker', 'wijchen-advisor', 'nijmegen-caseworker'],
  });
  const cw = () => t.agent('wijchen-caseworker');
  const userId = async (subject: string) =>
    (await t.db.admin.query('select id from app_user where subject = $1', [subject])).rows[0]
      .id as string;
  const register = async (entrepreneur: Record<string, unknown> = {}) =>
    (await cw().send('POST', '/api/v1/cases', registration({}, entrepreneur))).json<CaseDetail>();

  it('keeps next actions with due dates, done, postponed or dropped, and counts today and overdue', async () => {
    const c = await register();
    const base = `/api/v1/cases/${c.id}`;
    const overdue = (
      await cw().send('POST', `${base}/actions`, { title: 'Bel terug', dueOn: day(-2) })
    ).json<NextAction>();
    const today = (
      await cw().send('POST', `${base}/actions`, { title: 'Stuur uitnodiging', dueOn: day(0) })
    ).json<NextAction>();
    expect(overdue).to.include({ overdue: true, status: 'open', ownerName: 'Consulent Wijchen' });
    const counts = (await cw().get('/api/v1/action-counts')).json<Record<string, number>>();
    expect(counts).to.deep.include({ mineToday: 1, mineOverdue: 1 });
    const mine = (await cw().get('/api/v1/actions?scope=mine&when=overdue')).json<NextAction[]>();
    expect(mine.map((a) => a.title)).to.deep.equal(['Bel terug']);
    expect(
      (await cw().send('POST', `${base}/actions/${overdue.id}/postponement`, { dueOn: day(-3) }))
        .status,
    ).to.equal(400);
    const postponed = (
      await cw().send('POST', `${base}/actions/${overdue.id}/postponement`, {
        dueOn: day(3),
        note: 'Op vakantie',
      })
    ).json<NextAction>();
    expect(postponed).to.include({ overdue: false, postponements: 1 });
    expect(
      (
        await cw().send('POST', `${base}/actions/${today.id}/completion`, { outcome: 'done' })
      ).json<NextAction>().status,
    ).to.equal('done');
    expect(
      (await cw().send('POST', `${base}/actions/${today.id}/completion`, { outcome: 'done' }))
        .status,
    ).to.equal(409);
    const timeline = (await cw().get(`${base}/timeline`))
      .json<{ summary: string }[]>()
      .map((e) => e.summary);
    expect(timeline.some((s) => s.startsWith('Actie gedaan: Stuur uitnodiging'))).to.equal(true);
    expect(timeline.some((s) => s.startsWith('Actie uitgesteld tot'))).to.equal(true);
  });

  it('makes the planned intake an action, done when the intake is recorded', async () => {
    const c = await register();
    await cw().send('PUT', `/api/v1/cases/${c.id}/intake-appointment`, {
      scheduledAt: `${day(5)}T09:00:00+01:00`,
    });
    const actions = (await cw().get(`/api/v1/cases/${c.id}/actions`)).json<NextAction[]>();
    expect(actions.map((a) => [a.kind, a.dueOn, a.status])).to.deep.equal([
      ['intake', day(5), 'open'],
    ]);
    await cw().send('PUT', `/api/v1/cases/${c.id}/intake-appointment`, {
      scheduledAt: `${day(6)}T09:00:00+01:00`,
    });
    expect(
      (await cw().get(`/api/v1/cases/${c.id}/actions`)).json<NextAction[]>()[0]!.dueOn,
    ).to.equal(day(6));
  });

  it('plans the intake with its advisor, never in the past', async () => {
    const c = await register();
    const past = await cw().send('PUT', `/api/v1/cases/${c.id}/intake-appointment`, {
      scheduledAt: `${day(-1)}T09:00:00+01:00`,
    });
    expect(past.status).to.equal(400);
    expect(past.text).to.contain('Een geplande intake kan niet in het verleden liggen.');
    expect((await cw().get(`/api/v1/cases/${c.id}`)).json<CaseDetail>().status).to.equal(
      'registered',
    );
    const notAdvisor = await cw().send('PUT', `/api/v1/cases/${c.id}/intake-appointment`, {
      scheduledAt: `${day(3)}T09:00:00+01:00`,
      advisorId: await userId('wijchen-caseworker'),
    });
    expect(notAdvisor.status).to.equal(400);
    // Nothing of the refused planning stays: one change, one transaction.
    expect((await cw().get(`/api/v1/cases/${c.id}/actions`)).json<NextAction[]>()).to.deep.equal(
      [],
    );
    const advisor = await userId('wijchen-advisor');
    const planned = await cw().send('PUT', `/api/v1/cases/${c.id}/intake-appointment`, {
      scheduledAt: `${day(3)}T09:00:00+01:00`,
      advisorId: advisor,
    });
    expect(planned.status, planned.text).to.equal(200);
    expect(planned.json<CaseDetail>()).to.include({
      status: 'intake_scheduled',
      advisorId: advisor,
      advisorName: 'Adviseur Wijchen',
    });
  });

  it('starts the recommended routes in one step, leaving running ones alone', async () => {
    const c = await register();
    const base = `/api/v1/cases/${c.id}`;
    const early = await cw().send('POST', `${base}/recommended-routes`, { startDate: day(0) });
    expect(early.status).to.equal(409);
    await cw().send('POST', `${base}/intake`, intake());
    await cw().send('POST', `${base}/routes`, { type: 'employment', startDate: day(0) });
    const bad = await cw().send('POST', `${base}/recommended-routes`, { startDate: '2026-02-30' });
    expect(bad.status).to.equal(400);
    const started = await cw().send('POST', `${base}/recommended-routes`, {
      startDate: day(0),
      note: 'Afgesproken in het adviesgesprek',
    });
    expect(started.status, started.text).to.equal(201);
    expect(
      started.json<{ type: string; startNote: string }[]>().map((r) => [r.type, r.startNote]),
    ).to.deep.equal([['strengthen_business', 'Afgesproken in het adviesgesprek']]);
    const routes = (await cw().get(`${base}/routes`)).json<{ type: string; status: string }[]>();
    expect(routes.map((r) => r.type).sort()).to.deep.equal(['employment', 'strengthen_business']);
    const again = await cw().send('POST', `${base}/recommended-routes`, { startDate: day(0) });
    expect(again.status).to.equal(409);
    expect(again.json<{ detail: string }>().detail).to.equal('De aanbevolen routes lopen al.');
    // The caseworker may start only some of them.
    const other = await register();
    await cw().send('POST', `/api/v1/cases/${other.id}/intake`, intake());
    const none = await cw().send('POST', `/api/v1/cases/${other.id}/recommended-routes`, {
      startDate: day(0),
      types: [],
    });
    expect(none.status).to.equal(400);
    const some = await cw().send('POST', `/api/v1/cases/${other.id}/recommended-routes`, {
      startDate: day(0),
      types: ['employment'],
    });
    expect(some.json<{ type: string }[]>().map((r) => r.type)).to.deep.equal(['employment']);
  });

  it('hands the open actions over with the case, not the done ones', async () => {
    const c = await register();
    const base = `/api/v1/cases/${c.id}`;
    const open = (
      await cw().send('POST', `${base}/actions`, { title: 'Bel terug', dueOn: day(1) })
    ).json<NextAction>();
    const done = (
      await cw().send('POST', `${base}/actions`, { title: 'Mail gestuurd', dueOn: day(0) })
    ).json<NextAction>();
    await cw().send('POST', `${base}/actions/${done.id}/completion`, { outcome: 'done' });
    await t.db.admin.query(
      `update app_user set roles = '{caseworker}' where subject = 'wijchen-advisor'`,
    );
    const colleague = await userId('wijchen-advisor');
    const r = await cw().send('POST', '/api/v1/cases/reassignment', {
      caseIds: [c.id],
      caseworkerId: colleague,
    });
    expect(r.status, r.text).to.equal(200);
    const actions = (await cw().get(`${base}/actions`)).json<NextAction[]>();
    expect(actions.find((a) => a.id === open.id)!.ownerId).to.equal(colleague);
    expect(actions.find((a) => a.id === done.id)!.ownerId).to.equal(
      await userId('wijchen-caseworker'),
    );
    const timeline = (await cw().get(`${base}/timeline`)).json<{ summary: string }[]>();
    // From whom to whom, and what went along.
    expect(timeline.map((e) => e.summary)).to.satisfy((lines: string[]) =>
      lines.some((l) => /^Toewijzing gewijzigd: consulent .+ → .+; 1 open actie mee$/.test(l)),
    );
    await t.db.admin.query(
      `update app_user set roles = '{advisor}' where subject = 'wijchen-advisor'`,
    );
  });

  it('keeps notes with their earlier versions', async () => {
    const c = await register();
    const notes = (
      await cw().send('POST', `/api/v1/cases/${c.id}/notes`, { text: 'Klant belt dinsdag terug' })
    ).json<Note[]>();
    const corrected = await cw().send('PUT', `/api/v1/cases/${c.id}/notes/${notes[0]!.id}`, {
      text: 'Klant belt woensdag terug',
      correctionReason: 'Verkeerde dag',
    });
    expect(corrected.json<Note[]>()[0]).to.include({
      text: 'Klant belt woensdag terug',
      version: 2,
    });
    const history = (
      await cw().get(`/api/v1/cases/${c.id}/record-history/note/${notes[0]!.id}`)
    ).json<RecordVersion[]>();
    expect(history[0]!.data.text).to.equal('Klant belt dinsdag terug');
  });

  it('finds cases by name part, business name, KvK, case number part, postcode, e-mail, phone and notes', async () => {
    const c = await register({
      name: 'Henriëtte Bosveld',
      businessName: 'Bloemenhuis De Linde',
      postcode: '6604 CD',
      email: 'henriette@example.org',
      phone: '06 99887766',
    });
    await cw().send('POST', `/api/v1/cases/${c.id}/notes`, {
      text: 'Wil graag hulp bij schuldsanering van de winkel',
    });
    const find = async (q: string) =>
      (await cw().get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json<SearchHit[]>();
    for (const [q, matched] of [
      ['bosveld', 'naam of bedrijfsnaam'],
      ['Bloemenhuis', 'naam of bedrijfsnaam'],
      ['bosvelt', 'naam of bedrijfsnaam'],
      [c.entrepreneur.kvkNumber!, 'KvK-nummer'],
      [c.reference.slice(3), 'dossiernummer'],
      ['6604cd', 'postcode'],
      ['HENRIETTE@example.org', 'e-mailadres'],
      ['0699887766', 'telefoonnummer'],
      ['schuldsanering', 'notitie'],
      // The dossier number whole, and its last digits alone (only the number branch applies).
      [c.reference, 'dossiernummer'],
      [c.reference.slice(-4), 'dossiernummer'],
      // A postcode's four digits, and a part of a phone number.
      ['6604', 'postcode'],
      ['06 9988', 'telefoonnummer'],
      ['06998877', 'telefoonnummer'],
    ]) {
      const hits = await find(q!);
      expect(hits[0], q).to.deep.include({ caseId: c.id, matchedOn: matched });
    }
    expect(await find('zzqqxx')).to.deep.equal([]);
    expect(
      (await t.agent('nijmegen-caseworker').get('/api/v1/search?q=bosveld')).json<SearchHit[]>(),
    ).to.deep.equal([]);
    expect(
      (await t.agent('wijchen-advisor').get('/api/v1/search?q=bosveld')).json<SearchHit[]>(),
    ).to.deep.equal([]);
    expect((await cw().get('/api/v1/search?q=a')).status).to.equal(400);
  });

  it('answers every shape of query without a server error (generated queries)', async () => {
    const digits = (min: number, max: number) =>
      fc
        .array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max })
        .map((d) => d.join(''));
    const query = fc.oneof(
      digits(2, 12),
      fc.tuple(fc.constantFrom('HO-', 'ho', 'HO-2026-', ''), digits(1, 6)).map(([a, b]) => a + b),
      fc.tuple(digits(4, 4), fc.constantFrom('', ' ', 'AB', ' bk', 'Z')).map(([a, b]) => a + b),
      fc.tuple(fc.constantFrom('06 ', '+31 6 ', '(024) '), digits(2, 8)).map(([a, b]) => a + b),
      fc.emailAddress(),
      fc.string({ minLength: 2, maxLength: 40 }),
      fc.stringMatching(/^[%_\\'"();:*&|!<>-]{2,12}$/),
    );
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const r = await cw().get(`/api/v1/search?q=${encodeURIComponent(q)}`);
        expect(r.status, `${q}: ${r.text}`).to.be.below(500);
      }),
      { numRuns: 200 },
    );
  });

  it('searches by BSN only with a reason, and audits it', async () => {
    const c = await register({ bsn: '123456782' });
    expect((await cw().send('POST', '/api/v1/search/bsn', { bsn: '123456782' })).status).to.equal(
      400,
    );
    const hits = (
      await cw().send('POST', '/api/v1/search/bsn', {
        bsn: '123456782',
        reason: 'Brief van de Belastingdienst',
      })
    ).json<SearchHit[]>();
    expect(hits.map((h) => h.caseId)).to.deep.equal([c.id]);
    const audit = await t.db.admin.query(
      `select reason from audit_log where object_type = 'search-bsn'`,
    );
    expect(audit.rows[0].reason).to.equal('Brief van de Belastingdienst');
    expect(
      (
        await t
          .agent('wijchen-advisor')
          .send('POST', '/api/v1/search/bsn', { bsn: '123456782', reason: 'x' })
      ).status,
    ).to.equal(403);
  });

  it('prints a dossier summary without the BSN', async () => {
    const c = await register({ bsn: '111222333', name: 'Gerda Printmans' });
    await cw().send('POST', `/api/v1/cases/${c.id}/notes`, {
      text: 'Graag op papier voor het overleg',
    });
    await setLetterhead(t.app.baseUrl);
    const letter = await cw().send('POST', `/api/v1/cases/${c.id}/letters`, {
      kind: 'confirmation',
      sendByEmail: true,
    });
    expect(letter.status, letter.text).to.equal(201);
    const r = await cw().bytes(`/api/v1/cases/${c.id}/summary.pdf`);
    expect(r.status).to.equal(200);
    expect(r.headers.get('content-type')).to.equal('application/pdf');
    if (process.env.SAVE_SUMMARY)
      (await import('node:fs')).writeFileSync(process.env.SAVE_SUMMARY, r.bytes);
    const text = (await pdfPages(r.bytes)).join('\n');
    expect(text).to.contain('Gerda Printmans');
    expect(text).to.contain(c.reference);
    expect(text).to.contain('Graag op papier voor het overleg');
    // A long file name may wrap in its column.
    expect(text.replace(/\s+/g, '')).to.match(/bevestiging-aanmelding-.*\.pdf\(brief\)/);
    expect(text).to.not.contain('111222333');
    // A normal case with an intake, a route, contacts and notes: at most two full pages,
    // each with "Vertrouwelijk" and its page number, rendered as a reader sees it.
    expect((await cw().send('POST', `/api/v1/cases/${c.id}/intake`, intake())).status).to.equal(
      201,
    );
    for (let i = 1; i <= 6; i++) {
      await cw().send('POST', `/api/v1/cases/${c.id}/contacts`, {
        occurredAt: new Date(Date.now() - i * 86_400_000).toISOString(),
        channel: 'phone',
        summary: `Gebeld over de voortgang, ronde ${i}: afspraken gemaakt over de volgende stap.`,
      });
      await cw().send('POST', `/api/v1/cases/${c.id}/notes`, { text: `Notitie ${i}` });
    }
    const full = await cw().bytes(`/api/v1/cases/${c.id}/summary.pdf`);
    const pages = await pdfTextItems(full.bytes);
    expect(pages.length).to.be.within(1, 2);
    pages.forEach((page, i) => {
      const lines = linesOf(page).map((l) => l.str);
      expect(lines.length, `page ${i + 1} holds more than a line or two`).to.be.greaterThan(8);
      expect(lines.join('\n'))
        .to.contain('Vertrouwelijk')
        .and.contain(`Pagina ${i + 1} van ${pages.length}`);
    });
    for (const label of ['Naam', 'Adres', 'Status', 'Consulent', 'Levensvatbaarheid']) {
      expect(
        pages.flat().some((item) => item.str === label),
        label,
      ).to.equal(true);
    }
    if (hasPdftoppm()) expect(await pdfToPngs(full.bytes)).to.have.length(pages.length);
    const audit = await t.db.admin.query(
      `select action from audit_log where object_type = 'case-summary' and object_id = $1`,
      [c.id],
    );
    expect(audit.rows.length).to.be.greaterThan(0);
    expect(audit.rows.every((row) => row.action === 'export')).to.equal(true);
    expect(
      (await t.agent('nijmegen-caseworker').get(`/api/v1/cases/${c.id}/summary.pdf`)).status,
    ).to.equal(404);
  });

  it('hands cases over in bulk, audited and on each timeline', async () => {
    const [a, b] = [await register(), await register()];
    const advisor = await userId('wijchen-advisor');
    const r = await cw().send('POST', '/api/v1/cases/reassignment', {
      caseIds: [a.id, b.id],
      advisorId: advisor,
    });
    expect(r.json()).to.deep.equal({ reassigned: 2 });
    for (const c of [a, b]) {
      expect((await cw().get(`/api/v1/cases/${c.id}`)).json<CaseDetail>().advisorId).to.equal(
        advisor,
      );
      const timeline = (await cw().get(`/api/v1/cases/${c.id}/timeline`))
        .json<{ summary: string }[]>()
        .map((e) => e.summary);
      expect(timeline).to.satisfy((lines: string[]) =>
        lines.some((l) => /^Toewijzing gewijzigd: bedrijfsadviseur .+ → .+$/.test(l)),
      );
    }
    const foreign = await t
      .agent('nijmegen-caseworker')
      .send('POST', '/api/v1/cases/reassignment', { caseIds: [a.id], advisorId: advisor });
    expect(foreign.status).to.equal(404);
    expect(
      (
        await t
          .agent('wijchen-advisor')
          .send('POST', '/api/v1/cases/reassignment', { caseIds: [a.id], caseworkerId: advisor })
      ).status,
    ).to.equal(403);
  });

  it('answers a name search from the indexes on 100,000 cases', async () => {
    await t.db.admin.query(
      `with m as (select id from municipality where code = 'GM0296'),
       e as (insert into entrepreneur (municipality_id, name, business_name, legal_form)
             select m.id, 'Persoon ' || md5(g::text), 'Zaak ' || md5((g * 7)::text), 'bv' from m, generate_series(1, 100000) g
             returning municipality_id, id)
       insert into case_file (municipality_id, reference, entrepreneur_id, source, urgency, other_support)
       select e.municipality_id, 'HO-X-' || gen_random_uuid(), e.id, 'other', 'normal', 'none' from e`,
    );
    await t.db.admin.query('analyze entrepreneur; analyze case_file');
    const wijchen = (await t.db.admin.query(`select id from municipality where code = 'GM0296'`))
      .rows[0].id;
    const plan = await t.db.admin.query(
      `explain ${searchSql(searchBranches('bosveld')).replace(/\$(\d)/g, (_m, n: string) => ['', `'${wijchen}'`, "'bosveld'", "'bosveld'", 'null'][Number(n)]!)}`,
    );
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    for (const index of [
      'entrepreneur_search_idx',
      'entrepreneur_name_trgm_idx',
      'entrepreneur_business_trgm_idx',
    ]) {
      expect(text, index).to.contain(index);
    }
    expect(text).to.not.match(/Seq Scan on (entrepreneur|case_file)/);
    const started = Date.now();
    const hits = (await cw().get('/api/v1/search?q=bosveld')).json<SearchHit[]>();
    expect(hits[0]!.entrepreneurName).to.equal('Henriëtte Bosveld');
    expect(Date.now() - started).to.be.a('number');
  });

  it('exports the actions list with the columns of the page, oldest first, audited', async () => {
    const c = await register({ name: 'Exporteer Actiemans' });
    const base = `/api/v1/cases/${c.id}`;
    await cw().send('POST', `${base}/actions`, { title: '=Bel later', dueOn: day(-1) });
    await cw().send('POST', `${base}/actions`, { title: 'Eerst dit', dueOn: day(-4) });
    const r = await cw().request('GET', '/api/v1/actions/export.csv?scope=mine&when=overdue');
    expect(r.status).to.equal(200);
    expect(r.headers.get('content-disposition')).to.match(
      /filename="acties-mijn-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = r.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).to.equal(ACTION_LIST_COLUMNS.map((col) => col.label).join(';'));
    const mine = lines.filter((l) => l.includes(c.reference));
    expect(mine.map((l) => l.split(';')[0])).to.deep.equal(['Eerst dit', "'=Bel later"]);
    expect(mine[0]).to.contain('Te laat: moest uiterlijk');
    const audit = await t.db.admin.query(
      `select count(*)::int as n from audit_log where object_type = 'action-list-csv' and action = 'export'`,
    );
    expect(audit.rows[0].n).to.equal(1);
    expect((await cw().request('GET', '/api/v1/actions/export.xlsx?when=ooit')).status).to.equal(
      400,
    );
    const other = await t
      .agent('nijmegen-caseworker')
      .request('GET', '/api/v1/actions/export.csv?scope=team&when=overdue');
    expect(other.status).to.equal(200);
    expect(other.text).to.not.contain(c.reference);
  });
});
