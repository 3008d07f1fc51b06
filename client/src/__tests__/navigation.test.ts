import type { Principal, Role } from '@herorientatie/domain';
import { expect } from 'chai';
import { isPublicPath, loginHref, navigationFor, OUTREACH_ITEMS } from '../navigation.ts';

const user = (roles: Role[], isCentre = false): Principal => ({ id: 'u', roles, isCentre });
const labels = (roles: Role[], isCentre = false) =>
  navigationFor(user(roles, isCentre)).map((i) => i.label);

describe('navigation by permission', () => {
  it('shows a caseworker cases, referrals, TONK, outreach and campaigns, but not figures or administration', () => {
    expect(labels(['caseworker'])).to.deep.equal([
      'Start',
      'Dossiers',
      'Acties',
      'Agenda',
      'Verwijzingen',
      'TONK',
      'Benadering',
      'Campagnes',
    ]);
  });

  it('shows an analyst campaigns and the regional overview, never cases', () => {
    expect(labels(['analyst'])).to.deep.equal(['Start', 'Campagnes', 'Regionaal overzicht']);
  });

  it('shows an advisor only the cases and their referrals', () => {
    expect(labels(['advisor'])).to.deep.equal([
      'Start',
      'Dossiers',
      'Acties',
      'Agenda',
      'Verwijzingen',
    ]);
  });

  it('shows partner staff no case items: their start page holds their referrals', () => {
    expect(labels(['partner'])).to.deep.equal(['Start']);
  });

  it('shows the administrator the administration pages', () => {
    expect(labels(['admin'])).to.deep.equal(['Start', 'Beheer']);
  });

  it('combines the items of several roles without duplicates', () => {
    expect(labels(['manager', 'coordinator'], true)).to.deep.equal([
      'Start',
      'Dossiers',
      'Acties',
      'Agenda',
      'Benadering',
      'Campagnes',
      'Kosten en budget',
      'Regionaal overzicht',
    ]);
  });

  it('shows importing to those who manage outreach; a manager only reads the waves', () => {
    const items = (roles: Role[]) => navigationFor(user(roles), OUTREACH_ITEMS).map((i) => i.label);
    expect(items(['caseworker'])).to.deep.equal(['Rondes', 'Importeren']);
    expect(items(['manager'])).to.deep.equal(['Rondes']);
    expect(items(['coordinator'])).to.deep.equal([]);
  });

  it('shows nothing to a user without roles', () => {
    expect(navigationFor(user([]))).to.deep.equal([]);
  });

  it('returns only to paths inside the application after login', () => {
    expect(loginHref('/dossiers?status=open')).to.equal(
      '/auth/login?returnTo=%2Fdossiers%3Fstatus%3Dopen',
    );
    expect(loginHref('//evil.example')).to.equal('/auth/login?returnTo=%2F');
  });

  it('knows the public pages, and nothing else is public', () => {
    expect(isPublicPath('/aanmelden')).to.equal(true);
    expect(isPublicPath('/aanmelden/')).to.equal(true);
    expect(isPublicPath('/privacy')).to.equal(true);
    expect(isPublicPath('/')).to.equal(false);
    expect(isPublicPath('/aanmelden-beheer')).to.equal(false);
    expect(isPublicPath('/dossiers')).to.equal(false);
  });
});
