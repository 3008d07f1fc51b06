import { expect } from 'chai';
import type { CaseStatus, Principal } from '@herorientatie/domain';
import { availableActions, canChangeRecords } from '../pages/case/case-actions.ts';
import { leavesForm } from '../forms/unsaved-guard.tsx';

const caseworker: Principal = { id: 'cw', roles: ['caseworker'], isCentre: false };
const advisor: Principal = { id: 'adv', roles: ['advisor'], isCentre: false };
const manager: Principal = { id: 'mgr', roles: ['manager'], isCentre: false };

const detail = (status: CaseStatus, allowedActions: string[], advisorId: string | null = null) => ({
  status,
  allowedActions,
  hasIntake: !['registered', 'intake_scheduled'].includes(status),
  advisorId,
});

describe('case actions by permission and status', () => {
  it('offers a caseworker the steps the status allows, and always contact, documents and letters', () => {
    expect(
      availableActions(
        detail('registered', ['scheduleIntake', 'recordIntake', 'withdraw']),
        caseworker,
      ),
    ).to.deep.equal([
      'scheduleIntake',
      'recordIntake',
      'contact',
      'document',
      'letter',
      'withdraw',
      'settings',
      'entrepreneur',
    ]);
  });

  it('keeps contact, documents and letters on a closed case, for follow-up, and offers reopening', () => {
    const closed = detail('closed', ['reopen']);
    expect(availableActions(closed, caseworker)).to.deep.equal([
      'contact',
      'document',
      'letter',
      'reopen',
      'entrepreneur',
    ]);
    expect(canChangeRecords(closed, caseworker)).to.equal(false);
  });

  it('lets an advisor work only on the cases assigned to them, without changing the entrepreneur', () => {
    const running = detail('in_progress', ['startRoute', 'close', 'withdraw'], 'adv');
    expect(availableActions(running, advisor)).to.deep.equal([
      'startRoute',
      'contact',
      'analysis',
      'coaching',
      'document',
      'letter',
      'close',
      'withdraw',
      'settings',
    ]);
    expect(canChangeRecords(running, advisor)).to.equal(true);
    const someoneElses = detail('in_progress', ['startRoute', 'close'], 'other');
    expect(availableActions(someoneElses, advisor)).to.deep.equal([]);
    expect(canChangeRecords(someoneElses, advisor)).to.equal(false);
  });

  it('shows a manager no actions: managers read cases', () => {
    expect(availableActions(detail('intake_done', ['startRoute', 'close']), manager)).to.deep.equal(
      [],
    );
  });
});

describe('unsaved form guard', () => {
  const at = (pathname: string, search = '') => ({ pathname, search });

  it('asks when leaving the page', () => {
    expect(leavesForm(at('/dossiers/1'), at('/dossiers'), [])).to.equal(true);
  });

  it('asks when another form opens or, for a form on a tab, the tab changes', () => {
    const here = at('/dossiers/1', '?tab=routes&formulier=endRoute.r1');
    expect(
      leavesForm(here, at('/dossiers/1', '?tab=routes&formulier=contact'), ['formulier']),
    ).to.equal(true);
    expect(
      leavesForm(here, at('/dossiers/1', '?formulier=endRoute.r1'), ['formulier', 'tab']),
    ).to.equal(true);
  });

  it('does not ask when the form stays on screen', () => {
    const here = at('/dossiers/1', '?formulier=contact');
    expect(
      leavesForm(here, at('/dossiers/1', '?formulier=contact&tab=routes'), ['formulier']),
    ).to.equal(false);
    expect(leavesForm(at('/dossiers/nieuw'), at('/dossiers/nieuw', '?x=1'), [])).to.equal(false);
  });
});
