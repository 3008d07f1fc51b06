import { expect } from 'chai';
import { loginHref, navigationFor } from '../navigation.ts';

describe('navigation by role', () => {
  it('shows a caseworker the cases but not the regional campaign or administration', () => {
    const labels = navigationFor(['caseworker']).map((i) => i.label);
    expect(labels).to.deep.equal(['Start', 'Dossiers']);
  });

  it('shows an analyst only the regional overview, never cases', () => {
    const labels = navigationFor(['analyst']).map((i) => i.label);
    expect(labels).to.deep.equal(['Start', 'Regionaal overzicht']);
  });

  it('combines the items of several roles without duplicates', () => {
    const labels = navigationFor(['manager', 'coordinator']).map((i) => i.label);
    expect(labels).to.deep.equal([
      'Start',
      'Dossiers',
      'Regionale campagne',
      'Budgetten',
      'Regionaal overzicht',
    ]);
  });

  it('shows nothing to a user without roles', () => {
    expect(navigationFor([])).to.deep.equal([]);
  });

  it('returns only to paths inside the application after login', () => {
    expect(loginHref('/dossiers?status=open')).to.equal(
      '/auth/login?returnTo=%2Fdossiers%3Fstatus%3Dopen',
    );
    expect(loginHref('//evil.example')).to.equal('/auth/login?returnTo=%2F');
  });
});
