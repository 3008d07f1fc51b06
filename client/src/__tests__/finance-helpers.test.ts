import { BudgetInputSchema, type CostLine } from '@herorientatie/domain';
import { expect } from 'chai';
import { costAmountText, warningText } from '../pages/case/costs.tsx';
import { setIn, yearFrom } from '../pages/finance/BudgetPage.tsx';

const line = (overrides: Partial<CostLine>): CostLine => ({
  id: '00000000-0000-4000-8000-000000000001',
  caseId: '00000000-0000-4000-8000-000000000002',
  caseReference: 'HO-2021-0001',
  serviceType: 'intake',
  provider: 'Ondernemersklankbord',
  amountCents: 15_000,
  kind: 'charge',
  occurredOn: '2021-03-01',
  warning: null,
  reason: null,
  creditsLineId: null,
  ...overrides,
});

describe('the budget year in the address', () => {
  it('reads a year, and falls back to this year for anything else', () => {
    const now = new Date().getFullYear();
    expect(yearFrom('2021')).to.equal(2021);
    expect(yearFrom(null)).to.equal(now);
    expect(yearFrom('twintig')).to.equal(now);
    expect(yearFrom('1850')).to.equal(now);
  });
});

describe('the rows of coverage in the budget form', () => {
  it('changes one field of one row and keeps the list a list the schema accepts', () => {
    const values = {
      coverage: [
        { source: 'Participatiebudget', amountCents: 100 },
        { source: '', amountCents: 0 },
      ],
      planned: {},
    };
    const changed = setIn(values, ['coverage', '1', 'source'], 'Gemeentefonds') as typeof values;
    expect(Array.isArray(changed.coverage)).to.equal(true);
    expect(changed.coverage[1]).to.deep.equal({ source: 'Gemeentefonds', amountCents: 0 });
    expect(values.coverage[1]!.source, 'the old values stay as they were').to.equal('');
    expect(BudgetInputSchema.safeParse(changed).success).to.equal(true);
  });
});

describe('cost lines on a case', () => {
  it('shows credits as negative amounts and a line without contract without amount', () => {
    expect(costAmountText(line({}))).to.equal('€ 150,00');
    expect(costAmountText(line({ kind: 'credit', amountCents: -15_000 }))).to.equal('€ -150,00');
    expect(costAmountText(line({ amountCents: null, warning: 'missing_contract' }))).to.equal(
      'geen bedrag',
    );
  });

  it('explains each warning in words', () => {
    expect(warningText(line({ warning: 'missing_contract' }))).to.contain('Geen geldig contract');
    expect(warningText(line({ warning: 'over_maximum' }))).to.contain('Meer cliënten');
    expect(warningText(line({}))).to.equal(null);
  });
});
