import type { CaseDetail, CasePage, NextAction, WorklistCounts } from '@herorientatie/domain';
import { dutchDay } from '@herorientatie/domain';
import { expect } from 'chai';
import { Agent } from '../../../../test/agent.ts';
import { useTestApp } from '../../../../test/app.ts';
import { ACUTE_SELF_CHECK, registration } from '../../../../test/case-fixtures.ts';
import { setLetterhead } from '../../../../test/letterhead.ts';
import { addWorkingDays } from '../../../working-days.ts';

const signUp = (n: number, acute: boolean) => ({
  name: `Aanmelder ${n}`,
  businessName: `Bedrijf ${n}`,
  email: `aanmelder${n}@example.org`,
  postcode: '6602 BK',
  privacyAccepted: true,
  ...(acute
    ? {
        selfCheck: ACUTE_SELF_CHECK,
      }
    : {}),
});

describe('the daily queue: first contact, urgency, taking a case', () => {
  const t = useTestApp({ logins: ['wijchen-caseworker', 'wijchen-manager', 'wijchen-advisor'] });
  const cw = () => t.agent('wijchen-caseworker');
  const anonymous = () => new Agent(t.app.baseUrl);

  before(async () => {
    await setLetterhead(t.app.baseUrl);
  });

  it('gives every sign-up a first-contact deadline in working days, and alerts the team for an acute one', async () => {
    for (const [n, acute] of [
      [1, false],
      [2, true],
      [3, false],
    ] as const) {
      const r = await anonymous().send('POST', '/api/v1/public/sign-ups', signUp(n, acute));
      expect(r.status, r.text).to.equal(201);
    }
    const page = (
      await cw().get('/api/v1/cases?worklist=unassigned&sort=urgency')
    ).json<CasePage>();
    // Most urgent first; among the rest, the longest waiting first.
    expect(page.items.map((c) => c.entrepreneurName)).to.deep.equal([
      'Aanmelder 2',
      'Aanmelder 1',
      'Aanmelder 3',
    ]);
    const today = dutchDay();
    expect(page.items[0]!.firstContactDue).to.equal(addWorkingDays(today, 2));
    expect(page.items[1]!.firstContactDue).to.equal(addWorkingDays(today, 5));
    const counts = (await cw().get('/api/v1/worklist-counts')).json<WorklistCounts>();
    expect(counts).to.include({ unassigned: 3, acute: 1, firstContactOverdue: 0 });
    const acuteOnly = (await cw().get('/api/v1/cases?urgency=acute')).json<CasePage>();
    expect(acuteOnly.items.map((c) => c.entrepreneurName)).to.deep.equal(['Aanmelder 2']);
    // The team's address hears of the acute one, without personal data in the e-mail.
    const alert = await t.db.admin.query(
      `select to_address, subject, text_body from mail_outbox where purpose = 'acute-sign-up'`,
    );
    expect(alert.rows).to.have.length(1);
    expect(alert.rows[0].to_address).to.equal('ondernemers@wijchen.example');
    expect(alert.rows[0].text_body).to.not.contain('Aanmelder 2').and.not.contain('@example.org');
    // The deadline is an action of the team, until someone takes the case.
    const actions = (await cw().get(`/api/v1/cases/${page.items[0]!.id}/actions`)).json<
      NextAction[]
    >();
    expect(actions).to.have.length(1);
    expect(actions[0]).to.deep.include({
      kind: 'first_contact',
      title: 'Eerste contact opnemen',
      dueOn: addWorkingDays(today, 2),
      ownerId: null,
      status: 'open',
    });
  });

  it('takes a case from the queue in one step with its first-contact action, and gives it back', async () => {
    const page = (await cw().get('/api/v1/cases?worklist=acute')).json<CasePage>();
    const acute = page.items[0]!;
    const me = (await cw().get('/api/v1/me')).json<{ id: string }>().id;
    const taken = await cw().send('PATCH', `/api/v1/cases/${acute.id}`, { caseworkerId: me });
    expect(taken.status, taken.text).to.equal(200);
    const actions = (await cw().get(`/api/v1/cases/${acute.id}/actions`)).json<NextAction[]>();
    expect(actions[0]!.ownerId).to.equal(me);
    expect((await cw().get('/api/v1/worklist-counts')).json<WorklistCounts>()).to.include({
      acute: 0,
      unassigned: 2,
    });
    const timeline = (await cw().get(`/api/v1/cases/${acute.id}/timeline`))
      .json<{ summary: string }[]>()
      .map((e) => e.summary);
    expect(timeline).to.satisfy((lines: string[]) =>
      lines.some((l) => /^Toewijzing gewijzigd: consulent niemand → .+; 1 open actie mee$/.test(l)),
    );
    // Undo: back in the queue.
    const back = await cw().send('PATCH', `/api/v1/cases/${acute.id}`, { caseworkerId: null });
    expect(back.status, back.text).to.equal(200);
    expect((await cw().get('/api/v1/worklist-counts')).json<WorklistCounts>().acute).to.equal(1);
  });

  it('stops the clock at the first contact, and counts an intake as contact', async () => {
    const page = (
      await cw().get('/api/v1/cases?worklist=unassigned&sort=urgency')
    ).json<CasePage>();
    const [first, second] = [page.items[1]!, page.items[2]!];
    const contact = await cw().send('POST', `/api/v1/cases/${first.id}/contacts`, {
      occurredAt: new Date().toISOString(),
      channel: 'phone',
      summary: 'Kennismaking gebeld',
    });
    expect(contact.status, contact.text).to.equal(201);
    const detail = (await cw().get(`/api/v1/cases/${first.id}`)).json<CaseDetail>();
    expect(detail.firstContactDue).to.equal(null);
    const actions = (await cw().get(`/api/v1/cases/${first.id}/actions`)).json<NextAction[]>();
    expect(actions.find((a) => a.kind === 'first_contact')!.status).to.equal('done');

    // A case past its promise shows on the overdue list until contact.
    await t.db.admin.query(
      `update case_file set first_contact_due = current_date - 1 where id = $1`,
      [second.id],
    );
    expect(
      (await cw().get('/api/v1/worklist-counts')).json<WorklistCounts>().firstContactOverdue,
    ).to.equal(1);
    const intake = await cw().send('POST', `/api/v1/cases/${second.id}/intake`, {
      date: dutchDay(),
      mode: 'face_to_face',
      viability: 'viable',
      bbzOptions: ['none'],
    });
    expect(intake.status, intake.text).to.equal(201);
    const after = (await cw().get(`/api/v1/cases/${second.id}`)).json<CaseDetail>();
    expect(after.lastContactAt).to.not.equal(null);
    expect(
      (await cw().get('/api/v1/worklist-counts')).json<WorklistCounts>().firstContactOverdue,
    ).to.equal(0);
  });

  it('sets no clock for a case staff register themselves: they are in contact already', async () => {
    const r = await cw().send('POST', '/api/v1/cases', registration({ urgency: 'normal' }));
    expect(r.status, r.text).to.equal(201);
    expect(r.json<CaseDetail>().firstContactDue).to.equal(null);
    expect(
      (await cw().get(`/api/v1/cases/${r.json<CaseDetail>().id}/actions`)).json<unknown[]>(),
    ).to.have.length(0);
  });

  it('gives the planned intake to its advisor, in their own list and agenda, and saves a repeat once', async () => {
    const c = (await cw().send('POST', '/api/v1/cases', registration())).json<CaseDetail>();
    const advisor = (await t.agent('wijchen-advisor').get('/api/v1/me')).json<{ id: string }>().id;
    const when = `${addWorkingDays(dutchDay(), 3)}T09:30:00Z`;
    const plan = () =>
      cw().send('PUT', `/api/v1/cases/${c.id}/intake-appointment`, {
        scheduledAt: when,
        advisorId: advisor,
        mode: 'business',
        location: 'Kasteellaan 14A, Wijchen',
      });
    expect((await plan()).status).to.equal(200);
    // Twice the same appointment: one timeline entry.
    expect((await plan()).status).to.equal(200);
    const timeline = (await cw().get(`/api/v1/cases/${c.id}/timeline`))
      .json<{ type: string }[]>()
      .filter((e) => e.type === 'intake_scheduled');
    expect(timeline).to.have.length(1);
    const own = (
      await t.agent('wijchen-advisor').get('/api/v1/actions?scope=mine&when=upcoming')
    ).json<NextAction[]>();
    const intake = own.find((a) => a.caseId === c.id)!;
    expect(intake).to.deep.include({ kind: 'intake', ownerId: advisor });
    expect(intake.title).to.match(/^Intake om \d{2}:\d{2} \(bij het bedrijf\)$/);
    const week = (
      await t.agent('wijchen-advisor').get(`/api/v1/intake-agenda?week=${when.slice(0, 10)}`)
    ).json<{ caseId: string; mode: string; location: string; scheduledAt: string }[]>();
    expect(week.find((e) => e.caseId === c.id)).to.deep.include({
      mode: 'business',
      location: 'Kasteellaan 14A, Wijchen',
      scheduledAt: when.replace('Z', '.000Z'),
    });
    // A week later: nothing planned.
    const later = new Date(Date.parse(when) + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (await t.agent('wijchen-advisor').get(`/api/v1/intake-agenda?week=${later}`)).json<
        unknown[]
      >(),
    ).to.deep.equal([]);
    // Moved to another time: a second entry, and the agenda follows.
    const moved = await cw().send('PUT', `/api/v1/cases/${c.id}/intake-appointment`, {
      scheduledAt: when.replace('09:30', '13:00'),
      advisorId: advisor,
      mode: 'business',
      location: 'Kasteellaan 14A, Wijchen',
    });
    expect(moved.status).to.equal(200);
    const after = (await cw().get(`/api/v1/cases/${c.id}/timeline`))
      .json<{ type: string }[]>()
      .filter((e) => e.type === 'intake_scheduled');
    expect(after).to.have.length(2);
  });
});
