import { expect } from 'chai';
import fc from 'fast-check';
import {
  BsnSchema,
  isValidBsn,
  isValidIban,
  isValidKvk,
  normalisePostcode,
  parseRoles,
} from '../index.ts';

/** Builds a BSN from 8 digits by choosing the check digit, or null when none exists. */
function completeBsn(first8: number[]): string | null {
  const sum = first8.reduce((acc, d, i) => acc + d * (9 - i), 0);
  const check = sum % 11;
  if (check > 9) return null;
  return first8.join('') + String(check);
}

describe('BSN 11-check', () => {
  it('accepts known valid numbers and rejects known invalid ones', () => {
    expect(isValidBsn('111222333')).to.equal(true);
    expect(isValidBsn('123456782')).to.equal(true);
    expect(isValidBsn('123456789')).to.equal(false);
    expect(isValidBsn('000000000')).to.equal(false);
    expect(isValidBsn('12345678')).to.equal(false);
    expect(isValidBsn('12345678a')).to.equal(false);
  });

  it('accepts every number built with the right check digit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }), (d) => {
        const bsn = completeBsn(d);
        fc.pre(bsn !== null && !/^0+$/.test(bsn));
        expect(isValidBsn(bsn!)).to.equal(true);
      }),
    );
  });

  it('rejects every single-digit change of a valid number', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (d, pos, delta) => {
          const bsn = completeBsn(d);
          fc.pre(bsn !== null);
          const digits = bsn!.split('').map(Number);
          digits[pos] = (digits[pos]! + delta) % 10;
          expect(isValidBsn(digits.join(''))).to.equal(false);
        },
      ),
    );
  });

  it('gives a Dutch message through the schema', () => {
    const result = BsnSchema.safeParse('123456789');
    expect(result.success).to.equal(false);
    expect(result.error?.issues[0]?.message).to.match(/elfproef/);
  });
});

describe('KvK, postcode and IBAN', () => {
  it('KvK is exactly eight digits', () => {
    expect(isValidKvk('12345678')).to.equal(true);
    expect(isValidKvk('1234567')).to.equal(false);
    expect(isValidKvk('123456789')).to.equal(false);
    expect(isValidKvk('1234567a')).to.equal(false);
  });

  it('normalises postcodes and rejects impossible ones', () => {
    expect(normalisePostcode('6601ab')).to.equal('6601 AB');
    expect(normalisePostcode(' 6601 AB ')).to.equal('6601 AB');
    expect(normalisePostcode('0601 AB')).to.equal(null);
    expect(normalisePostcode('6601 SS')).to.equal(null);
    expect(normalisePostcode('660 AB')).to.equal(null);
  });

  it('checks IBAN with mod 97', () => {
    expect(isValidIban('NL91 ABNA 0417 1643 00')).to.equal(true);
    expect(isValidIban('NL91ABNA0417164301')).to.equal(false);
    expect(isValidIban('NL91ABNA041716430')).to.equal(false);
    expect(isValidIban('DE89370400440532013000')).to.equal(true);
  });
});

describe('role claims', () => {
  it('keeps known roles from arrays and strings, drops the rest', () => {
    expect(parseRoles(['manager', 'caseworker', 'root'])).to.deep.equal(['caseworker', 'manager']);
    expect(parseRoles('analyst admin')).to.deep.equal(['analyst', 'admin']);
    expect(parseRoles(undefined)).to.deep.equal([]);
    expect(parseRoles([42, null])).to.deep.equal([]);
  });
});
