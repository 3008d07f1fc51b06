import { expect } from 'chai';
import type { CaseDetail, CasePage, TimelineEvent, WorklistCounts } from '@herorientatie/domain';
import { useTestApp } from '../../../../test/app.ts';
import { bsn, intake, kvk, registration } from '../../../../test/case-fixtures.ts';

const today = () => new Date().toISOString().slice(0, 10);

describe('case management API', () => {
  const t = useTestApp({
    logins: [
      'wijchen-caseworker',
      'wijchen-advisor',
      'wijchen-manager',
      'wijchen-analyst',
      'nijmegen-caseworker',
      'nijmegen-advisor',
    ],
  });
  const agent = (name: string) => t.agent(name);

  const register = async (
    overrides: Record<string, unknown> = {},
    entrepreneur: Record<string, unknown> = {},
  ) => {
    const result = await agent('wijchen-caseworker').send(
      'POST',
      '/api/v1/cases',
      registration(overrides, entrepreneur),
    );
    expect(result.status, result.text).to.equal(201);
    return result.json<CaseDetail>();
  };
  const count = async (table: string) =>
    (await t.db.admin.query(`select count(*)::int as n from ${table}`)).rows[0].n;
  const userId = async (subject: string) =>
    (await t.db.admin.query('select id from app_user where subject = $1', [subject])).rows[0]
      .id as string;

  describe('registration', () => {
    it('registers an entrepreneur and opens a case', async () => {
      const created = await register({}, { bsn: '111222333' });
      expect(created.reference).to.match(/^HO-\d{4}-\d{4}$/);
      expect(created.status).to.equal('registered');
      // High urgency and no other support: the most intensive support.
      expect(created.intensity).to.equal('intensive');
      expect(created.caseworkerName).to.equal('Consulent Wijchen');
      expect(created.entrepreneur).to.include({
        name: 'Fatima el Amrani',
        postcode: '6602 AB',
        bsnMasked: '******333',
      });
      expect(created.entrepreneur.sbiLabel).to.match(/kappers/);
      expect(created.entrepreneur).to.not.have.property('bsn');
      expect(created.allowedActions).to.deep.equal(['scheduleIntake', 'recordIntake', 'withdraw']);
    });

    it('reports every invalid field at once, in Dutch, and writes nothing', async () => {
      const before = [await count('entrepreneur'), await count('case_file')];
      const result = await agent('wijchen-caseworker').send('POST', '/api/v1/cases', {
        source: 'via-via',
        entrepreneur: {
          name: '',
          email: 'geen-mail',
          phone: '12',
          postcode: '0000 AA',
          businessName: 'X',
          kvkNumber: '1234',
          bsn: '123456789',
          businessStartDate: '2999-01-01',
        },
      });
      expect(result.status).to.equal(400);
      const body = result.json<{ type: string; errors: { name: string; reason: string }[] }>();
      expect(body.type).to.equal('urn:herorientatie:problem:validation');
      const fields = body.errors.map((e) => e.name);
      expect(fields).to.include.members([
        'source',
        'entrepreneur.name',
        'entrepreneur.email',
        'entrepreneur.phone',
        'entrepreneur.postcode',
        'entrepreneur.kvkNumber',
        'entrepreneur.bsn',
        'entrepreneur.businessStartDate',
      ]);
      expect(body.errors.find((e) => e.name === 'entrepreneur.kvkNumber')?.reason).to.equal(
        'Een KvK-nummer bestaat uit precies 8 cijfers.',
      );
      expect([await count('entrepreneur'), await count('case_file')]).to.deep.equal(before);
    });

    it('refuses a duplicate KvK number or BSN within the municipality with a clear message', async () => {
      const number = kvk();
      const citizen = bsn();
      await register(
        {},
        { kvkNumber: number, bsn: citizen, name: 'Jan de Vries', businessName: 'De Vries Klussen' },
      );
      const byKvk = await agent('wijchen-caseworker').send(
        'POST',
        '/api/v1/cases',
        registration({}, { kvkNumber: number }),
      );
      expect(byKvk.status).to.equal(409);
      expect(byKvk.json<{ detail: string }>().detail)
        .to.contain('dit KvK-nummer')
        .and.contain('Jan de Vries');
      const byBsn = await agent('wijchen-caseworker').send(
        'POST',
        '/api/v1/cases',
        registration({}, { bsn: citizen }),
      );
      expect(byBsn.status).to.equal(409);
      expect(byBsn.json<{ detail: string }>().detail).to.contain('dit BSN');
    });

    it('allows the same KvK number in another municipality', async () => {
      const number = kvk();
      await register({}, { kvkNumber: number });
      const other = await agent('nijmegen-caseworker').send(
        'POST',
        '/api/v1/cases',
        registration({}, { kvkNumber: number }),
      );
      expect(other.status).to.equal(201);
    });

    it('keeps one open case per entrepreneur', async () => {
      const created = await register();
      const again = await agent('wijchen-caseworker').send('POST', '/api/v1/cases', {
        entrepreneurId: created.entrepreneurId,
        source: 'self_registration',
        urgency: 'normal',
        otherSupport: 'some',
      });
      expect(again.status).to.equal(409);
      expect(again.json<{ detail: string }>().detail).to.contain(created.reference);
    });

    it('replays a create with the same Idempotency-Key instead of duplicating it', async () => {
      const body = registration();
      const send = () =>
        agent('wijchen-caseworker').request('POST', '/api/v1/cases', {
          body,
          headers: {
            'x-csrf-token': agent('wijchen-caseworker').csrfToken!,
            'idempotency-key': 'aanmelding-42',
          },
        });
      const before = await count('case_file');
      const [first, second] = [await send(), await send()];
      expect(first.status).to.equal(201);
      expect(second.status).to.equal(201);
      expect(second.headers.get('idempotent-replayed')).to.equal('true');
      expect(second.json<CaseDetail>().id).to.equal(first.json<CaseDetail>().id);
      expect(await count('case_file')).to.equal(before + 1);

      const other = await agent('wijchen-caseworker').request('POST', '/api/v1/cases', {
        body: registration(),
        headers: {
          'x-csrf-token': agent('wijchen-caseworker').csrfToken!,
          'idempotency-key': 'aanmelding-42',
        },
      });
      expect(other.status).to.equal(409);
    });

    it('creates once when the same key arrives twice at the same moment', async () => {
      const body = registration();
      const before = await count('case_file');
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          agent('wijchen-caseworker').request('POST', '/api/v1/cases', {
            body,
            headers: {
              'x-csrf-token': agent('wijchen-caseworker').csrfToken!,
              'idempotency-key': 'gelijktijdig-1',
            },
          }),
        ),
      );
      expect(results.map((r) => r.status)).to.deep.equal([201, 201, 201]);
      expect(new Set(results.map((r) => r.json<CaseDetail>().id)).size).to.equal(1);
      expect(await count('case_file')).to.equal(before + 1);
    });

    it('lets only caseworkers register', async () => {
      for (const name of ['wijchen-advisor', 'wijchen-manager', 'wijchen-analyst']) {
        const result = await agent(name).send('POST', '/api/v1/cases', registration());
        expect(result.status, name).to.equal(403);
      }
    });
  });

  describe('the status machine over HTTP', () => {
    it('runs a case from registration to closing, with two routes at once', async () => {
      const c = await register();
      const cw = agent('wijchen-caseworker');
      const base = `/api/v1/cases/${c.id}`;

      expect(
        (
          await cw.send('PUT', `${base}/intake-appointment`, {
            scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          })
        ).status,
      ).to.equal(200);
      const recorded = await cw.send(
        'POST',
        `${base}/intake`,
        intake({ advisorId: await userId('wijchen-advisor') }),
      );
      expect(recorded.status, recorded.text).to.equal(201);

      const r1 = await cw.send('POST', `${base}/routes`, {
        type: 'strengthen_business',
        startDate: today(),
      });
      const r3 = await cw.send('POST', `${base}/routes`, {
        type: 'employment',
        startDate: today(),
      });
      expect([r1.status, r3.status]).to.deep.equal([201, 201]);
      const twice = await cw.send('POST', `${base}/routes`, {
        type: 'employment',
        startDate: today(),
      });
      expect(twice.status).to.equal(409);

      expect(
        (
          await cw.send('POST', `${base}/contacts`, {
            occurredAt: new Date().toISOString(),
            channel: 'video',
            summary: 'Voortgang besproken',
          })
        ).status,
      ).to.equal(201);
      expect(
        (
          await cw.send('POST', `${base}/coachings`, {
            coach: 'Piet Jansen',
            startDate: today(),
            sessions: 2,
          })
        ).status,
      ).to.equal(201);
      expect(
        (
          await cw.send('POST', `${base}/perspective-analyses`, {
            provider: 'Ondernemersklankbord',
            date: today(),
            conclusion: 'Doorgaan met bijbaan',
          })
        ).status,
      ).to.equal(201);

      const wrongOutcome = await cw.send(
        'PATCH',
        `${base}/routes/${r3.json<{ id: string }>().id}`,
        {
          status: 'completed',
          endDate: today(),
          outcome: 'settlement_reached',
        },
      );
      expect(wrongOutcome.status).to.equal(400);
      const ended = await cw.send('PATCH', `${base}/routes/${r3.json<{ id: string }>().id}`, {
        status: 'completed',
        endDate: today(),
        outcome: 'side_job',
      });
      expect(ended.status, ended.text).to.equal(200);

      const detail = (await cw.get(base)).json<CaseDetail>();
      expect(detail.status).to.equal('in_progress');
      expect(detail.activeRoutes).to.deep.equal(['strengthen_business']);
      expect(detail.lastContactAt).to.be.a('string');

      // A route and the coaching still run: closing says so and changes nothing.
      const refused = await cw.send('POST', `${base}/closure`, {
        outcome: 'business_with_side_job',
        note: 'Zaak loopt weer',
      });
      expect(refused.status).to.equal(409);
      expect(refused.json<{ detail: string }>().detail).to.contain(
        'Route 1: versterken eigen bedrijf',
      );
      expect(refused.json<{ detail: string }>().detail).to.contain('coaching');
      expect((await cw.get(base)).json<CaseDetail>().status).to.equal('in_progress');

      const closed = await cw.send('POST', `${base}/closure`, {
        outcome: 'business_with_side_job',
        note: 'Zaak loopt weer',
        endRunning: true,
      });
      expect(closed.status, closed.text).to.equal(200);
      expect(closed.json<CaseDetail>()).to.include({
        status: 'closed',
        outcome: 'business_with_side_job',
        activeCoachings: 0,
      });
      expect(closed.json<CaseDetail>().activeRoutes).to.deep.equal([]);
      expect(closed.json<CaseDetail>().closedAt).to.be.a('string');
      const routes = (await cw.get(`${base}/routes`)).json<{ status: string; outcome: string }[]>();
      expect(routes.map((r) => r.status).sort()).to.deep.equal(['completed', 'stopped']);

      const timeline = (await cw.get(`${base}/timeline`)).json<TimelineEvent[]>();
      const types = timeline.map((e) => e.type);
      expect(types).to.include.members([
        'registered',
        'intake_scheduled',
        'intake_recorded',
        'route_started',
        'route_ended',
        'contact_logged',
        'coaching_recorded',
        'analysis_recorded',
        'status_changed',
      ]);
      const times = timeline.map((e) => e.occurredAt);
      expect(times).to.deep.equal([...times].sort().reverse());
    });

    it('answers illegal transitions with 409 and a Dutch explanation, changing nothing', async () => {
      const c = await register();
      const cw = agent('wijchen-caseworker');
      const route = await cw.send('POST', `/api/v1/cases/${c.id}/routes`, {
        type: 'solve_finances',
        startDate: today(),
      });
      expect(route.status).to.equal(409);
      expect(route.json()).to.deep.include({
        type: 'urn:herorientatie:problem:invalid-transition',
        detail: 'Een route start pas na de intake. Leg eerst de intake vast.',
      });
      const close = await cw.send('POST', `/api/v1/cases/${c.id}/closure`, {
        outcome: 'other',
        note: 'Verhuisd',
      });
      expect(close.status).to.equal(409);
      const reopen = await cw.send('POST', `/api/v1/cases/${c.id}/reopening`, { reason: 'Fout' });
      expect(reopen.status).to.equal(409);
      expect((await cw.get(`/api/v1/cases/${c.id}`)).json<CaseDetail>().status).to.equal(
        'registered',
      );
      const routes = await t.db.admin.query('select 1 from case_route where case_id = $1', [c.id]);
      expect(routes.rowCount).to.equal(0);
    });

    it('withdraws with a reason and reopens', async () => {
      const c = await register();
      const cw = agent('wijchen-caseworker');
      expect((await cw.send('POST', `/api/v1/cases/${c.id}/withdrawal`, {})).status).to.equal(400);
      const withdrawn = await cw.send('POST', `/api/v1/cases/${c.id}/withdrawal`, {
        reason: 'Heeft zelf een baan gevonden',
      });
      expect(withdrawn.json<CaseDetail>()).to.include({
        status: 'withdrawn',
        withdrawnReason: 'Heeft zelf een baan gevonden',
      });
      // Follow-up stays possible after withdrawing, and shows on the timeline.
      const contact = await cw.send('POST', `/api/v1/cases/${c.id}/contacts`, {
        occurredAt: new Date().toISOString(),
        channel: 'phone',
        summary: 'Nagebeld na terugtrekken',
      });
      expect(contact.status).to.equal(201);
      const timeline = (await cw.get(`/api/v1/cases/${c.id}/timeline`)).json<TimelineEvent[]>();
      expect(timeline.map((e) => e.summary)).to.include('Telefoon: Nagebeld na terugtrekken');
      expect((await cw.send('POST', `/api/v1/cases/${c.id}/reopening`, {})).status).to.equal(400);
      const reopened = await cw.send('POST', `/api/v1/cases/${c.id}/reopening`, {
        reason: 'Wil toch begeleiding',
      });
      expect(reopened.json<CaseDetail>()).to.include({
        status: 'registered',
        withdrawnReason: null,
      });
    });

    it('validates intake rules: a reason when not eligible for Bbz, no date in the future', async () => {
      const c = await register();
      const cw = agent('wijchen-caseworker');
      const noReason = await cw.send(
        'POST',
        `/api/v1/cases/${c.id}/intake`,
        intake({ bbzOptions: ['not_eligible'] }),
      );
      expect(noReason.status).to.equal(400);
      expect(
        noReason.json<{ errors: { name: string }[] }>().errors.map((e) => e.name),
      ).to.deep.equal(['bbzNotEligibleReason']);
      const future = await cw.send(
        'POST',
        `/api/v1/cases/${c.id}/intake`,
        intake({ date: '2999-01-01' }),
      );
      expect(future.status).to.equal(400);
      const again = await cw.send('POST', `/api/v1/cases/${c.id}/intake`, intake());
      expect(again.status).to.equal(201);
      expect((await cw.send('POST', `/api/v1/cases/${c.id}/intake`, intake())).status).to.equal(
        409,
      );
    });

    it('updates coaching sessions, and answers 404 for a coaching that does not exist', async () => {
      const c = await register();
      const cw = agent('wijchen-caseworker');
      await cw.send('POST', `/api/v1/cases/${c.id}/intake`, intake());
      const created = await cw.send('POST', `/api/v1/cases/${c.id}/coachings`, {
        coach: 'Els',
        startDate: today(),
      });
      const id = created.json<{ id: string }>().id;
      const updated = await cw.send('PUT', `/api/v1/cases/${c.id}/coachings/${id}`, {
        coach: 'Els',
        startDate: today(),
        endDate: today(),
        sessions: 4,
      });
      expect(updated.status).to.equal(200);
      const list = (await cw.get(`/api/v1/cases/${c.id}/coachings`)).json<
        { sessions: number; organisation: string }[]
      >();
      expect(list).to.have.length(1);
      expect(list[0]).to.include({ sessions: 4, organisation: 'Over Rood' });
      const missing = await cw.send(
        'PUT',
        `/api/v1/cases/${c.id}/coachings/00000000-0000-4000-8000-000000000000`,
        {
          coach: 'Els',
          startDate: today(),
        },
      );
      expect(missing.status).to.equal(404);
      const backwards = await cw.send('PUT', `/api/v1/cases/${c.id}/coachings/${id}`, {
        coach: 'Els',
        startDate: today(),
        endDate: '2020-01-01',
      });
      expect(backwards.status).to.equal(400);
    });

    it('assigns, unassigns and records only real changes of assignment on the timeline', async () => {
      const c = await register();
      const cw = agent('wijchen-caseworker');
      const advisorId = await userId('wijchen-advisor');
      const assigned = await cw.send('PATCH', `/api/v1/cases/${c.id}`, {
        advisorId,
        urgency: 'acute',
      });
      expect(assigned.json<CaseDetail>()).to.include({ advisorId, urgency: 'acute' });
      await cw.send('PATCH', `/api/v1/cases/${c.id}`, { advisorId, urgency: 'normal' });
      const cleared = await cw.send('PATCH', `/api/v1/cases/${c.id}`, { advisorId: null });
      expect(cleared.json<CaseDetail>().advisorId).to.equal(null);
      const events = (await cw.get(`/api/v1/cases/${c.id}/timeline`)).json<TimelineEvent[]>();
      expect(events.filter((e) => e.type === 'assigned')).to.have.length(2);
      // An advisor may change the urgency of an assigned case, sending the same assignment back.
      await cw.send('PATCH', `/api/v1/cases/${c.id}`, { advisorId });
      const byAdvisor = await agent('wijchen-advisor').send('PATCH', `/api/v1/cases/${c.id}`, {
        advisorId,
        urgency: 'high',
      });
      expect(byAdvisor.status, byAdvisor.text).to.equal(200);
    });

    it('refuses a colleague of another municipality as advisor', async () => {
      const c = await register();
      const result = await agent('wijchen-caseworker').send('PATCH', `/api/v1/cases/${c.id}`, {
        advisorId: await userId('nijmegen-advisor'),
      });
      expect(result.status).to.equal(400);
      expect(
        result.json<{ errors: { name: string; reason: string }[] }>().errors[0],
      ).to.deep.include({
        name: 'advisorId',
        reason: 'Kies een bedrijfsadviseur van uw eigen gemeente.',
      });
    });
  });

  describe('access', () => {
    it('answers 404 for every case endpoint of another municipality, and lists none of its cases', async () => {
      const c = await register();
      const other = agent('nijmegen-caseworker');
      const base = `/api/v1/cases/${c.id}`;
      const own = agent('wijchen-caseworker');
      await own.send('POST', `${base}/intake`, intake());
      const routeId = (
        await own.send('POST', `${base}/routes`, { type: 'employment', startDate: today() })
      ).json<{ id: string }>().id;
      const coachingId = (
        await own.send('POST', `${base}/coachings`, { coach: 'Piet', startDate: today() })
      ).json<{ id: string }>().id;
      const attempts = [
        await other.get(base),
        await other.get(`${base}/timeline`),
        await other.get(`${base}/intake`),
        await other.get(`${base}/routes`),
        await other.get(`${base}/contacts`),
        await other.get(`/api/v1/entrepreneurs/${c.entrepreneurId}`),
        await other.send('PATCH', base, { urgency: 'acute' }),
        await other.send('PUT', `${base}/intake-appointment`, {
          scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        }),
        await other.send('POST', `${base}/intake`, intake()),
        await other.send('POST', `${base}/contacts`, {
          occurredAt: new Date().toISOString(),
          channel: 'phone',
          summary: 'x',
        }),
        await other.send('POST', `${base}/withdrawal`, { reason: 'kaping' }),
        await other.send('POST', `/api/v1/entrepreneurs/${c.entrepreneurId}/bsn-reveal`, {
          reason: 'nieuwsgierig',
        }),
        await other.send(
          'PUT',
          `/api/v1/entrepreneurs/${c.entrepreneurId}`,
          registration().entrepreneur,
        ),
        await other.get(`${base}/coachings`),
        await other.get(`${base}/perspective-analyses`),
        await other.send('POST', `${base}/routes`, { type: 'employment', startDate: today() }),
        await other.send('PATCH', `${base}/routes/${routeId}`, {
          status: 'stopped',
          endDate: today(),
          outcome: 'no_job',
        }),
        await other.send('POST', `${base}/coachings`, { coach: 'X', startDate: today() }),
        await other.send('PUT', `${base}/coachings/${coachingId}`, {
          coach: 'X',
          startDate: today(),
        }),
        await other.send('POST', `${base}/perspective-analyses`, {
          provider: 'X',
          date: today(),
          conclusion: 'Y',
        }),
        await other.send('POST', `${base}/closure`, { outcome: 'other', note: 'x' }),
        await other.send('POST', `${base}/reopening`, { reason: 'x' }),
      ];
      expect(attempts.map((a, i) => `${i}:${a.status}`)).to.deep.equal(
        attempts.map((_, i) => `${i}:404`),
      );
      const list = (
        await other.get(`/api/v1/cases?q=${encodeURIComponent(c.entrepreneur.name)}`)
      ).json<CasePage>();
      expect(list.items.map((i) => i.id)).to.not.include(c.id);
      const after = (await own.get(base)).json<CaseDetail>();
      expect(after.status).to.equal('in_progress');
      expect(after.activeRoutes).to.deep.equal(['employment']);
    });

    it('offers only colleagues of the own municipality and counts only its cases', async () => {
      const staff = (await agent('nijmegen-caseworker').get('/api/v1/staff')).json<
        { name: string }[]
      >();
      expect(staff.length).to.be.greaterThan(0);
      expect(staff.every((s) => s.name.endsWith('Nijmegen'))).to.equal(true);
      const before = (
        await agent('nijmegen-caseworker').get('/api/v1/worklist-counts')
      ).json<WorklistCounts>();
      const waiting = await register();
      await t.db.admin.query(
        `update case_file set registered_at = now() - interval '40 days' where id = $1`,
        [waiting.id],
      );
      const after = (
        await agent('nijmegen-caseworker').get('/api/v1/worklist-counts')
      ).json<WorklistCounts>();
      expect(after).to.deep.equal(before);
    });

    it('lets an advisor see and work on assigned cases only', async () => {
      const assigned = await register({ advisorId: await userId('wijchen-advisor') });
      const unassigned = await register();
      const advisor = agent('wijchen-advisor');
      expect((await advisor.get(`/api/v1/cases/${assigned.id}`)).status).to.equal(200);
      expect((await advisor.get(`/api/v1/cases/${unassigned.id}`)).status).to.equal(404);
      expect(
        (await advisor.send('POST', `/api/v1/cases/${unassigned.id}/intake`, intake())).status,
      ).to.equal(404);
      expect(
        (await advisor.send('POST', `/api/v1/cases/${assigned.id}/intake`, intake())).status,
      ).to.equal(201);
      const list = (await advisor.get('/api/v1/cases?pageSize=100')).json<CasePage>();
      expect(list.items.length).to.be.greaterThan(0);
      expect(list.items.every((i) => i.advisorName === 'Adviseur Wijchen')).to.equal(true);
      const reassign = await advisor.send('PATCH', `/api/v1/cases/${assigned.id}`, {
        advisorId: null,
      });
      expect(reassign.status).to.equal(403);
    });

    it('lets a manager read but not change, and keeps analysts out', async () => {
      const c = await register();
      expect((await agent('wijchen-manager').get(`/api/v1/cases/${c.id}`)).status).to.equal(200);
      expect(
        (
          await agent('wijchen-manager').send('PATCH', `/api/v1/cases/${c.id}`, {
            urgency: 'acute',
          })
        ).status,
      ).to.equal(403);
      expect((await agent('wijchen-analyst').get(`/api/v1/cases/${c.id}`)).status).to.equal(403);
      expect((await agent('wijchen-analyst').get('/api/v1/cases')).status).to.equal(403);
    });
  });

  describe('audit', () => {
    it('records reads and writes of cases and entrepreneurs', async () => {
      const c = await register();
      await agent('wijchen-manager').get(`/api/v1/cases/${c.id}`);
      const entries = await t.db.admin.query(
        `select a.action, a.object_type, u.subject from audit_log a join app_user u on u.id = a.user_id
          where a.object_id in ($1, $2) order by a.occurred_at`,
        [c.id, c.entrepreneurId],
      );
      const seen = entries.rows.map((r) => `${r.subject}:${r.action}:${r.object_type}`);
      expect(seen).to.include.members([
        'wijchen-caseworker:create:entrepreneur',
        'wijchen-caseworker:create:case',
        'wijchen-manager:read:case',
        'wijchen-manager:read:entrepreneur',
      ]);
    });

    it('shows the BSN masked, and reveals it only with a reason that is audited', async () => {
      const citizen = bsn();
      const c = await register({}, { bsn: citizen });
      const cw = agent('wijchen-caseworker');
      expect((await cw.get(`/api/v1/entrepreneurs/${c.entrepreneurId}`)).text).to.not.contain(
        citizen,
      );
      expect(
        (await cw.send('POST', `/api/v1/entrepreneurs/${c.entrepreneurId}/bsn-reveal`, {})).status,
      ).to.equal(400);
      const revealed = await cw.send(
        'POST',
        `/api/v1/entrepreneurs/${c.entrepreneurId}/bsn-reveal`,
        {
          reason: 'Aanvraag Bbz voorbereiden',
        },
      );
      expect(revealed.json()).to.deep.equal({ bsn: citizen });
      const audit = await t.db.admin.query(
        `select reason from audit_log where action = 'reveal' and object_id = $1`,
        [c.entrepreneurId],
      );
      expect(audit.rows).to.deep.equal([{ reason: 'Aanvraag Bbz voorbereiden' }]);
      expect(
        (
          await agent('wijchen-manager').send(
            'POST',
            `/api/v1/entrepreneurs/${c.entrepreneurId}/bsn-reveal`,
            { reason: 'rapport' },
          )
        ).status,
      ).to.equal(403);
    });
  });

  describe('lists and worklists', () => {
    it('pages through all cases with a keyset cursor, without gaps or repeats', async () => {
      const cw = agent('wijchen-caseworker');
      const all = (await cw.get('/api/v1/cases?pageSize=100'))
        .json<CasePage>()
        .items.map((i) => i.id);
      expect(all.length).to.be.greaterThan(5);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: CasePage = (
          await cw.get(
            `/api/v1/cases?pageSize=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          )
        ).json<CasePage>();
        expect(page.items.length).to.be.at.most(3);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).to.deep.equal(all);
      const ascending = (await cw.get('/api/v1/cases?pageSize=100&sort=registeredAt'))
        .json<CasePage>()
        .items.map((i) => i.id);
      expect(ascending).to.deep.equal([...all].reverse());
    });

    it('filters by name, KvK number, status and route', async () => {
      const number = kvk();
      const c = await register(
        {},
        {
          name: 'Zeldzame Naam',
          businessName: 'Uniek Atelier',
          kvkNumber: number,
          email: 'zeldzaam@voorbeeld.nl',
          phone: '06 98761234',
          postcode: '6617 XY',
        },
      );
      const cw = agent('wijchen-caseworker');
      const byName = (await cw.get('/api/v1/cases?q=zeldzame')).json<CasePage>();
      expect(byName.items.map((i) => i.id)).to.deep.equal([c.id]);
      const byKvk = (await cw.get(`/api/v1/cases?q=${number}`)).json<CasePage>();
      expect(byKvk.items.map((i) => i.id)).to.deep.equal([c.id]);
      const byReference = (
        await cw.get(`/api/v1/cases?q=${c.reference.toLowerCase()}`)
      ).json<CasePage>();
      expect(byReference.items.map((i) => i.id)).to.deep.equal([c.id]);
      const byBusiness = (await cw.get('/api/v1/cases?q=uniek%20atelier')).json<CasePage>();
      expect(byBusiness.items.map((i) => i.id)).to.deep.equal([c.id]);
      // The list's search is the header's: e-mail, phone fragment, postcode, a typo.
      for (const q of ['zeldzaam@voorbeeld.nl', '06 9876', '6617XY', 'zeldzme naam']) {
        const page = (await cw.get(`/api/v1/cases?q=${encodeURIComponent(q)}`)).json<CasePage>();
        expect(
          page.items.map((i) => i.id),
          q,
        ).to.include(c.id);
      }
      const closed = (await cw.get('/api/v1/cases?status=closed')).json<CasePage>();
      expect(closed.items.every((i) => i.status === 'closed')).to.equal(true);
      const withRoute = (await cw.get('/api/v1/cases?route=strengthen_business')).json<CasePage>();
      expect(withRoute.items.every((i) => i.activeRoutes.includes('strengthen_business'))).to.equal(
        true,
      );
      const wildcard = (await cw.get('/api/v1/cases?q=%25')).json<CasePage>();
      expect(wildcard.items).to.deep.equal([]);
    });

    it('rejects bad list parameters with 400', async () => {
      const cw = agent('wijchen-caseworker');
      expect((await cw.get('/api/v1/cases?pageSize=1000')).status).to.equal(400);
      expect((await cw.get('/api/v1/cases?status=zoek')).status).to.equal(400);
      expect((await cw.get('/api/v1/cases?sort=naam')).status).to.equal(400);
      const cursor = await cw.get('/api/v1/cases?cursor=verzonnen');
      expect(cursor.status).to.equal(400);
      expect(cursor.json<{ errors: { name: string }[] }>().errors[0]!.name).to.equal('cursor');
    });

    it('counts the worklists: mine, waiting for intake over 7 days, no contact for 30 days', async () => {
      const cw = agent('wijchen-caseworker');
      const before = (await cw.get('/api/v1/worklist-counts')).json<WorklistCounts>();
      const waiting = await register();
      const silent = await register();
      await t.db.admin.query(
        `update case_file set registered_at = now() - interval '8 days' where id = $1`,
        [waiting.id],
      );
      await t.db.admin.query(
        `update case_file set registered_at = now() - interval '31 days' where id = $1`,
        [silent.id],
      );
      const after = (await cw.get('/api/v1/worklist-counts')).json<WorklistCounts>();
      expect(after.mine).to.equal(before.mine + 2);
      expect(after.waitingForIntake).to.equal(before.waitingForIntake + 2);
      expect(after.noRecentContact).to.equal(before.noRecentContact + 1);

      await cw.send('POST', `/api/v1/cases/${silent.id}/contacts`, {
        occurredAt: new Date().toISOString(),
        channel: 'phone',
        summary: 'Teruggebeld',
      });
      const response = await cw.get('/api/v1/cases?worklist=noRecentContact&pageSize=100');
      expect(response.status, response.text).to.equal(200);
      const list = response.json<CasePage>();
      expect(list.items.map((i) => i.id)).to.not.include(silent.id);
      expect(
        (await cw.get('/api/v1/worklist-counts')).json<WorklistCounts>().noRecentContact,
      ).to.equal(before.noRecentContact);
    });
  });
});
