import type { NextAction } from '@herorientatie/domain';
import { expect } from 'chai';
import { actionsHref } from '../pages/actions/ActionsPage.tsx';
import { dueText } from '../pages/case/next-actions.tsx';
import { today } from '../pages/case/forms.tsx';

const action = (overrides: Partial<NextAction>): NextAction => ({
  id: '00000000-0000-4000-8000-000000000001',
  caseId: '00000000-0000-4000-8000-000000000002',
  caseReference: 'HO-2026-0001',
  entrepreneurName: 'Sanne Verbeek',
  title: 'Terugbellen',
  kind: 'action',
  dueOn: '2026-03-02',
  ownerId: null,
  ownerName: null,
  note: null,
  status: 'open',
  postponements: 0,
  overdue: false,
  ...overrides,
});

describe('next actions as a caseworker reads them', () => {
  it('says in words that an open action is overdue', () => {
    expect(dueText(action({ overdue: true }))).to.match(/^Te laat: moest uiterlijk /);
  });

  it('says when an action is due today, and otherwise by when', () => {
    expect(dueText(action({ dueOn: today() }))).to.match(/^Vandaag/);
    expect(dueText(action({ dueOn: '2099-01-01' }))).to.match(/^Uiterlijk /);
  });

  it('never calls a handled action overdue', () => {
    expect(dueText(action({ status: 'done', overdue: true }))).to.match(/^Was gepland op /);
  });

  it('links each count on the home page to its own list', () => {
    expect(actionsHref('mine', 'overdue')).to.equal('/acties?wie=mine&wanneer=overdue');
  });
});
