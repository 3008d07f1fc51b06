import { assessSelfCheck, type SelfCheck } from '@herorientatie/domain';
import { expect } from 'chai';
import { postcodeArea } from '../api/public.ts';
import { FIGURE_COLOURS } from '../components/charts.tsx';
import { amountText, amountValue, listValue } from '../components/form.tsx';
import { isOverBudget, remainingText, spentShare } from '../pages/campaigns/budget.tsx';
import { selfCheckRows } from '../pages/case/self-check.tsx';

describe('amounts typed in a form', () => {
  it('keeps Dutch notation as whole cents', () => {
    expect(amountValue('1.250,50')).to.equal(125_050);
    expect(amountValue('€ 27.500')).to.equal(2_750_000);
    expect(amountValue('12,5')).to.equal(1250);
  });

  it('keeps text that is no amount, so the schema refuses it, and nothing for an empty field', () => {
    expect(amountValue('veel')).to.equal('veel');
    expect(amountValue('  ')).to.equal(undefined);
  });

  it('shows cents as the amount a person would type', () => {
    expect(amountText(125_050)).to.equal('1.250,50');
    expect(amountValue(amountText(987_654_321))).to.equal(987_654_321);
  });
});

describe('lists typed in one field', () => {
  it('splits on commas, semicolons and spaces, and drops empty parts', () => {
    expect(listValue('56, 47;4711  01')).to.deep.equal(['56', '47', '4711', '01']);
    expect(listValue(' , ')).to.deep.equal([]);
  });
});

describe('budget bars', () => {
  it('fills the bar with the share spent, never beyond the bar', () => {
    expect(spentShare({ budgetCents: 1000, spentCents: 250 })).to.equal(25);
    expect(spentShare({ budgetCents: 1000, spentCents: 2500 })).to.equal(100);
    expect(spentShare({ budgetCents: 0, spentCents: 0 })).to.equal(0);
    expect(spentShare({ budgetCents: 0, spentCents: 1 })).to.equal(100);
  });

  it('says what is left, or by how much the budget was exceeded', () => {
    expect(remainingText({ budgetCents: 1_000_000, spentCents: 125_050 })).to.equal(
      'Nog €\u00a08.749,50 over',
    );
    expect(remainingText({ budgetCents: 1_000_000, spentCents: 1_025_050 })).to.equal(
      'Budget overschreden met €\u00a0250,50',
    );
    expect(isOverBudget({ budgetCents: 100, spentCents: 100 })).to.equal(false);
    expect(isOverBudget({ budgetCents: 100, spentCents: 101 })).to.equal(true);
  });
});

describe('the postcode area of a sign-up', () => {
  it('reads the four digits however the postcode is typed', () => {
    expect(postcodeArea('6602 BK')).to.equal('6602');
    expect(postcodeArea('6602bk')).to.equal('6602');
    expect(postcodeArea(' 6602 ')).to.equal('6602');
  });

  it('asks nothing for what is no postcode', () => {
    expect(postcodeArea('660')).to.equal(null);
    expect(postcodeArea('0602 BK')).to.equal(null);
    expect(postcodeArea('6602 BKX')).to.equal(null);
  });
});

describe('the self-check on a case', () => {
  it('shows every question with the answer in the words the entrepreneur chose', () => {
    const answers: SelfCheck = {
      income: 'much_lower',
      fixedCosts: 'partly',
      arrears: 'yes',
      otherSupport: 'some',
      wish: 'combine',
    };
    const rows = selfCheckRows({ answers, ...assessSelfCheck(answers) });
    expect(rows).to.have.length(5);
    expect(rows.map(([, answer]) => answer)).to.deep.equal([
      'Veel minder',
      'Soms niet',
      'Ja',
      'Een beetje',
      'Mijn bedrijf combineren met een (bij)baan',
    ]);
  });
});

describe('chart colours', () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  for (const [name, colour] of Object.entries(FIGURE_COLOURS)) {
    it(`"${name}" stands out at least 3:1 against the white page`, () => {
      expect(1.05 / (luminance(colour) + 0.05)).to.be.at.least(3);
    });
  }
});
