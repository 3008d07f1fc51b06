import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { loadConfig, ROOT_DIR } from '../config.ts';
import { TenantUnitOfWork } from '../db/unit-of-work.ts';
import { AuthService } from '../modules/auth/auth.service.ts';
import { ReferenceRepository } from '../modules/reference/reference.repository.ts';

interface Mapper {
  name: string;
  protocolMapper: string;
  config: Record<string, string>;
}
interface RealmUser {
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  attributes?: Record<string, string[]>;
  realmRoles?: string[];
}
interface Realm {
  realm: string;
  roles: { realm: { name: string; composite?: boolean; composites?: { realm?: string[] } }[] };
  clients: {
    clientId: string;
    publicClient: boolean;
    secret?: string;
    redirectUris: string[];
    attributes: Record<string, string>;
    protocolMappers: Mapper[];
  }[];
  users: RealmUser[];
  components: Record<string, { config: Record<string, string[]> }[]>;
}

const INFRA = path.join(ROOT_DIR, 'infra');
const realm = JSON.parse(
  readFileSync(path.join(INFRA, 'keycloak/rijk-van-nijmegen-realm.json'), 'utf8'),
) as Realm;
const compose = parse(readFileSync(path.join(INFRA, 'compose.yaml'), 'utf8')) as {
  services: Record<string, { environment?: Record<string, string> }>;
};
/** The example .env: compose substitutes it into ${NAME} and ${NAME:?…}. */
const exampleEnv = Object.fromEntries(
  readFileSync(path.join(INFRA, '.env.example'), 'utf8')
    .split('\n')
    .filter((l) => /^[A-Z_]+=/.test(l))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
);
const substitute = (value: string) =>
  String(value).replace(/\$\{([A-Z_]+)(?::[?-][^}]*)?\}/g, (_m, name: string) => {
    const v = exampleEnv[name];
    if (v === undefined) throw new Error(`${name} is not in infra/.env.example`);
    return v;
  });
const appEnv = Object.fromEntries(
  Object.entries(compose.services.app!.environment!).map(([k, v]) => [k, substitute(v)]),
);
const config = loadConfig(appEnv);
const client = realm.clients.find((c) => c.clientId === config.oidc.clientId)!;

