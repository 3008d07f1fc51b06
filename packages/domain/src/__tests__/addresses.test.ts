import { expect } from 'chai';
import fc from 'fast-check';
import {
  addressOneLine,
  formatResponseCode,
  houseNumberText,
  missingAddressParts,
  normalisePostcode,
  normaliseResponseCode,
  postalLines,
  postcodeProblem,
  RESPONSE_CODE_ALPHABET,
} from '../index.ts';

describe('postal addresses', () => {
  it('prints the envelope lines as PostNL asks: number with addition, two spaces, town in capitals', () => {
    expect(
      postalLines({
        street: 'Kasteellaan',
        houseNumber: '14',
        houseNumberAddition: 'a',
        postcode: '6602 BK',
        town: 'Wijchen',
      }),
    ).to.deep.equal(['Kasteellaan 14A', '6602 BK  WIJCHEN']);
    expect(houseNumberText({ houseNumber: '3', houseNumberAddition: '2' })).to.equal('3-2');
    expect(houseNumberText({ houseNumber: '3' })).to.equal('3');
  });

  it('refuses an address that cannot be posted and says what it lacks', () => {
    const partial = { houseNumber: '14', postcode: '6602 BK' };
    expect(postalLines(partial)).to.equal(null);
    expect(missingAddressParts(partial)).to.deep.equal(['straat', 'woonplaats']);
    expect(addressOneLine(partial)).to.equal('14, 6602 BK');
  });

  it('names the postcode problem with the value', () => {
    expect(postcodeProblem('0601 GH')).to.equal('0601 GH: een postcode begint niet met 0.');
    expect(postcodeProblem('6607 SA')).to.equal(
      '6607 SA: SA, SD en SS worden niet als postcode gebruikt.',
    );
    expect(postcodeProblem('6604')).to.equal('6604: de twee letters ontbreken, zoals 6602 AB.');
    expect(postcodeProblem('6602bk')).to.equal(null);
    expect(normalisePostcode(' 6602bk ')).to.equal('6602 BK');
  });

  it('accepts exactly the valid postcodes, whatever the spacing and case', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        fc.constantFrom('', ' ', '  '),
        fc.boolean(),
        (digits, a, b, space, lower) => {
          const letters = lower ? `${a}${b}`.toLowerCase() : `${a}${b}`;
          const value = `${digits}${space}${letters}`;
          const unused = ['SA', 'SD', 'SS'].includes(`${a}${b}`);
          expect(postcodeProblem(value) === null).to.equal(!unused);
          if (!unused) expect(normalisePostcode(value)).to.equal(`${digits} ${a}${b}`);
        },
      ),
    );
  });
});

describe('response codes', () => {
  it('reads a code as people type it and prints it in two halves', () => {
    expect(normaliseResponseCode('k7qm-rxp4')).to.equal('K7QMRXP4');
    expect(normaliseResponseCode(' K7QM RXP4 ')).to.equal('K7QMRXP4');
    expect(formatResponseCode('K7QMRXP4')).to.equal('K7QM-RXP4');
    // 0, O, 1 and I are never in a code: they are misread.
    expect(normaliseResponseCode('K7QM-RXP0')).to.equal(null);
    expect(normaliseResponseCode('K7QM-RXPI')).to.equal(null);
    expect(RESPONSE_CODE_ALPHABET).to.have.length(32);
  });
});
