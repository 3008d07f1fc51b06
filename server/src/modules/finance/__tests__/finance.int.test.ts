import type {
  BudgetOverview,
  CaseDetail,
  Contract,
  CostLine,
  Statement,
} from '@herorientatie/domain';
import { expect } from 'chai';
import { useTestApp } from '../../../../test/app.ts';
import { linesOf, pdfTextItems } from '../../../../test/pdf-layout.ts';
import { hasPdftoppm, pdfToPngs } from '../../../../test/pdf-png.ts';
import { intake, registration } from '../../../../test/case-fixtures.ts';

describe('costs and coverage', () => {
  const t = useTestApp({ logins: ['wijchen-manager', 'wijchen-caseworker', 'nijmegen-manager'] });
  const manager = () => t.agent('wijchen-manager');
  const cw = () => t.agent('wijchen-caseworker');
  const contract = (
    serviceType: string,
    priceCents: number,
    validFrom = '2021-01-01',
    extra = {},
  ) =>
    manager().send('POST', '/api/v1/finance/contracts', {
      provider: serviceType === 'coaching' ? 'Over Rood' : 'Ondernemersklankbord',
      serviceType,
      priceCents,
      validFrom,
      ...extra,
    });
  const openCase = async () =>
    (await cw().send('POST', '/api/v1/cases', registration())).json<CaseDetail>();

  before(async () => {
    expect(
      (await contract('intake', 12_000, '2020-01-01', { validTo: '2020-12-31' })).status,
    ).to.equal(201);
    expect((await contract('intake', 15_000)).status).to.equal(201);
    expect((await contract('perspective_analysis', 40_500)).status).to.equal(201);
  });

  it('prices a service by the contract valid on its date, once however often it is saved', async () => {
    const old = await openCase();
    await cw().send('POST', `/api/v1/cases/${old.id}/intake`, intake({ date: '2020-11-20' }));
    const lines = (await cw().get(`/api/v1/cases/${old.id}/cost-lines`)).json<CostLine[]>();
    expect(lines).to.have.length(1);
    expect(lines[0]).to.include({
      serviceType: 'intake',
      amountCents: 12_000,
      kind: 'charge',
      warning: null,
    });

    const c = await openCase();
    const base = `/api/v1/cases/${c.id}`;
    await cw().send('POST', `${base}/intake`, intake({ date: '2021-03-01' }));
    const analysis = {
      provider: 'Ondernemersklankbord',
      date: '2021-03-10',
      conclusion: 'Doorgaan',
    };
    // Saved four times at once and once more: still one line for this client and service.
    await Promise.all(
      Array.from({ length: 4 }, () => cw().send('POST', `${base}/perspective-analyses`, analysis)),
    );
    await cw().send('POST', `${base}/perspective-analyses`, analysis);
    const all = (await cw().get(`${base}/cost-lines`)).json<CostLine[]>();
    expect(all.map((l) => [l.serviceType, l.amountCents])).to.deep.equal([
      ['intake', 15_000],
      ['perspective_analysis', 40_500],
    ]);
  });

  it('records a service without a valid contract, with a warning and no amount', async () => {
    const c = await openCase();
    await cw().send('POST', `/api/v1/cases/${c.id}/intake`, intake({ date: '2021-04-01' }));
    const coaching = await cw().send('POST', `/api/v1/cases/${c.id}/coachings`, {
      coach: 'Piet',
      startDate: '2021-04-02',
    });
    expect(coaching.status).to.equal(201);
    const lines = (await cw().get(`/api/v1/cases/${c.id}/cost-lines`)).json<CostLine[]>();
    expect(lines.find((l) => l.serviceType === 'coaching')).to.include({
      amountCents: null,
      warning: 'missing_contract',
    });
    const warnings = (await manager().get('/api/v1/finance/warnings')).json<CostLine[]>();
    expect(warnings.some((l) => l.caseId === c.id)).to.equal(true);
  });

  it('corrects with a credit line and a reason, never by editing, once', async () => {
    const c = await openCase();
    await cw().send('POST', `/api/v1/cases/${c.id}/intake`, intake({ date: '2021-05-01' }));
    const [charge] = (await cw().get(`/api/v1/cases/${c.id}/cost-lines`)).json<CostLine[]>();
    expect(
      (await manager().send('POST', `/api/v1/finance/cost-lines/${charge!.id}/credit`, {})).status,
    ).to.equal(400);
    const credit = await manager().send('POST', `/api/v1/finance/cost-lines/${charge!.id}/credit`, {
      reason: 'Intake ging niet door; aanbieder crediteert',
    });
    expect(credit.status, credit.text).to.equal(201);
    expect(credit.json<CostLine>()).to.include({
      kind: 'credit',
      amountCents: -15_000,
      creditsLineId: charge!.id,
    });
    expect(
      (
        await manager().send('POST', `/api/v1/finance/cost-lines/${charge!.id}/credit`, {
          reason: 'nog eens',
        })
      ).status,
    ).to.equal(409);
    expect(
      (await cw().send('POST', `/api/v1/finance/cost-lines/${charge!.id}/credit`, { reason: 'x' }))
        .status,
    ).to.equal(403);
  });

  it('gives the source’s figures: € 88,400 planned for 120 clients, and the forecast arithmetic', async () => {
    await contract('coaching', 14_000);
    const r = await manager().send('PUT', '/api/v1/finance/budgets/2021', {
      coverage: [{ source: 'Extra participatiebudget 2021', amountCents: 19_800_000 }],
      planned: {
        intake: 1_800_000,
        perspective_analysis: 4_860_000,
        coaching: 1_680_000,
        local_communication: 500_000,
      },
      assumptions: {
        responseRatePercent: 20,
        remainingRecipients: 400,
        expectedCampaignSignUps: 40,
      },
    });
    expect(r.status, r.text).to.equal(200);
    const o = r.json<BudgetOverview>();
    expect(o.total.plannedCents).to.equal(8_840_000);
    expect(o.coverageCents).to.equal(19_800_000);
    expect(o.forecast.expectedClients).to.equal(120);
    const byCategory = Object.fromEntries(o.categories.map((c) => [c.category, c]));
    expect(byCategory.intake!.forecastCents).to.equal(1_800_000);
    expect(byCategory.perspective_analysis!.forecastCents).to.equal(4_860_000);
    expect(byCategory.coaching!.forecastCents).to.equal(1_680_000);
    // Realised in 2021: intakes of 15,000 (three charged, one credited) and one analysis.
    expect(byCategory.intake!.realisedCents).to.equal(3 * 15_000 - 15_000);
    expect(byCategory.perspective_analysis!.realisedCents).to.equal(40_500);
    expect(o.total.remainingCents).to.equal(
      o.total.plannedCents - o.total.realisedCents - o.total.committedCents,
    );
  });

  it('makes provider statements whose total is the sum of their lines, as CSV and PDF', async () => {
    const s = (
      await manager().get('/api/v1/finance/statements?provider=Ondernemersklankbord&month=2021-03')
    ).json<Statement>();
    expect(s.lines.map((l) => l.amountCents).sort()).to.deep.equal([15_000, 40_500]);
    expect(s.totalCents).to.equal(s.lines.reduce((a, l) => a + l.amountCents, 0));
    expect(s.lines[0]!.clientReference).to.match(/^K-[0-9A-F]{8}$/);
    expect(JSON.stringify(s)).to.not.match(/Fatima|HO-/);
    const csv = await manager().get(
      '/api/v1/finance/statements.csv?provider=Ondernemersklankbord&month=2021-03',
    );
    expect(csv.text).to.contain('Totaal;;;555,00');
    // Dutch labels and dates, never codes or ISO dates.
    expect(csv.text).to.contain('Analyse perspectief').and.not.contain('perspective_analysis');
    expect(csv.text).to.match(/;\d{1,2} mrt 2021;/);
    const pdf = await manager().bytes(
      '/api/v1/finance/statements.pdf?provider=Ondernemersklankbord&month=2021-03',
    );
    expect(pdf.status).to.equal(200);
    const pages = await pdfTextItems(pdf.bytes);
    const lines = pages.flatMap((p) => linesOf(p).map((l) => l.str));
    const text = lines.join('\n');
    // Sender, month in words, column headings, the contract prices and the totals.
    expect(text).to.contain('Gemeente Wijchen').and.contain('maart 2021');
    expect(lines).to.include('Cliënt Dienst Datum Bedrag');
    expect(text).to.contain('€ 150,00 per cliënt').and.contain('€ 405,00 per cliënt');
    expect(text).to.match(/Totaal\s+€ 555,00/);
    expect(text)
      .to.not.contain('perspective_analysis')
      .and.not.match(/2021-03-\d{2}/);
    expect(text).to.contain(`Pagina 1 van ${pages.length}`);
    if (hasPdftoppm()) expect(await pdfToPngs(pdf.bytes)).to.have.length(pages.length);
    const paid = await manager().send(
      'PUT',
      '/api/v1/finance/statements/status?provider=Ondernemersklankbord&month=2021-03',
      {
        status: 'invoiced',
      },
    );
    expect(paid.json<Statement>().status).to.equal('invoiced');
  });

  it('lets only managers change contracts and budgets, and keeps them per municipality', async () => {
    expect(
      (
        await cw().send('POST', '/api/v1/finance/contracts', {
          provider: 'x',
          serviceType: 'intake',
          priceCents: 1,
          validFrom: '2021-01-01',
        })
      ).status,
    ).to.equal(403);
    expect((await cw().get('/api/v1/finance/budgets/2021')).status).to.equal(403);
    expect(
      (await t.agent('nijmegen-manager').get('/api/v1/finance/contracts')).json<Contract[]>(),
    ).to.deep.equal([]);
    const other = (
      await t.agent('nijmegen-manager').get('/api/v1/finance/budgets/2021')
    ).json<BudgetOverview>();
    expect(other.total.plannedCents).to.equal(0);
    const c = await openCase();
    expect(
      (await t.agent('nijmegen-manager').get(`/api/v1/cases/${c.id}/cost-lines`)).status,
    ).to.equal(404);
  });

  it('shows the services a client received without a cost line: free ones and those on a Bbz credit', async () => {
    const c = await openCase();
    const base = `/api/v1/cases/${c.id}`;
    await cw().send('POST', `${base}/intake`, intake());
    const partners = (await cw().get('/api/v1/partners')).json<{ id: string; code: string }[]>();
    const refer = async (code: string, start: boolean, extra: Record<string, unknown> = {}) => {
      const made = await cw().send('POST', `${base}/referrals`, {
        partnerId: partners.find((p) => p.code === code)!.id,
        mode: 'self',
        followUpOn: new Date().toISOString().slice(0, 10),
        ...extra,
      });
      expect(made.status, made.text).to.equal(201);
      const id = made.json<{ id: string }>().id;
      for (const status of start ? ['sent', 'received', 'started'] : ['sent']) {
        const moved = await cw().send('POST', `${base}/referrals/${id}/status`, { status });
        expect(moved.status, moved.text).to.equal(200);
      }
      return id;
    };
    const werkbedrijf = await refer('werkbedrijf', true);
    await refer('leerwerkloket', false); // sent, not started: no service yet
    // The intake found the entrepreneur in the Bbz target group: the Bbz credit pays.
    const debts = await refer('schuldhulp', true);
    const services = (await manager().get(`${base}/uncosted-services`)).json<
      { referralId: string; serviceType: string; paidBy: string; startedOn: string }[]
    >();
    expect(services.map((x) => [x.referralId, x.serviceType, x.paidBy])).to.deep.equal([
      [werkbedrijf, 'werkbedrijf', 'free'],
      [debts, 'debt_restructuring', 'bbz_credit'],
    ]);
    expect(services[0]!.startedOn).to.equal(
      new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }),
    );
    // Nothing of it reaches the cost lines or the budget.
    expect(
      (await manager().get(`${base}/cost-lines`)).json<CostLine[]>().map((l) => l.serviceType),
    ).to.not.include('werkbedrijf');
    expect((await t.agent('nijmegen-manager').get(`${base}/uncosted-services`)).status).to.equal(
      404,
    );
    // With partner income the municipality pays debt restructuring, outside this budget.
    const other = (
      await cw().send('POST', '/api/v1/cases', registration({}, { partnerIncome: 'yes' }))
    ).json<CaseDetail>();
    await cw().send('POST', `/api/v1/cases/${other.id}/intake`, intake());
    const made = await cw().send('POST', `/api/v1/cases/${other.id}/referrals`, {
      partnerId: partners.find((p) => p.code === 'schuldhulp')!.id,
      mode: 'self',
      followUpOn: new Date().toISOString().slice(0, 10),
    });
    const id = made.json<{ id: string }>().id;
    for (const status of ['sent', 'received', 'started'])
      await cw().send('POST', `/api/v1/cases/${other.id}/referrals/${id}/status`, { status });
    expect(
      (await manager().get(`/api/v1/cases/${other.id}/uncosted-services`))
        .json<{ paidBy: string }[]>()
        .map((x) => x.paidBy),
    ).to.deep.equal(['debt_assistance']);
  });
  it('bills an analysis to the provider it was recorded with, never on another provider’s contract', async () => {
    const c = await openCase();
    await cw().send('POST', `/api/v1/cases/${c.id}/intake`, intake({ date: '2022-06-02' }));
    const saved = await cw().send('POST', `/api/v1/cases/${c.id}/perspective-analyses`, {
      provider: 'ZZP Perspectief BV',
      date: '2022-06-12',
      conclusion: 'Doorgaan met ondersteuning',
    });
    expect(saved.status, saved.text).to.equal(201);
    const line = (await cw().get(`/api/v1/cases/${c.id}/cost-lines`))
      .json<CostLine[]>()
      .find((l) => l.serviceType === 'perspective_analysis')!;
    expect(line).to.include({
      provider: 'ZZP Perspectief BV',
      amountCents: null,
      warning: 'missing_contract',
    });
  });
});
