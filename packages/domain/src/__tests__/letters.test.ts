import { expect } from 'chai';
import {
  describeMissing,
  LetterTemplateInputSchema,
  mergeTemplate,
  openPlaceholders,
  unknownMergeFields,
} from '../letters.ts';

describe('letter templates', () => {
  it('fills in merge fields and keeps a gap visible when a value is missing', () => {
    const merged = mergeTemplate('Beste {{naam}}, uw intake is op {{intake_datum}}.', {
      naam: 'Sanne',
      intake_datum: null,
    });
    expect(merged).to.deep.equal({
      text: 'Beste Sanne, uw intake is op [intake_datum].',
      missing: ['intake_datum'],
    });
    expect(describeMissing(merged.missing)).to.equal(
      'datum en tijd van de geplande intake (plan eerst de intake)',
    );
  });

  it('knows only its own fields, never properties every object has', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'dossiernumer']) {
      expect(unknownMergeFields(`Beste {{${name}}}`), name).to.deep.equal([name]);
      expect(mergeTemplate(`Beste {{${name}}}`, {}).text).to.equal(`Beste {{${name}}}`);
      expect(openPlaceholders(`Beste [${name}]`)).to.deep.equal([]);
    }
    const refused = LetterTemplateInputSchema.safeParse({
      subject: 'Onderwerp',
      body: 'Beste {{constructor}}',
    });
    expect(refused.success).to.equal(false);
    expect(JSON.stringify(refused.error?.issues)).to.contain(
      'Onbekend samenvoegveld: {{constructor}}',
    );
  });

  it('suggests the field a typo meant, in singular or plural', async () => {
    const { suggestMergeField, unknownFieldsMessage } = await import('../letters.ts');
    expect(suggestMergeField('dossiernumer')).to.equal('dossiernummer');
    expect(suggestMergeField('datum_intake')).to.equal('intake_datum');
    expect(suggestMergeField('handtekening')).to.equal(null);
    expect(unknownFieldsMessage(['dossiernumer'])).to.equal(
      'Onbekend samenvoegveld: {{dossiernumer}}. Bedoelt u {{dossiernummer}}?',
    );
    expect(unknownFieldsMessage(['handtekening', 'datum_intake'])).to.equal(
      'Onbekende samenvoegvelden: {{handtekening}}, {{datum_intake}}. Bedoelt u {{intake_datum}}?',
    );
  });
});
