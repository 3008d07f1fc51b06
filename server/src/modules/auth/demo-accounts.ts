import { ROLES, type Role } from '@herorientatie/domain';

export interface DemoAccount {
  username: string;
  name: string;
  email: string;
  municipality: string;
  /** For partner staff: the code of their partner organisation. */
  partner?: string;
  roles: Role[];
}

export interface DemoMunicipality {
  code: string;
  name: string;
}

/** Password of every demo account of the development provider. */
export const DEMO_PASSWORD = 'demo';

export const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const ROLE_PERSON: Record<Role, string> = {
  caseworker: 'Consulent',
  advisor: 'Adviseur',
  manager: 'Manager',
  coordinator: 'Coördinator',
  analyst: 'Analist',
  admin: 'Beheerder',
  partner: 'Medewerker',
};

/** Partner organisations of the demo region with a demo account each (`<code>-partner`). */
export const DEMO_PARTNERS = [
  'leerwerkloket',
  'werkbedrijf',
  'schuldhulp',
  'over-rood',
  'bbz-loket',
  'tonk-loket',
];

/**
 * One account per municipality and role (`wijchen-caseworker`), plus two accounts that
 * must be refused: one without roles and one of a municipality the system does not know.
 */
export function demoAccounts(municipalities: DemoMunicipality[]): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  for (const m of municipalities) {
    for (const role of ROLES.filter((r) => r !== 'partner')) {
      const username = `${slug(m.name)}-${role}`;
      accounts.push({
        username,
        name: `${ROLE_PERSON[role]} ${m.name}`,
        email: `${username}@example.org`,
        municipality: m.code,
        roles: [role],
      });
    }
    // One person with two roles, to show that roles add up per object and never beyond.
    accounts.push({
      username: `${slug(m.name)}-advisor-manager`,
      name: `Adviseur-manager ${m.name}`,
      email: `${slug(m.name)}-advisor-manager@example.org`,
      municipality: m.code,
      roles: ['advisor', 'manager'],
    });
    accounts.push({
      username: `${slug(m.name)}-zonder-rol`,
      name: `Medewerker zonder rol ${m.name}`,
      email: `${slug(m.name)}-zonder-rol@example.org`,
      municipality: m.code,
      roles: [],
    });
  }
  for (const partner of DEMO_PARTNERS) {
    accounts.push({
      username: `${partner}-partner`,
      name: `Medewerker ${partner}`,
      email: `${partner}-partner@example.org`,
      municipality: '',
      partner,
      roles: ['partner'],
    });
  }
  accounts.push({
    username: 'onbekende-gemeente-caseworker',
    name: 'Consulent onbekende gemeente',
    email: 'onbekend@example.org',
    municipality: 'GM9999',
    roles: ['caseworker'],
  });
  return accounts;
}
