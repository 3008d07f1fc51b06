import { expect } from 'chai';
import fc from 'fast-check';
import { decodeCursor, encodeCursor } from '../keyset.ts';

describe('keyset cursor', () => {
  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(
        fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }),
        fc.uuid(),
        (date, id) => {
          expect(decodeCursor(encodeCursor(date, id))).to.deep.equal({
            value: date.toISOString(),
            id,
          });
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
      // Valid-looking, but PostgreSQL would reject or misread these times.
      Buffer.from(
        '["+275760-09-13T00:00:00.000Z","00000000-0000-4000-8000-000000000000"]',
      ).toString('base64url'),
      Buffer.from('["0000-01-01T00:00:00.000Z","00000000-0000-4000-8000-000000000000"]').toString(
        'base64url',
      ),
      Buffer.from('["2020-02-30T00:00:00.000Z","00000000-0000-4000-8000-000000000000"]').toString(
        'base64url',
      ),
    ]) {
      expect(decodeCursor(bad), bad).to.equal(null);
    }
  });
});
