import { expect } from 'chai';
import fc from 'fast-check';
import { decodeCursor, encodeCursor } from '../cases.repository.ts';

describe('keyset cursor', () => {
  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(
        fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }),
        fc.uuid(),
        (date, id) => {
          expect(decodeCursor(encodeCursor(date, id))).to.deep.equal([date.toISOString(), id]);
        },
      ),
    );
  });

  it('rejects anything else instead of guessing', () => {
    for (const bad of [
      '',
      'abc',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('["2026-01-01", "x\' or 1=1"]').toString('base64url'),
    ]) {
      expect(decodeCursor(bad), bad).to.equal(null);
    }
  });
});
