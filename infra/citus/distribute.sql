-- Distributes the Heroriëntatie schema over a Citus cluster.
--
-- Run once on the coordinator, as the owner role, after the migrations (and again after a
-- migration that adds a table). The table kinds come from the catalog comments that the
-- migrations write (kind=tenant|region|reference|system), so this script needs no list
-- of tables:
--   reference  -> Citus reference table (copied to every worker)
--   region     -> Citus reference table (small; read by region through row-level security)
--   tenant     -> distributed by municipality_id, all co-located with each other
--   system     -> stays a local table on the coordinator (sessions, migrations, partner logins)
-- Tables are handled in foreign-key order: a table comes after every table it refers to.
-- Already distributed tables are skipped, so the script can run again.
do $$
declare
  done text[] := array[]::text[];
  anchor text;
  t record;
  progress boolean;
begin
  loop
    progress := false;
    for t in
      select c.relname::text as name,
             substring(obj_description(c.oid, 'pg_class') from 'kind=(\w+)') as kind
        from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
         and not (c.relname = any (done))
         and not exists (
           select 1 from pg_constraint k join pg_class r on r.oid = k.confrelid
            where k.contype = 'f' and k.conrelid = c.oid and k.confrelid <> c.oid
              and not (r.relname = any (done)))
       order by c.relname
    loop
      progress := true;
      done := done || t.name;
      if exists (select 1 from pg_dist_partition p where p.logicalrelid = t.name::regclass) then
        if t.kind = 'tenant' then anchor := coalesce(anchor, t.name); end if;
        continue;
      end if;
      if t.kind in ('reference', 'region') then
        perform create_reference_table(t.name::regclass);
      elsif t.kind = 'tenant' then
        if anchor is null then
          perform create_distributed_table(t.name::regclass, 'municipality_id');
          anchor := t.name;
        else
          perform create_distributed_table(t.name::regclass, 'municipality_id', colocate_with => anchor);
        end if;
      elsif t.kind = 'system' then
        perform citus_add_local_table_to_metadata(t.name::regclass);
      else
        raise exception 'table % has no kind; run the migrations first', t.name;
      end if;
    end loop;
    exit when not progress;
  end loop;
end $$;
