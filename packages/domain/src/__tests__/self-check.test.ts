import { expect } from 'chai';
import fc from 'fast-check';
import { assessSelfCheck, SelfCheckSchema, type SelfCheck } from '../self-check.ts';

const answers = fc.record({
  income: fc.constantFrom('much_lower', 'lower', 'same_or_higher'),
  fixedCosts: fc.constantFrom('no', 'partly', 'yes'),
  arrears: fc.constantFrom('yes', 'no', 'unknown'),
  otherSupport: fc.constantFrom('none', 'some', 'sufficient'),
  wish: fc.constantFrom('continue', 'stop', 'combine', 'unsure'),
}) as fc.Arbitrary<SelfCheck>;

describe('self-check', () => {
  it('calls it acute when income is gone and fixed costs cannot be paid', () => {
    expect(
      assessSelfCheck({
        income: 'much_lower',
        fixedCosts: 'no',
        arrears: 'no',
        otherSupport: 'some',
        wish: 'continue',
      }),
    ).to.deep.equal({
      urgency: 'acute',
      suggestedRoutes: ['strengthen_business', 'solve_finances'],
    });
    expect(
      assessSelfCheck({
        income: 'same_or_higher',
        fixedCosts: 'yes',
        arrears: 'no',
        otherSupport: 'sufficient',
        wish: 'stop',
      }),
    ).to.deep.equal({ urgency: 'normal', suggestedRoutes: ['employment'] });
  });

  it('always suggests at least one route, and debts always the finance route', () => {
    fc.assert(
      fc.property(answers, (check) => {
        expect(SelfCheckSchema.safeParse(check).success).to.equal(true);
        const { suggestedRoutes, urgency } = assessSelfCheck(check);
        expect(suggestedRoutes.length).to.be.greaterThan(0);
        if (check.arrears === 'yes') expect(suggestedRoutes).to.include('solve_finances');
        if (check.arrears === 'yes' && check.fixedCosts === 'no') expect(urgency).to.equal('acute');
      }),
    );
  });
});
