import {
  BbzRequestInputSchema,
  DecisionInputSchema,
  TonkApplicationInputSchema,
  type BbzRequest,
  type TonkApplication,
} from '@herorientatie/domain';
import { expect } from 'chai';
import { STALE_AFTER } from '../api/invalidation.ts';
import {
  bbzBody,
  bbzRequestText,
  canOpenCase,
  decisionBody,
  decisionText,
  tonkBody,
} from '../pages/tonk/tonk-helpers.ts';

const application = (overrides: Partial<TonkApplication> = {}): TonkApplication => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Sanne de Vries',
  selfEmployed: true,
  businessName: 'Bakkerij de Korenschoof',
  monthlyHousingCostsCents: 95_000,
  requestedCents: 285_000,
  periodFrom: '2021-01-01',
  periodTo: '2021-03-31',
  receivedOn: '2021-01-05',
  decision: 'pending',
  grantedCents: null,
  decidedOn: null,
  caseId: null,
  ...overrides,
});

const request = (overrides: Partial<BbzRequest> = {}): BbzRequest => ({
  id: '00000000-0000-4000-8000-000000000002',
  kind: 'business_credit',
  amountCents: 1_000_000,
  requestedOn: '2021-02-01',
  decision: 'pending',
  grantedCents: null,
  decidedOn: null,
  ...overrides,
});

describe('TONK and Bbz helpers', () => {
  it('shows a decision with its label, and the amount and date once granted', () => {
    expect(decisionText(application())).to.equal('In behandeling');
    const granted = decisionText(
      application({ decision: 'granted', grantedCents: 250_000, decidedOn: '2021-01-20' }),
    );
    expect(granted).to.match(/^Toegekend: € 2\.500,00 op 20 jan\.? 2021$/);
    expect(decisionText(application({ decision: 'rejected', decidedOn: '2021-01-20' }))).to.match(
      /^Afgewezen op 20 jan/,
    );
  });

  it('offers a reorientation case only to a self-employed applicant without one', () => {
    expect(canOpenCase(application())).to.equal(true);
    expect(canOpenCase(application({ selfEmployed: false, businessName: null }))).to.equal(false);
    expect(canOpenCase(application({ caseId: '00000000-0000-4000-8000-000000000003' }))).to.equal(
      false,
    );
  });

  it('sends business name and KvK number only for a self-employed applicant', () => {
    const typed = TonkApplicationInputSchema.parse({
      name: 'Sanne de Vries',
      selfEmployed: false,
      businessName: 'Bakkerij',
      kvkNumber: '12345678',
      monthlyHousingCostsCents: 95_000,
      requestedCents: 285_000,
      periodFrom: '2021-01-01',
      periodTo: '2021-03-31',
      receivedOn: '2021-01-05',
    });
    const body = tonkBody(typed);
    expect(body).not.to.have.property('businessName');
    expect(body).not.to.have.property('kvkNumber');
    expect(tonkBody({ ...typed, selfEmployed: true })).to.include({ businessName: 'Bakkerij' });
  });

  it('drops a typed amount from a rejection and from a request for income support', () => {
    const rejected = decisionBody(
      DecisionInputSchema.parse({
        decision: 'rejected',
        grantedCents: 100,
        decidedOn: '2021-01-20',
      }),
    );
    expect(rejected).to.deep.equal({ decision: 'rejected', decidedOn: '2021-01-20' });
    const support = bbzBody(
      BbzRequestInputSchema.parse({
        kind: 'income_support',
        amountCents: 500,
        requestedOn: '2021-02-01',
      }),
    );
    expect(support).to.deep.equal({ kind: 'income_support', requestedOn: '2021-02-01' });
  });

  it('names a Bbz request by its kind, with the amount of a credit', () => {
    expect(bbzRequestText(request())).to.equal('Bedrijfskrediet van € 10.000,00');
    expect(bbzRequestText(request({ kind: 'income_support', amountCents: null }))).to.equal(
      'Levensonderhoud',
    );
  });

  it('makes the TONK list and the linked case stale after a TONK change', () => {
    expect(STALE_AFTER.tonkChange({ caseId: 'c1' })).to.deep.equal([['tonk'], ['case', 'c1']]);
    expect(STALE_AFTER.tonkChange({})).to.deep.equal([['tonk']]);
    expect(STALE_AFTER.tonkCaseOpened()).to.deep.equal([['tonk'], ['cases'], ['worklist-counts']]);
    expect(STALE_AFTER.bbzChange({ caseId: 'c1' })).to.deep.equal([['case', 'c1']]);
  });
});
