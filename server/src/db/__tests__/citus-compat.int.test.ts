import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { tenantTables } from '../../../test/factories.ts';

/**
 * Keeps the schema ready to distribute tenant tables by municipality_id (Citus): a key or
 * a reference that leaves out the distribution column cannot be enforced across shards.
 */
describe('schema ready for distribution by municipality', () => {
  let db: TestDatabase;
  let tenant: string[];
  before(async () => {
    db = await createTestDatabase();
    tenant = [...(await tenantTables(db.admin))].sort();
  });
  after(() => db?.drop());

  it('has municipality_id in every primary key and unique constraint of a tenant table', async () => {
    const result = await db.admin.query<{ table: string; index: string; columns: string[] }>(
      `select c.relname as table, i.relname as index,
              array(select a.attname::text from unnest(x.indkey) k join pg_attribute a
                      on a.attrelid = x.indrelid and a.attnum = k) as columns
         from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and (x.indisprimary or x.indisunique) and c.relname = any($1)`,
      [tenant],
    );
    expect(result.rowCount).to.be.greaterThan(tenant.length - 1);
    const missing = result.rows
      .filter((r) => !r.columns.includes('municipality_id'))
      .map((r) => `${r.table}.${r.index} (${r.columns.join(', ')})`);
    expect(missing, 'keys without municipality_id').to.deep.equal([]);
  });

  it('has municipality_id in every foreign key between tenant tables', async () => {
    const result = await db.admin.query<{
      name: string;
      from: string;
      to: string;
      columns: string[];
    }>(
      `select k.conname as name, c.relname as from, r.relname as to,
              array(select a.attname::text from unnest(k.conkey) n join pg_attribute a
                      on a.attrelid = k.conrelid and a.attnum = n) as columns
         from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
        where k.contype = 'f' and c.relname = any($1) and r.relname = any($1)`,
      [tenant],
    );
    expect(result.rowCount).to.be.greaterThan(0);
    const missing = result.rows
      .filter((r) => !r.columns.includes('municipality_id'))
      .map((r) => `${r.from} → ${r.to}: ${r.name}`);
    expect(missing, 'foreign keys without municipality_id').to.deep.equal([]);
  });

  it('gives no tenant table a sequence shared across municipalities', async () => {
    const result = await db.admin.query<{ table: string; column: string; def: string }>(
      `select c.relname as table, a.attname as column,
              coalesce(pg_get_expr(d.adbin, d.adrelid), 'identity') as def
         from pg_attribute a join pg_class c on c.oid = a.attrelid
         left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where c.relname = any($1) and a.attnum > 0 and not a.attisdropped
          and (a.attidentity <> '' or pg_get_expr(d.adbin, d.adrelid) like '%nextval(%')`,
      [tenant],
    );
    expect(
      result.rows.map((r) => `${r.table}.${r.column} = ${r.def}`),
      'tenant columns numbered by a shared sequence',
    ).to.deep.equal([]);
  });

  it('names municipality_id in every statement of the code that touches a tenant table', () => {
    // Citus sends a statement to one shard only from an explicit filter on the distribution
    // column; a row-level security policy alone would make it ask every shard.
    const root = path.resolve(import.meta.dirname, '../..');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter(
      (f) =>
        /\.(repository|service)\.ts$/.test(f) &&
        !f.includes('__tests__') &&
        !f.includes('migrations'),
    );
    expect(files.length).to.be.greaterThan(10);
    const touches = new RegExp(`\\b(from|join|update|into)\\s+(${tenant.join('|')})\\b`, 'i');
    const offenders: string[] = [];
    for (const file of files) {
      const source = readFileSync(path.join(root, file), 'utf8');
      // A statement may start from a shared fragment (`const TONK = \`select … from t\``);
      // it is checked where it is used, with the fragment filled in.
      const fragments = new Map(
        [...source.matchAll(/const (\w+) = (`[^`]*`)/g)].map((m) => [m[1]!, m[2]!] as const),
      );
      for (const [name, sql] of fragments) {
        if (touches.test(sql) && new RegExp(`[(,]\\s*${name}\\s*[,)]`).test(source))
          offenders.push(`${file}: ${name} is used as a whole statement`);
      }
      const definitions = new Set(fragments.values());
      for (const literal of source.match(/`[^`]*`/g) ?? []) {
        if (definitions.has(literal)) continue;
        const sql = literal.replace(
          /\$\{(\w+)\}/g,
          (whole, name: string) => fragments.get(name) ?? whole,
        );
        if (touches.test(sql) && !sql.includes('municipality_id'))
          offenders.push(`${file}: ${sql.replace(/\s+/g, ' ').slice(0, 120)}`);
      }
    }
    expect(offenders, 'statements without an explicit municipality_id').to.deep.equal([]);
  });
});

/**
 * infra/citus/distribute.sql against stand-ins of the three Citus functions that record
 * their calls: this database has no Citus, but the order and the choices can be checked.
 */
describe('the Citus distribution script', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
    await db.admin.query(`
      create schema citus_stub;
      create table citus_stub.pg_dist_partition (logicalrelid regclass primary key);
      create table citus_stub.calls (n serial, fn text, tbl text, col text, colocate text);
      create function citus_stub.create_reference_table(t regclass) returns void language sql as
        $$ insert into citus_stub.calls (fn, tbl) values ('reference', t::text);
           insert into citus_stub.pg_dist_partition values (t) $$;
      create function citus_stub.create_distributed_table(t regclass, col text, colocate_with text default 'default')
        returns void language sql as
        $$ insert into citus_stub.calls (fn, tbl, col, colocate) values ('distributed', t::text, col, colocate_with);
           insert into citus_stub.pg_dist_partition values (t) $$;
      create function citus_stub.citus_add_local_table_to_metadata(t regclass) returns void language sql as
        $$ insert into citus_stub.calls (fn, tbl) values ('local', t::text);
           insert into citus_stub.pg_dist_partition values (t) $$;
    `);
  });
  after(() => db?.drop());

  const run = async () => {
    const script = readFileSync(
      path.resolve(import.meta.dirname, '../../../../infra/citus/distribute.sql'),
      'utf8',
    );
    const client = await db.admin.connect();
    try {
      await client.query('set search_path = public, citus_stub');
      await client.query(script);
    } finally {
      await client.query('reset search_path');
      client.release();
    }
    return (await db.admin.query('select fn, tbl, col, colocate from citus_stub.calls order by n'))
      .rows as { fn: string; tbl: string; col: string | null; colocate: string | null }[];
  };

  it('distributes tenant tables by municipality_id, co-located, after what they refer to', async () => {
    const calls = await run();
    const tenant = await tenantTables(db.admin);
    const distributed = calls.filter((c) => c.fn === 'distributed');
    expect(distributed.map((c) => c.tbl).sort()).to.deep.equal([...tenant].sort());
    expect(distributed.every((c) => c.col === 'municipality_id')).to.equal(true);
    const anchor = distributed[0]!.tbl;
    expect(distributed.slice(1).every((c) => c.colocate === anchor)).to.equal(true);
    expect(calls.filter((c) => c.fn === 'reference').map((c) => c.tbl)).to.include.members([
      'region',
      'municipality',
      'campaign',
      'region_announcement',
    ]);
    expect(calls.filter((c) => c.fn === 'local').map((c) => c.tbl)).to.include('http_session');
    const position = new Map(calls.map((c, i) => [c.tbl, i]));
    const fks = await db.admin.query<{ from: string; to: string }>(
      `select c.relname as from, r.relname as to from pg_constraint k
         join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
        where k.contype = 'f' and c.relnamespace = 'public'::regnamespace and k.conrelid <> k.confrelid`,
    );
    for (const fk of fks.rows)
      expect(position.get(fk.to)!, `${fk.from} → ${fk.to}`).to.be.lessThan(position.get(fk.from)!);
  });

  it('does nothing the second time', async () => {
    const before = (await db.admin.query('select count(*)::int as n from citus_stub.calls')).rows[0]
      .n;
    const after = (await run()).length;
    expect(after).to.equal(before);
  });
});
