import type {
  CaseDetail,
  CasePage,
  Contact,
  RecordVersion,
  Route,
  TimelineEvent,
} from '@herorientatie/domain';
import { expect } from 'chai';
import { Writable } from 'node:stream';
import { useTestApp, startTestApp } from '../../../../test/app.ts';
import { Agent } from '../../../../test/agent.ts';
import { bsn, intake, kvk, registration } from '../../../../test/case-fixtures.ts';
import { createLogger } from '../../../logger.ts';

const today = () => new Date().toISOString().slice(0, 10);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

/** The fixes of the platform review: each of these failed before. */
describe('case work: permissions, robustness and keeping work', () => {
  const t = useTestApp({
    logins: [
      'wijchen-caseworker',
      'wijchen-advisor',
      'wijchen-advisor-manager',
      'nijmegen-caseworker',
    ],
  });
  const agent = (name: string) => t.agent(name);
  const cw = () => agent('wijchen-caseworker');
  const userId = async (subject: string) =>
    (await t.db.admin.query('select id from app_user where subject = $1', [subject])).rows[0]
      .id as string;
  const register = async (
    overrides: Record<string, unknown> = {},
    e: Record<string, unknown> = {},
  ) => {
    const result = await cw().send('POST', '/api/v1/cases', registration(overrides, e));
    expect(result.status, result.text).to.equal(201);
    return result.json<CaseDetail>();
  };
  const withRoutes = async () => {
    const c = await register();
    const base = `/api/v1/cases/${c.id}`;
    expect((await cw().send('POST', `${base}/intake`, intake())).status).to.equal(201);
    return { c, base };
  };

  describe('permissions per object', () => {
    it('an advisor who is also a manager reads every case but changes only assigned ones', async () => {
      const both = agent('wijchen-advisor-manager');
      const unassigned = await register();
      expect((await both.get(`/api/v1/cases/${unassigned.id}`)).status).to.equal(200);
      const patch = await both.send('PATCH', `/api/v1/cases/${unassigned.id}`, {
        urgency: 'acute',
      });
      expect(patch.status).to.equal(403);
      const withdraw = await both.send('POST', `/api/v1/cases/${unassigned.id}/withdrawal`, {
        reason: 'Niet van mij',
      });
      expect(withdraw.status).to.equal(403);
      expect((await cw().get(`/api/v1/cases/${unassigned.id}`)).json<CaseDetail>()).to.include({
        status: 'registered',
        urgency: 'high',
      });

      const assigned = await register({ advisorId: await userId('wijchen-advisor-manager') });
      const ok = await both.send('PATCH', `/api/v1/cases/${assigned.id}`, { urgency: 'acute' });
      expect(ok.status, ok.text).to.equal(200);
    });

    it('replays a create only while the user may still change the case', async () => {
      const advisor = agent('wijchen-advisor');
      const c = await register({ advisorId: await userId('wijchen-advisor') });
      const contact = {
        occurredAt: new Date().toISOString(),
        channel: 'phone',
        summary: 'Teruggebeld',
      };
      const send = () =>
        advisor.request('POST', `/api/v1/cases/${c.id}/contacts`, {
          body: contact,
          headers: { 'x-csrf-token': advisor.csrfToken!, 'idempotency-key': 'contact-1' },
        });
      expect((await send()).status).to.equal(201);
      expect((await send()).headers.get('idempotent-replayed')).to.equal('true');
      // Handed over to another advisor: the replay no longer answers.
      await cw().send('PATCH', `/api/v1/cases/${c.id}`, { advisorId: null });
      const replay = await send();
      expect(replay.status).to.equal(404);
    });
  });

  describe('races answer like the sequential case', () => {
    it('registers one of several concurrent registrations with the same KvK number', async () => {
      const number = kvk();
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          cw().send(
            'POST',
            '/api/v1/cases',
            registration({}, { kvkNumber: number, bsn: undefined }),
          ),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).to.deep.equal([201, 409, 409, 409, 409]);
      for (const r of results.filter((x) => x.status === 409)) {
        expect(r.headers.get('content-type')).to.match(/problem\+json/);
        expect(r.json<{ detail: string }>().detail).to.match(/KvK-nummer|al een/);
      }
    });

    it('opens one case when two open one for the same entrepreneur at once', async () => {
      const c = await register();
      await cw().send('POST', `/api/v1/cases/${c.id}/withdrawal`, { reason: 'Later opnieuw' });
      const again = () =>
        cw().send('POST', '/api/v1/cases', {
          entrepreneurId: c.entrepreneurId,
          source: 'self_registration',
          urgency: 'normal',
          otherSupport: 'some',
        });
      const statuses = (await Promise.all([again(), again(), again()])).map((r) => r.status).sort();
      expect(statuses).to.deep.equal([201, 409, 409]);
    });
  });

  describe('valid-looking input never gives a 500', () => {
    it('refuses NUL and control characters in text and search with a Dutch 400', async () => {
      const nul = await cw().send(
        'POST',
        '/api/v1/cases',
        registration({}, { name: 'Fa\u0000tima' }),
      );
      expect(nul.status).to.equal(400);
      expect(nul.json<{ errors: { name: string; reason: string }[] }>().errors[0]).to.deep.include({
        name: 'entrepreneur.name',
        reason: 'De tekst bevat tekens die niet zijn toegestaan.',
      });
      const search = await cw().get(`/api/v1/cases?q=${encodeURIComponent('abc\u0000')}`);
      expect(search.status).to.equal(400);
      const entrepreneurs = await cw().get(
        `/api/v1/entrepreneurs?q=${encodeURIComponent('\u0007')}`,
      );
      expect(entrepreneurs.status).to.equal(400);
    });

    it('refuses impossible and out-of-range dates', async () => {
      const { base } = await withRoutes();
      for (const date of ['0000-01-01', '2020-02-30', '9999-12-31']) {
        const r = await cw().send('POST', `${base}/routes`, {
          type: 'employment',
          startDate: date,
        });
        expect(r.status, date).to.equal(400);
      }
      const planned = await cw().send('POST', `/api/v1/cases`, registration());
      const id = planned.json<CaseDetail>().id;
      const appointment = await cw().send('PUT', `/api/v1/cases/${id}/intake-appointment`, {
        scheduledAt: '0001-01-01T10:00:00Z',
      });
      expect(appointment.status).to.equal(400);
    });

    it('refuses a cursor that decodes but that PostgreSQL would reject', async () => {
      const cursor = Buffer.from(
        JSON.stringify(['+275760-09-13T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
      ).toString('base64url');
      const r = await cw().get(`/api/v1/cases?cursor=${cursor}`);
      expect(r.status).to.equal(400);
      expect(r.json<{ errors: { name: string }[] }>().errors[0]!.name).to.equal('cursor');
    });

    it('answers malformed multipart with a 400', async () => {
      const c = await register();
      const r = await cw().request('POST', `/api/v1/cases/${c.id}/attachments`, {
        body: '--grens\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF',
        headers: {
          'content-type': 'multipart/form-data; boundary=grens',
          'x-csrf-token': cw().csrfToken!,
        },
      });
      expect(r.status).to.equal(400);
      expect(r.headers.get('content-type')).to.match(/problem\+json/);
    });
  });

  describe('uploads', () => {
    it('keeps a UTF-8 file name and removes bidi and control characters', async () => {
      const c = await register();
      const cafe = await cw().upload(
        `/api/v1/cases/${c.id}/attachments`,
        'café jaarcijfers.pdf',
        PDF,
      );
      expect(cafe.status, cafe.text).to.equal(201);
      expect(cafe.json<{ filename: string }>().filename).to.equal('café jaarcijfers.pdf');
      const tricky = await cw().upload(
        `/api/v1/cases/${c.id}/attachments`,
        'rapport\u202Efdp.pdf',
        PDF,
      );
      expect(tricky.json<{ filename: string }>().filename).to.equal('rapportfdp.pdf');
    });
  });

  describe('closed and withdrawn cases', () => {
    it('keep their records as they are, while contacts and documents stay possible', async () => {
      const { c, base } = await withRoutes();
      const route = (
        await cw().send('POST', `${base}/routes`, { type: 'employment', startDate: today() })
      ).json<Route>();
      const coaching = (
        await cw().send('POST', `${base}/coachings`, { coach: 'Piet', startDate: today() })
      ).json<{ id: string }>();
      const closed = await cw().send('POST', `${base}/closure`, {
        outcome: 'business_stopped_employed',
        endRunning: true,
      });
      expect(closed.status, closed.text).to.equal(200);
      const attempts = {
        coaching: await cw().send('PUT', `${base}/coachings/${coaching.id}`, {
          coach: 'Piet',
          startDate: today(),
          sessions: 9,
        }),
        route: await cw().send('PATCH', `${base}/routes/${route.id}`, {
          status: 'completed',
          endDate: today(),
          outcome: 'side_job',
        }),
        intake: await cw().send('PUT', `${base}/intake`, {
          ...intake(),
          correctionReason: 'typfout',
        }),
        newRoute: await cw().send('POST', `${base}/routes`, {
          type: 'employment',
          startDate: today(),
        }),
      };
      for (const [what, r] of Object.entries(attempts)) expect(r.status, what).to.equal(409);
      const contact = await cw().send('POST', `${base}/contacts`, {
        occurredAt: new Date().toISOString(),
        channel: 'email',
        summary: 'Nazorg: werkt nu bij de gemeente',
      });
      expect(contact.status).to.equal(201);
      const document = await cw().upload(`${base}/attachments`, 'arbeidscontract.pdf', PDF);
      expect(document.status).to.equal(201);
      const summaries = (await cw().get(`${base}/timeline`))
        .json<TimelineEvent[]>()
        .map((e) => e.summary);
      expect(summaries).to.include('E-mail: Nazorg: werkt nu bij de gemeente');
      expect(summaries).to.include('Document toegevoegd: arbeidscontract.pdf');
      expect(
        summaries.some((s) => s.startsWith('Route 3: (bij)baan in loondienst beëindigd')),
      ).to.equal(true);
      expect(c.id).to.be.a('string');
    });
  });

  describe('never losing a caseworker’s work', () => {
    it('keeps the start note of a route when it ends with its own note', async () => {
      const { base } = await withRoutes();
      const started = await cw().send('POST', `${base}/routes`, {
        type: 'employment',
        startDate: today(),
        note: 'Zoekt 16 uur per week in de zorg',
      });
      const ended = await cw().send('PATCH', `${base}/routes/${started.json<Route>().id}`, {
        status: 'completed',
        endDate: today(),
        outcome: 'side_job',
        note: 'Bijbaan bij thuiszorg gevonden',
      });
      expect(ended.json<Route>()).to.include({
        startNote: 'Zoekt 16 uur per week in de zorg',
        endNote: 'Bijbaan bij thuiszorg gevonden',
      });
    });

    it('corrects a contact and keeps the earlier version with the reason', async () => {
      const { base } = await withRoutes();
      const first = (
        await cw().send('POST', `${base}/contacts`, {
          occurredAt: new Date(Date.now() - 3600_000).toISOString(),
          channel: 'phone',
          summary: 'Afspraak op dinsdag',
        })
      ).json<Contact>();
      expect(first.version).to.equal(1);
      const missing = await cw().send('PUT', `${base}/contacts/${first.id}`, {
        occurredAt: first.occurredAt,
        channel: 'phone',
        summary: 'Afspraak op woensdag',
      });
      expect(missing.status).to.equal(400);
      const corrected = await cw().send('PUT', `${base}/contacts/${first.id}`, {
        occurredAt: first.occurredAt,
        channel: 'phone',
        summary: 'Afspraak op woensdag',
        correctionReason: 'Verkeerde dag genoteerd',
      });
      expect(corrected.status, corrected.text).to.equal(200);
      expect(corrected.json<Contact>()).to.include({ summary: 'Afspraak op woensdag', version: 2 });
      const history = (await cw().get(`${base}/record-history/contact/${first.id}`)).json<
        RecordVersion[]
      >();
      expect(history).to.have.length(1);
      expect(history[0]).to.deep.include({ version: 1, reason: 'Verkeerde dag genoteerd' });
      expect(history[0]!.data).to.deep.include({
        summary: 'Afspraak op dinsdag',
        channel: 'phone',
      });
      expect(history[0]!.data).to.have.property('occurredAt');
      const other = await agent('nijmegen-caseworker').get(
        `${base}/record-history/contact/${first.id}`,
      );
      expect(other.status).to.equal(404);
    });

    it('corrects the intake, and the status follows the routes that run', async () => {
      const { base } = await withRoutes();
      const corrected = await cw().send('PUT', `${base}/intake`, {
        ...intake({ viability: 'not_viable' }),
        correctionReason: 'Oordeel adviseur later ontvangen',
      });
      expect(corrected.json<{ viability: string; version: number }>()).to.include({
        viability: 'not_viable',
        version: 2,
      });
      const route = (
        await cw().send('POST', `${base}/routes`, { type: 'employment', startDate: today() })
      ).json<Route>();
      expect((await cw().get(base)).json<CaseDetail>().status).to.equal('in_progress');
      await cw().send('PATCH', `${base}/routes/${route.id}`, {
        status: 'stopped',
        endDate: today(),
        outcome: 'no_job',
      });
      expect((await cw().get(base)).json<CaseDetail>().status).to.equal('intake_done');
    });

    it('puts coaching updates and changes to the entrepreneur on the timeline', async () => {
      const { c, base } = await withRoutes();
      const coaching = (
        await cw().send('POST', `${base}/coachings`, { coach: 'Piet', startDate: today() })
      ).json<{ id: string }>();
      await cw().send('PUT', `${base}/coachings/${coaching.id}`, {
        coach: 'Piet',
        startDate: today(),
        sessions: 3,
      });
      await cw().send('PUT', `/api/v1/entrepreneurs/${c.entrepreneurId}`, {
        ...registration().entrepreneur,
        kvkNumber: c.entrepreneur.kvkNumber,
        phone: '06 87654321',
      });
      await cw().send('PATCH', base, { urgency: 'acute' });
      const summaries = (await cw().get(`${base}/timeline`))
        .json<TimelineEvent[]>()
        .map((e) => e.summary);
      expect(summaries).to.include('Coaching bijgewerkt: 3 gesprekken');
      expect(summaries.find((s) => s.startsWith('Gegevens ondernemer gewijzigd'))).to.contain(
        'telefoonnummer',
      );
      expect(summaries).to.include('Gewijzigd: urgentie Hoog → Acuut');
    });
  });

  describe('audit of lists and searches', () => {
    it('records the query and which records a list returned', async () => {
      const c = await register({}, { name: 'Zoekbare Zus' });
      const page = (await cw().get('/api/v1/cases?q=zoekbare')).json<CasePage>();
      expect(page.items.map((i) => i.id)).to.deep.equal([c.id]);
      const entry = (
        await t.db.admin.query(
          `select query, object_ids, actor_kind, request_id from audit_log
            where object_type = 'case-list' order by occurred_at desc limit 1`,
        )
      ).rows[0];
      expect(entry.query.q).to.equal('zoekbare');
      expect(entry.object_ids).to.deep.equal([c.id]);
      expect(entry.actor_kind).to.equal('user');
      expect(entry.request_id).to.match(/^[0-9a-f-]{36}$/);
    });
  });

  describe('no personal data in logs', () => {
    it('logs a failing write without its parameters, BSN, e-mail or phone', async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const logged = await startTestApp(
        t.db,
        { LOG_LEVEL: 'info' },
        {
          logger: createLogger('info', sink),
        },
      );
      try {
        // A write that fails inside PostgreSQL, as an unforeseen database error would.
        await t.db.admin.query(`
          create function refuse_entrepreneur() returns trigger language plpgsql as $$
          begin raise exception 'weigering: %', new.bsn; end $$;
          create trigger refuse_entrepreneur before insert on entrepreneur
            for each row when (new.name = 'Falende Fenna') execute function refuse_entrepreneur();`);
        const a = new Agent(logged.baseUrl);
        await a.login('wijchen-caseworker');
        const number = bsn();
        const r = await a.send(
          'POST',
          '/api/v1/cases',
          registration({}, { name: 'Falende Fenna', bsn: number, email: 'fenna@example.org' }),
        );
        expect(r.status).to.equal(500);
        const log = lines.join('');
        expect(log).to.contain('unhandled error');
        if (process.env.DEBUG_LOG) console.log(log);
        for (const secret of [number, 'fenna@example.org', '06 12345678', 'Falende Fenna']) {
          expect(log, secret).to.not.contain(secret);
        }
      } finally {
        await t.db.admin.query(
          'drop trigger refuse_entrepreneur on entrepreneur; drop function refuse_entrepreneur()',
        );
        await logged.stop();
      }
    });
  });
});
