import { expect } from 'chai';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { tenantTables } from '../../../test/factories.ts';
import { DB_ROLES } from '../roles.ts';

async function tablesOfKind(db: TestDatabase) {
  const result = await db.admin.query<{ table: string; kind: string | null }>(
    `select c.relname as table, substring(obj_description(c.oid, 'pg_class') from 'kind=(\\w+)') as kind
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
  const byKind: Record<string, string[]> = {};
  for (const row of result.rows) (byKind[row.kind ?? 'none'] ??= []).push(row.table);
  return byKind;
}

/** Fails when a table or role breaks the tenancy rules of docs/architecture.md. */
describe('tenancy rules in the catalog', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.drop());

  it('finds the tenant tables', async () => {
    const tables = await tenantTables(db.admin);
    expect(tables).to.include.members(['app_user', 'audit_log']);
  });

  it('enables and forces row-level security on every tenant table, with a policy', async () => {
    const result = await db.admin.query(
      `select c.relname, c.relrowsecurity, c.relforcerowsecurity,
              (select count(*) from pg_policy p where p.polrelid = c.oid)::int as policies
         from pg_class c where c.relname = any($1)`,
      [await tenantTables(db.admin)],
    );
    for (const row of result.rows) {
      expect(row.relrowsecurity, `${row.relname} has RLS enabled`).to.equal(true);
      expect(row.relforcerowsecurity, `${row.relname} has RLS forced`).to.equal(true);
      expect(row.policies, `${row.relname} has a policy`).to.be.greaterThan(0);
    }
  });

  it('forces row-level security on every table keyed by municipality, in every schema', async () => {
    const result = await db.admin.query<{ name: string }>(
      `select n.nspname || '.' || c.relname as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid
                       and a.attname = 'municipality_id' and not a.attisdropped)
          and not (c.relrowsecurity and c.relforcerowsecurity)`,
    );
    expect(result.rows.map((r) => r.name)).to.deep.equal([]);
  });

  it('uses the tenant setting in every policy, for reading and writing', async () => {
    const result = await db.admin.query(
      `select c.relname, pg_get_expr(p.polqual, p.polrelid) as using_expr,
              pg_get_expr(p.polwithcheck, p.polrelid) as check_expr, p.polcmd
         from pg_policy p join pg_class c on c.oid = p.polrelid
        where c.relname = any($1)
          -- The aggregate role's and partner staff's policies are checked on their own below.
          and p.polname <> 'aggregate_region_read' and p.polname not like 'partner\\_%'`,
      [await tenantTables(db.admin)],
    );
    expect(result.rowCount).to.be.greaterThan(0);
    for (const row of result.rows) {
      expect(row.using_expr, `${row.relname} USING`).to.match(
        /municipality_id = current_municipality_id\(\)/,
      );
      if (row.polcmd === '*' || row.polcmd === 'a' || row.polcmd === 'w') {
        expect(row.check_expr, `${row.relname} WITH CHECK`).to.match(
          /municipality_id = current_municipality_id\(\)/,
        );
      }
    }
  });

  it('puts municipality_id in the primary key of every tenant table', async () => {
    for (const table of await tenantTables(db.admin)) {
      const result = await db.admin.query(
        `select a.attname from pg_index i
           join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
          where i.indrelid = $1::regclass and i.indisprimary`,
        [table],
      );
      expect(
        result.rows.map((r) => r.attname),
        `${table} primary key`,
      ).to.include('municipality_id');
    }
  });

  it('includes municipality_id in every foreign key between tenant tables', async () => {
    const tables = await tenantTables(db.admin);
    const result = await db.admin.query(
      `select con.conname, src.relname as source, dst.relname as target,
              array(select a.attname from unnest(con.conkey) k join pg_attribute a
                      on a.attrelid = con.conrelid and a.attnum = k) as columns
         from pg_constraint con
         join pg_class src on src.oid = con.conrelid
         join pg_class dst on dst.oid = con.confrelid
        where con.contype = 'f' and src.relname = any($1) and dst.relname = any($1)`,
      [tables],
    );
    for (const row of result.rows) {
      expect(row.columns, `${row.conname} (${row.source} → ${row.target})`).to.include(
        'municipality_id',
      );
    }
  });

  it('leads every index on a tenant table with municipality_id', async () => {
    const result = await db.admin.query(
      `select c.relname as table, ic.relname as index, a.attname as first_column
         from pg_index i
         join pg_class c on c.oid = i.indrelid
         join pg_class ic on ic.oid = i.indexrelid
         join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
        where c.relname = any($1)`,
      [await tenantTables(db.admin)],
    );
    for (const row of result.rows) {
      expect(row.first_column, `${row.index} on ${row.table}`).to.equal('municipality_id');
    }
  });

  it('gives the app role no superuser, no BYPASSRLS and no ownership', async () => {
    const role = await db.admin.query(
      'select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = $1',
      [DB_ROLES.app],
    );
    expect(role.rows[0]).to.deep.equal({
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
    });
    const owned = await db.admin.query(
      `select c.relname from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = $1
       union all
       select p.proname from pg_proc p join pg_roles r on r.oid = p.proowner where r.rolname = $1
       union all
       select n.nspname from pg_namespace n join pg_roles r on r.oid = n.nspowner where r.rolname = $1`,
      [DB_ROLES.app],
    );
    expect(owned.rows, 'objects owned by the app role').to.deep.equal([]);
  });

  it('has every table owned by the owner role and the app connection running as the app role', async () => {
    const foreign = await db.admin.query(
      `select c.relname, r.rolname from pg_class c join pg_namespace n on n.oid = c.relnamespace
         join pg_roles r on r.oid = c.relowner
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'S') and r.rolname <> $1`,
      [DB_ROLES.owner],
    );
    expect(foreign.rows).to.deep.equal([]);
    const [row] = await db.dataSource.query('select current_user as name');
    expect(row.name).to.equal(DB_ROLES.app);
  });

  describe('table kinds', () => {
    it('gives every table a kind, and every table with municipality_id is a tenant table', async () => {
      const kinds = await tablesOfKind(db);
      expect(kinds.none ?? [], 'tables without a kind').to.deep.equal([]);
      expect([...(await tenantTables(db.admin))].sort()).to.deep.equal([...kinds.tenant!].sort());
      expect(kinds.region).to.include('region_announcement');
      expect(kinds.reference).to.include.members(['region', 'municipality']);
      expect(kinds.system).to.include.members(['http_session', 'schema_migration']);
    });

    it('lets partner staff reach tenant rows only through the partner setting', async () => {
      const result = await db.admin.query(
        `select c.relname, p.polname, pg_get_expr(p.polqual, p.polrelid) as using_expr,
                pg_get_expr(p.polwithcheck, p.polrelid) as check_expr
           from pg_policy p join pg_class c on c.oid = p.polrelid where p.polname like 'partner\\_%'`,
      );
      expect(result.rows.map((r) => r.relname).sort()).to.include.members([
        'audit_log',
        'referral',
        'referral_event',
      ]);
      for (const row of result.rows) {
        const expr = `${row.using_expr ?? ''} ${row.check_expr ?? ''}`;
        expect(expr, `${row.relname} ${row.polname}`).to.match(/current_partner_id\(\)/);
      }
    });

    it('lets the aggregate role only read, and only through its own policy', async () => {
      const result = await db.admin.query(
        `select c.relname, p.polcmd, array(select rolname::text from pg_roles where oid = any(p.polroles)) as roles,
                pg_get_expr(p.polqual, p.polrelid) as using_expr
           from pg_policy p join pg_class c on c.oid = p.polrelid where p.polname = 'aggregate_region_read'`,
      );
      expect(result.rowCount).to.be.greaterThan(0);
      for (const row of result.rows) {
        expect(row.polcmd, row.relname).to.equal('r');
        expect(row.roles, row.relname).to.deep.equal([DB_ROLES.aggregate]);
        expect(row.using_expr, row.relname).to.match(/current_region_id\(\)/);
      }
    });

    it('keys region tables by region, reads them by region and writes them only by named roles', async () => {
      for (const table of (await tablesOfKind(db)).region!) {
        const rls = await db.admin.query(
          `select relrowsecurity, relforcerowsecurity from pg_class where relname = $1`,
          [table],
        );
        expect(rls.rows[0], table).to.deep.equal({
          relrowsecurity: true,
          relforcerowsecurity: true,
        });
        const pk = await db.admin.query(
          `select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
            where i.indrelid = $1::regclass and i.indisprimary`,
          [table],
        );
        expect(pk.rows[0]?.attname, `${table} primary key`).to.equal('region_id');
        const policies = await db.admin.query(
          `select p.polcmd, pg_get_expr(p.polqual, p.polrelid) as using_expr,
                  pg_get_expr(p.polwithcheck, p.polrelid) as check_expr
             from pg_policy p where p.polrelid = $1::regclass`,
          [table],
        );
        const commands = policies.rows.map((r) => r.polcmd).sort();
        expect(commands, table).to.deep.equal(['a', 'd', 'r', 'w']);
        for (const row of policies.rows) {
          const expr = `${row.using_expr ?? ''} ${row.check_expr ?? ''}`;
          expect(expr, `${table} ${row.polcmd}`).to.match(/region_id = current_region_id\(\)/);
          if (row.polcmd !== 'r')
            expect(expr, `${table} ${row.polcmd}`).to.match(/current_user_has_role/);
        }
      }
    });

    it('lets the app role only read reference tables', async () => {
      for (const table of (await tablesOfKind(db)).reference!) {
        const grants = await db.admin.query(
          `select privilege_type from information_schema.role_table_grants
            where table_name = $1 and grantee = $2 order by 1`,
          [table, DB_ROLES.app],
        );
        expect(
          grants.rows.map((r) => r.privilege_type),
          table,
        ).to.deep.equal(['SELECT']);
      }
    });

    it('gives the aggregate role no login and the app role only EXECUTE on figures functions', async () => {
      const role = await db.admin.query(
        'select rolcanlogin, rolsuper, rolbypassrls from pg_roles where rolname = $1',
        [DB_ROLES.aggregate],
      );
      expect(role.rows[0]).to.deep.equal({
        rolcanlogin: false,
        rolsuper: false,
        rolbypassrls: false,
      });
      const functions = await db.admin.query(
        `select p.proname, p.prosecdef or p.provolatile = 'i' as definer_or_pure, r.rolname as owner,
                has_function_privilege($1, p.oid, 'execute') as app_may_execute,
                has_function_privilege('public', p.oid, 'execute') as public_may_execute
           from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           join pg_roles r on r.oid = p.proowner where n.nspname = 'figures'`,
        [DB_ROLES.app],
      );
      expect(functions.rowCount).to.be.greaterThan(0);
      for (const row of functions.rows) {
        expect(row.owner, row.proname).to.equal(DB_ROLES.aggregate);
        expect(row.public_may_execute, row.proname).to.equal(false);
        // What the app may call either runs as the aggregate role (returning aggregates) or
        // is a pure helper; internal helpers it may not call run as their caller.
        if (row.app_may_execute) expect(row.definer_or_pure, row.proname).to.equal(true);
        else
          expect(row.definer_or_pure, `${row.proname} is internal: invoker rights`).to.equal(false);
      }
      expect(functions.rows.filter((r) => r.app_may_execute).length).to.be.greaterThan(0);
      const appCreate = await db.admin.query(
        `select has_schema_privilege($1, 'figures', 'create') as c`,
        [DB_ROLES.app],
      );
      expect(appCreate.rows[0].c).to.equal(false);
    });
  });
});
