import { expect } from 'chai';
import { problemType, type Problem } from '@herorientatie/domain';
import { ApiError } from '../api/client.ts';
import {
  CSRF_RETRY,
  formErrorsFrom,
  NOT_SENT,
  placeFieldErrors,
  SESSION_ENDED,
} from '../forms/field-errors.ts';

const shown = (...names: string[]) => {
  const set = new Set(names);
  return (name: string) => set.has(name);
};

const problem = (status: number, extra: Partial<Problem>): ApiError =>
  new ApiError(status, {
    type: problemType(status === 409 ? 'conflict' : 'validation'),
    title:
      status === 409 ? 'Dit conflicteert met de huidige gegevens.' : 'De invoer is niet geldig.',
    status,
    ...extra,
  });

describe('server messages on the form', () => {
  it('puts each field message next to the field it names', () => {
    const errors = placeFieldErrors(
      [
        { name: 'outcome', code: 'invalid_outcome', reason: 'Kies een uitkomst die past.' },
        { name: 'endDate', code: 'before_start', reason: 'De einddatum ligt voor de start.' },
      ],
      shown('status', 'endDate', 'outcome', 'note'),
    );
    expect(errors).to.deep.equal({
      fields: {
        outcome: 'Kies een uitkomst die past.',
        endDate: 'De einddatum ligt voor de start.',
      },
      general: [],
    });
  });

  it('puts a message about a part of a field on that field', () => {
    const errors = placeFieldErrors(
      [{ name: 'bbzOptions.1', code: 'invalid_value', reason: 'Onbekende keuze.' }],
      shown('bbzOptions', 'entrepreneur.name'),
    );
    expect(errors.fields).to.deep.equal({ bbzOptions: 'Onbekende keuze.' });
    const nested = placeFieldErrors(
      [{ name: 'entrepreneur.name', code: 'too_small', reason: 'Naam is verplicht.' }],
      shown('entrepreneur.name'),
    );
    expect(nested.fields).to.deep.equal({ 'entrepreneur.name': 'Naam is verplicht.' });
  });

  it('keeps messages about fields the form does not show, in words, in the summary', () => {
    const errors = placeFieldErrors(
      [
        {
          name: 'caseworkerId',
          code: 'unknown_user',
          reason: 'Kies een consulent van uw eigen gemeente.',
        },
        { name: '(body)', code: 'invalid_json', reason: 'Geen geldige JSON.' },
        { name: 'entrepreneur', code: 'custom', reason: 'Kies een bestaande ondernemer.' },
      ],
      shown('entrepreneur.name', 'source'),
    );
    expect(errors.fields).to.deep.equal({});
    expect(errors.general).to.deep.equal([
      'Kies een consulent van uw eigen gemeente.',
      'Geen geldige JSON.',
      'Kies een bestaande ondernemer.',
    ]);
  });

  it('shows the first message of a field once', () => {
    const errors = placeFieldErrors(
      [
        { name: 'note', code: 'too_big', reason: 'Maximaal 2000 tekens.' },
        { name: 'note', code: 'custom', reason: 'De tekst bevat tekens die niet zijn toegestaan.' },
      ],
      shown('note'),
    );
    expect(errors.fields).to.deep.equal({ note: 'Maximaal 2000 tekens.' });
  });

  it('never shows only the count of wrong fields for a validation problem', () => {
    const error = problem(400, {
      detail: '1 veld is niet goed ingevuld.',
      errors: [{ name: 'file', code: 'unsupported_type', reason: 'Dit soort bestand kan niet.' }],
    });
    const shownForm = formErrorsFrom(error, shown('file'));
    expect(shownForm).to.deep.equal({
      fields: { file: 'Dit soort bestand kan niet.' },
      general: [],
    });
    const elsewhere = formErrorsFrom(error, shown());
    expect(elsewhere.general).to.deep.equal(['Dit soort bestand kan niet.']);
    expect(JSON.stringify(elsewhere)).not.to.contain('niet goed ingevuld');
  });

  it("shows a refusal without fields in the server's own words", () => {
    const detail =
      'Er lopen nog routes (Route 1: versterken eigen bedrijf) en coaching. Beëindig die eerst of kies ervoor ze mee te beëindigen.';
    expect(formErrorsFrom(problem(409, { detail }), shown('outcome'))).to.deep.equal({
      fields: {},
      general: [detail],
    });
    const titleOnly = problem(409, {});
    expect(formErrorsFrom(titleOnly, shown()).general).to.deep.equal([
      'Dit conflicteert met de huidige gegevens.',
    ]);
  });

  it('says in words when the session ended or the network failed', () => {
    const ended = new ApiError(401, undefined);
    expect(formErrorsFrom(ended, shown()).general).to.deep.equal([SESSION_ENDED]);
    expect(formErrorsFrom(new TypeError('Failed to fetch'), shown()).general).to.deep.equal([
      NOT_SENT,
    ]);
  });
});

describe('a refused CSRF token', () => {
  it('asks to send again, and counts as a reason to check the session', () => {
    const csrf = new ApiError(403, {
      type: problemType('csrf'),
      title:
        'De beveiligingscode van het formulier ontbreekt of is verlopen. Laad de pagina opnieuw.',
      status: 403,
    });
    expect(formErrorsFrom(csrf, shown()).general).to.deep.equal([CSRF_RETRY]);
    expect(csrf.sessionMayHaveEnded).to.equal(true);
    expect(new ApiError(401, undefined).sessionMayHaveEnded).to.equal(true);
    expect(new ApiError(403, undefined).sessionMayHaveEnded).to.equal(false);
  });
});
