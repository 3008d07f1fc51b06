import { expect } from 'chai';
import fc from 'fast-check';
import { formatEuro, parseEuro } from '../money.ts';
import { DateSchema, DateTimeSchema, longText, text } from '../text.ts';

describe('text and dates', () => {
  it('refuses NUL, other control characters and bidi controls', () => {
    expect(text(100).safeParse('Bakkerij\u0000').success).to.equal(false);
    expect(text(100).safeParse('a\u0007b').success).to.equal(false);
    expect(text(100).safeParse('abc\u202Efdp.exe').success).to.equal(false);
    expect(text(100).safeParse('twee\nregels').success).to.equal(false);
    // Line breaks by another name are no way around that.
    for (const separator of ['\u2028', '\u2029', '\u0085']) {
      expect(text(100).safeParse(`Onderwerp${separator}Bcc: x`).success).to.equal(false);
      expect(longText().safeParse(`alinea${separator}alinea`).success).to.equal(false);
    }
    expect(longText().safeParse('twee\nregels\tmet tab').success).to.equal(true);
    expect(text(100).safeParse('Café Ünal – één').success).to.equal(true);
  });

  it('refuses dates that do not exist or lie outside 1900–2099', () => {
    for (const bad of ['0000-01-01', '2020-02-30', '2021-13-01', '1899-12-31', '2100-01-01']) {
      expect(DateSchema.safeParse(bad).success, bad).to.equal(false);
    }
    expect(DateSchema.safeParse('2024-02-29').success).to.equal(true);
    expect(DateTimeSchema.safeParse('0001-01-01T00:00:00Z').success).to.equal(false);
    expect(DateTimeSchema.safeParse('2026-11-27T09:30:00+01:00').success).to.equal(true);
  });
});

describe('money', () => {
  it('formats cents the Dutch way', () => {
    expect(formatEuro(123456)).to.equal('€ 1.234,56');
    expect(formatEuro(2_750_000)).to.equal('€ 27.500,00');
    expect(formatEuro(5)).to.equal('€ 0,05');
  });

  it('reads amounts as people type them', () => {
    expect(parseEuro('€ 27.500')).to.equal(2_750_000);
    expect(parseEuro('1.234,56')).to.equal(123456);
    expect(parseEuro('150')).to.equal(15000);
    expect(parseEuro('12,5')).to.equal(1250);
    expect(parseEuro('12.5')).to.equal(null);
    expect(parseEuro('abc')).to.equal(null);
  });

  it('reads back every amount it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), (cents) => {
        expect(parseEuro(formatEuro(cents))).to.equal(cents);
      }),
    );
  });
});
