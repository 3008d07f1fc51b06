import { expect } from 'chai';
import { CaseRegistrationSchema } from '@herorientatie/domain';
import { toLocalInput } from '../components/form.tsx';
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

  it('shows an instant as a local date-time input value', () => {
    const iso = new Date(2026, 10, 26, 9, 5).toISOString();
    expect(toLocalInput(iso)).to.equal('2026-11-26T09:05');
    expect(toLocalInput('geen datum')).to.equal('');
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
});