/** Effective realm roles of a user: its roles with their composites, as Keycloak expands them. */
function effectiveRoles(user: RealmUser): string[] {
  const byName = new Map(realm.roles.realm.map((r) => [r.name, r]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const role = byName.get(name);
    if (!role) throw new Error(`${user.username} has the unknown realm role ${name}`);
    seen.add(name);
    for (const c of role.composites?.realm ?? []) visit(c);
  };
  for (const r of user.realmRoles ?? []) visit(r);
  return [...seen];
}

/**
 * The claims Keycloak puts in the ID token and userinfo for a user, computed from the
 * client's protocol mappers. A mapper type this function does not know fails the test, so
 * a new mapper cannot slip in untested.
 */
function claimsOf(user: RealmUser): Record<string, unknown> {
  const claims: Record<string, unknown> = {
    sub: `keycloak-id-of-${user.username}`,
    preferred_username: user.username,
    name: `${user.firstName} ${user.lastName}`,
    email: user.email,
  };
  for (const mapper of client.protocolMappers) {
    const c = mapper.config;
    const inToken = c['id.token.claim'] === 'true' || c['userinfo.token.claim'] === 'true';
    expect(inToken, `${mapper.name} in the ID token or userinfo`).to.equal(true);
    switch (mapper.protocolMapper) {
      case 'oidc-usermodel-attribute-mapper': {
        const values = user.attributes?.[c['user.attribute']!] ?? [];
        if (values.length > 0)
          claims[c['claim.name']!] = c.multivalued === 'true' ? values : values[0];
        break;
      }
      case 'oidc-usermodel-realm-role-mapper':
        claims[c['claim.name']!] = effectiveRoles(user);
        break;
      default:
        throw new Error(`Mapper ${mapper.name}: unknown type ${mapper.protocolMapper}`);
    }
  }
  return claims;
}

describe('compose stack: Keycloak realm and the claims the app reads', () => {
  let db: TestDatabase;
  let auth: AuthService;
  before(async () => {
    db = await createTestDatabase();
    auth = new AuthService(
      new TenantUnitOfWork(db.dataSource),
      new ReferenceRepository(db.dataSource),
      {
        municipality: config.oidc.municipalityClaim,
        roles: config.oidc.rolesClaim,
        partner: config.oidc.partnerClaim,
      },
    );
  });
  after(async () => db?.drop());

  it('runs the app in production against the realm’s confidential client', () => {
    expect(config.production).to.equal(true);
    expect(config.oidc.issuer).to.match(new RegExp(`/realms/${realm.realm}$`));
    expect(client.publicClient).to.equal(false);
    // The secret comes from the environment on import, never from the file.
    expect(client.secret).to.equal('${OIDC_CLIENT_SECRET}');
    expect(compose.services.keycloak!.environment!.OIDC_CLIENT_SECRET).to.match(
      /^\$\{OIDC_CLIENT_SECRET/,
    );
    expect(client.redirectUris).to.deep.equal([`${config.publicUrl}/auth/callback`]);
    expect(client.attributes['post.logout.redirect.uris']).to.equal(`${config.publicUrl}/`);
    expect(config.mail.smtpUrl).to.equal('smtp://mailpit:1025');
  });

  it('lets only administrators set a user’s municipality and partner organisation', () => {
    const profile = JSON.parse(
      realm.components['org.keycloak.userprofile.UserProfileProvider']![0]!.config[
        'kc.user.profile.config'
      ]![0]!,
    ) as { attributes: { name: string; permissions: { edit: string[] } }[] };
    for (const name of ['municipality', 'partner']) {
      const attribute = profile.attributes.find((a) => a.name === name);
      expect(attribute?.permissions.edit, name).to.deep.equal(['admin']);
    }
  });

  it('has demo users for two municipalities and a partner', () => {
    const municipalities = new Set(realm.users.map((u) => u.attributes?.municipality?.[0]));
    expect([...municipalities]).to.include.members(['GM0268', 'GM0296']);
    expect(realm.users.some((u) => u.attributes?.partner)).to.equal(true);
  });

  const expected: Record<
    string,
    { municipality?: string; roles: string[]; partner?: string; name: string }
  > = {
    'nijmegen-caseworker': {
      municipality: 'GM0268',
      roles: ['caseworker'],
      name: 'Consulent Nijmegen',
    },
    'nijmegen-coordinator': {
      municipality: 'GM0268',
      roles: ['coordinator'],
      name: 'Regiocoördinator Nijmegen',
    },
    'wijchen-caseworker': {
      municipality: 'GM0296',
      roles: ['caseworker'],
      name: 'Consulent Wijchen',
    },
    'wijchen-advisor-manager': {
      municipality: 'GM0296',
      roles: ['advisor', 'manager'],
      name: 'Adviseur-manager Wijchen',
    },
    'leerwerkloket-partner': {
      roles: ['partner'],
      partner: 'leerwerkloket',
      name: 'Medewerker Leerwerkloket',
    },
  };

  for (const [username, want] of Object.entries(expected)) {
    it(`logs ${username} in with the municipality, roles and organisation the realm gives`, async () => {
      const user = realm.users.find((u) => u.username === username);
      expect(user, username).to.not.equal(undefined);
      const result = await auth.login(claimsOf(user!));
      if (!result.ok) throw new Error(`${username} refused: ${result.reason}`);
      expect(result.user.roles).to.have.members(want.roles);
      expect(result.user.name).to.equal(want.name);
      expect(result.user.municipalityCode).to.equal(want.municipality ?? '');
      if (want.partner) {
        const { rows } = await db.admin.query(
          'select code from partner_organisation where id = $1',
          [result.user.partnerId],
        );
        expect(rows[0]?.code).to.equal(want.partner);
      } else expect(result.user.partnerId).to.equal(undefined);
    });
  }

  it('gives every demo user a login the app accepts', async () => {
    for (const user of realm.users) {
      const result = await auth.login(claimsOf(user));
      expect(result.ok, `${user.username}: ${result.ok ? '' : result.reason}`).to.equal(true);
    }
  });
});
