import { expect } from 'chai';
import fc from 'fast-check';
import {
  allowedActions,
  CASE_ACTIONS,
  CASE_STATUSES,
  isOpen,
  transition,
  type CaseAction,
  type CaseStatus,
} from '../index.ts';

interface Model {
  status: CaseStatus;
  hasIntake: boolean;
  hasActiveRoutes: boolean;
  outcome: string | null;
  withdrawReason: string | null;
}

/** Applies an action the way the server does: only when the machine allows it. */
function apply(model: Model, action: CaseAction): Model {
  const result = transition(model.status, action, model);
  if (!result.ok) return model;
  const next: Model = { ...model, status: result.status };
  if (action === 'recordIntake') next.hasIntake = true;
  if (action === 'startRoute') next.hasActiveRoutes = true;
  if (action === 'close') next.outcome = 'business_continued_without_bbz';
  if (action === 'withdraw') next.withdrawReason = 'Geen behoefte meer';
  if (action === 'reopen') {
    next.outcome = null;
    next.withdrawReason = null;
  }
  return next;
}

const start: Model = {
  status: 'registered',
  hasIntake: false,
  hasActiveRoutes: false,
  outcome: null,
  withdrawReason: null,
};

describe('case status machine', () => {
  it('follows the main path registered → intake → routes → closed', () => {
    let m = start;
    for (const a of [
      'scheduleIntake',
      'recordIntake',
      'startRoute',
      'startRoute',
      'close',
    ] as CaseAction[]) {
      m = apply(m, a);
    }
    expect(m.status).to.equal('closed');
  });

  it('refuses illegal steps with a Dutch reason', () => {
    const result = transition('registered', 'startRoute', {
      hasIntake: false,
      hasActiveRoutes: false,
    });
    expect(result).to.deep.equal({
      ok: false,
      reason: 'Een route start pas na de intake. Leg eerst de intake vast.',
    });
    expect(
      transition('closed', 'withdraw', { hasIntake: true, hasActiveRoutes: true }).ok,
    ).to.equal(false);
    expect(
      transition('in_progress', 'reopen', { hasIntake: true, hasActiveRoutes: true }).ok,
    ).to.equal(false);
  });

  it('never reaches an invalid state, whatever the sequence of operations', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CASE_ACTIONS), { maxLength: 60 }), (actions) => {
        let m = start;
        for (const action of actions) {
          const before = m;
          m = apply(m, action);
          expect(CASE_STATUSES).to.include(m.status);
          // Routes only ever run after an intake.
          if (m.status === 'in_progress') expect(m.hasIntake).to.equal(true);
          if (m.hasActiveRoutes) expect(m.hasIntake).to.equal(true);
          // Closed has an outcome, withdrawn a reason, open states neither.
          if (m.status === 'closed') expect(m.outcome).to.not.equal(null);
          if (m.status === 'withdrawn') expect(m.withdrawReason).to.not.equal(null);
          if (isOpen(m.status)) expect([m.outcome, m.withdrawReason]).to.deep.equal([null, null]);
          // An intake, once recorded, is never forgotten; the case never goes back before it.
          if (before.hasIntake) {
            expect(m.hasIntake).to.equal(true);
            expect(['registered', 'intake_scheduled']).to.not.include(m.status);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('offers exactly the actions the machine accepts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASE_STATUSES),
        fc.boolean(),
        fc.boolean(),
        (status, hasIntake, hasActiveRoutes) => {
          const allowed = allowedActions(status, { hasIntake, hasActiveRoutes });
          for (const action of CASE_ACTIONS) {
            expect(allowed.includes(action)).to.equal(
              transition(status, action, { hasIntake, hasActiveRoutes }).ok,
            );
          }
        },
      ),
    );
  });
});

describe('form messages', () => {
  it('gives the same Dutch message for a missing and an empty required field', async () => {
    const { ContactInputSchema, IntakeInputSchema } = await import('../index.ts');
    const missing = ContactInputSchema.safeParse({
      occurredAt: new Date().toISOString(),
      channel: 'phone',
    });
    const empty = ContactInputSchema.safeParse({
      occurredAt: new Date().toISOString(),
      channel: 'phone',
      summary: ' ',
    });
    expect(missing.error?.issues[0]?.message).to.equal('Vat het contact kort samen.');
    expect(empty.error?.issues[0]?.message).to.equal('Vat het contact kort samen.');
    const intake = IntakeInputSchema.safeParse({
      date: '2021-03-01',
      mode: 'video',
      viability: 'viable',
    });
    expect(intake.error?.issues.map((i) => i.message)).to.deep.equal([
      'Kies ten minste één Bbz-mogelijkheid.',
    ]);
  });
});

describe('service intensity', () => {
  it('grows with urgency and shrinks with other support', async () => {
    const { serviceIntensity, URGENCIES, OTHER_SUPPORT } = await import('../index.ts');
    expect(serviceIntensity('acute', 'none')).to.equal('intensive');
    expect(serviceIntensity('high', 'none')).to.equal('intensive');
    expect(serviceIntensity('acute', 'sufficient')).to.equal('standard');
    expect(serviceIntensity('normal', 'none')).to.equal('standard');
    expect(serviceIntensity('normal', 'sufficient')).to.equal('light');
    const rank = { light: 0, standard: 1, intensive: 2 } as const;
    // Never less intensive when the problem is more acute, nor when there is less support.
    for (const support of OTHER_SUPPORT) {
      const levels = [...URGENCIES].reverse().map((u) => rank[serviceIntensity(u, support)]);
      expect(levels).to.deep.equal([...levels].sort());
    }
    for (const urgency of URGENCIES) {
      const levels = [...OTHER_SUPPORT].reverse().map((s) => rank[serviceIntensity(urgency, s)]);
      expect(levels).to.deep.equal([...levels].sort());
    }
  });
});
