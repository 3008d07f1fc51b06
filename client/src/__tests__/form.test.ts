import { expect } from 'chai';
import { CaseRegistrationSchema } from '@herorientatie/domain';
import { fromAmsterdamInput, toAmsterdamInput } from '../amsterdam-time.ts';
import { fieldErrorsFrom } from '../api/problems.ts';
import { getPath, setPath } from '../forms/use-form.ts';

describe('form helpers', () => {
  it('reads and writes nested values by dotted path without changing the original', () => {
    const values = { entrepreneur: { name: 'A' }, source: 'other' };
    const next = setPath(values, 'entrepreneur.kvkNumber', '12345678');
    expect(getPath(next, 'entrepreneur.kvkNumber')).to.equal('12345678');
    expect(getPath(next, 'entrepreneur.name')).to.equal('A');
    expect(getPath(values, 'entrepreneur.kvkNumber')).to.equal(undefined);
    expect(getPath(next, 'missing.deeper')).to.equal(undefined);
  });

  it('turns schema issues into field errors named by dotted path, as the server does', () => {
    const result = CaseRegistrationSchema.safeParse({
      entrepreneur: { name: '', kvkNumber: '12' },
    });
    expect(result.success).to.equal(false);
    const errors = fieldErrorsFrom(result.error!.issues);
    const reason = (name: string) => errors.find((e) => e.name === name)?.reason;
    expect(reason('entrepreneur.name')).to.equal('Naam is verplicht.');
    expect(reason('entrepreneur.kvkNumber')).to.equal(
      'Een KvK-nummer bestaat uit precies 8 cijfers.',
    );
    expect(reason('source')).to.equal('Kies hoe de ondernemer bij ons kwam.');
    // No preselected value: the caseworker has to choose urgency and other support.
    expect(reason('urgency')).to.equal('Kies de urgentie.');
    expect(reason('otherSupport')).to.equal('Kies de beschikbaarheid van andere steun.');
  });

  it('shows and takes date-time input in Dutch time, winter and summer, on any device', () => {
    expect(toAmsterdamInput('2026-11-26T08:05:00.000Z')).to.equal('2026-11-26T09:05');
    expect(toAmsterdamInput('2026-07-01T08:05:00.000Z')).to.equal('2026-07-01T10:05');
    expect(toAmsterdamInput('geen datum')).to.equal('');
    expect(fromAmsterdamInput('2026-11-26T09:05')).to.equal('2026-11-26T08:05:00.000Z');
    expect(fromAmsterdamInput('2026-07-01T10:05')).to.equal('2026-07-01T08:05:00.000Z');
    // Around the change to summer time (29 March 2026, 02:00 → 03:00).
    expect(fromAmsterdamInput('2026-03-29T01:30')).to.equal('2026-03-29T00:30:00.000Z');
    expect(fromAmsterdamInput('2026-03-29T04:00')).to.equal('2026-03-29T02:00:00.000Z');
    expect(fromAmsterdamInput('2026-13-01T10:00')).to.equal(null);
    expect(fromAmsterdamInput('')).to.equal(null);
    for (const iso of ['2026-01-15T23:30:00.000Z', '2026-10-25T03:30:00.000Z']) {
      expect(fromAmsterdamInput(toAmsterdamInput(iso))).to.equal(iso);
    }
  });
});

describe('session timer', () => {
  it('counts the minutes left from the last contact with the server', async () => {
    const { minutesLeft } = await import('../components/SessionTimer.tsx');
    const idle = 30 * 60_000;
    expect(minutesLeft(idle, 0, 0)).to.equal(30);
    expect(minutesLeft(idle, 0, 26 * 60_000)).to.equal(4);
    expect(minutesLeft(idle, 0, 29 * 60_000 + 1)).to.equal(1);
    expect(minutesLeft(idle, 0, 31 * 60_000)).to.equal(0);
  });

  it('says the time left in proper Dutch', async () => {
    const { logoutIn } = await import('../components/SessionTimer.tsx');
    expect(logoutIn(1)).to.equal('over 1 minuut');
    expect(logoutIn(4)).to.equal('over 4 minuten');
    expect(logoutIn(0)).to.equal('nu');
  });
});

describe('error summary', () => {
  it('puts a label and its message together in readable Dutch', async () => {
    const { summaryText } = await import('../components/form.tsx');
    expect(summaryText('Postcode', 'Vul een geldige postcode in.')).to.equal(
      'Postcode: Vul een geldige postcode in.',
    );
    expect(summaryText('Waarom wordt het verwijderd?', 'Geef aan waarom.')).to.equal(
      'Waarom wordt het verwijderd? Geef aan waarom.',
    );
    expect(summaryText('Naam', 'Naam is verplicht.')).to.equal('Naam is verplicht.');
  });
});
