import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DB_ROLES } from '../roles.ts';
import { aggregateRead } from '../table-kinds.ts';

/**
 * The regional view's figures. A rollup per municipality × month × measure (approached,
 * responded, registered by source, intakes by mode, analyses, route starts by route,
 * coaching, closed by outcome, withdrawn; referrals sent, started and not realised; TONK
 * applications; Bbz requests) is rebuilt by `figures.refresh_monthly()` — a job
 * runs it every minute — and `figures.region_figures()` sums it for a period with the
 * suppression of `figures.suppress`, rounding every count of another municipality and of
 * the region to a multiple of 5 so that no small count follows from comparing two periods
 * or two requests. Medians come from `figures.region_durations()`.
 */
export class RegionalFigures1765400000000 implements MigrationInterface {
  name = 'RegionalFigures1765400000000';

  async up(q: QueryRunner): Promise<void> {
    const aggregate = DB_ROLES.aggregate;
    await q.query(`
      ${aggregateRead('case_route')}
      ${aggregateRead('coaching')}
      ${aggregateRead('perspective_analysis')}
      ${aggregateRead('referral')}
      ${aggregateRead('referral_event')}
      grant select on outreach_contact, outreach_wave, partner_organisation to ${aggregate};
      create index case_file_closed_idx on case_file (municipality_id, closed_at) where closed_at is not null;
      create index intake_date_idx on intake (municipality_id, date);
      create index case_route_start_idx on case_route (municipality_id, case_id, start_date);
    `);
    await q.query(`set role ${aggregate}`);
    // The refresh reads each municipality as that municipality: the one place in SQL that
    // sets the tenant, inside a function the application cannot change.
    // eslint-disable-next-line no-restricted-syntax
    await q.query(`
      create table figures.monthly (
        municipality_id uuid not null,
        month date not null,
        measure text not null,
        dimension text not null default '',
        value integer not null,
        primary key (municipality_id, month, measure, dimension)
      );
      create table figures.refreshed (
        singleton boolean primary key default true check (singleton),
        at timestamptz not null
      );

      -- Rebuilds the rollup for every municipality. Each municipality is read as that
      -- municipality (its own tenant setting), so no policy beyond the tenant's is needed.
      create function figures.refresh_monthly() returns integer
        language plpgsql security definer
        set search_path = public, pg_temp
        as $$
        declare
          m record;
          saved_municipality text := current_setting('app.municipality_id', true);
          saved_region text := current_setting('app.region_id', true);
          total integer := 0;
          n integer;
        begin
          delete from figures.monthly;
          for m in select id, region_id from municipality loop
            perform set_config('app.municipality_id', m.id::text, true);
            perform set_config('app.region_id', m.region_id::text, true);
            insert into figures.monthly (municipality_id, month, measure, dimension, value)
            select m.id, x.month, x.measure, x.dimension, count(*)::integer from (
              select date_trunc('month', w.planned_date)::date as month, 'approached' as measure, w.channel as dimension
                from outreach_contact c join outreach_wave w on w.municipality_id = c.municipality_id and w.id = c.wave_id
               where c.municipality_id = m.id
              union all
              select date_trunc('month', coalesce(c.responded_at::date, w.planned_date))::date, 'responded', w.channel
                from outreach_contact c join outreach_wave w on w.municipality_id = c.municipality_id and w.id = c.wave_id
               where c.municipality_id = m.id and c.response in ('interested', 'not_interested', 'already_helped')
              union all
              select date_trunc('month', f.registered_at)::date, 'registered', f.source
                from case_file f where f.municipality_id = m.id
              union all
              select date_trunc('month', i.date)::date, 'intake', i.mode from intake i where i.municipality_id = m.id
              union all
              select date_trunc('month', a.date)::date, 'analysis', '' from perspective_analysis a where a.municipality_id = m.id
              union all
              select date_trunc('month', r.start_date)::date, 'route_started', r.type from case_route r where r.municipality_id = m.id
              union all
              select date_trunc('month', c.start_date)::date, 'coaching_started', '' from coaching c where c.municipality_id = m.id
              union all
              select date_trunc('month', f.closed_at)::date, 'closed', f.outcome
                from case_file f where f.municipality_id = m.id and f.status = 'closed'
              union all
              select date_trunc('month', f.closed_at)::date, 'withdrawn', ''
                from case_file f where f.municipality_id = m.id and f.status = 'withdrawn'
              union all
              select date_trunc('month', r.sent_at)::date, 'referral_sent', p.kind
                from referral r join partner_organisation p on p.id = r.partner_id
               where r.municipality_id = m.id and r.sent_at is not null
              union all
              select date_trunc('month', e.at)::date, 'referral_started', p.kind
                from referral_event e
                join referral r on r.municipality_id = e.municipality_id and r.id = e.referral_id
                join partner_organisation p on p.id = r.partner_id
               where e.municipality_id = m.id and e.status = 'started'
              union all
              select date_trunc('month', r.last_change_at)::date, 'referral_not_realised', r.not_realised_reason
                from referral r where r.municipality_id = m.id and r.status = 'not_realised'
              union all
              select date_trunc('month', t.received_on)::date, 'tonk_application', t.decision
                from tonk_application t where t.municipality_id = m.id
              union all
              select date_trunc('month', b.requested_on)::date, 'bbz_request', b.kind
                from bbz_request b where b.municipality_id = m.id
              -- Durations as histograms (days → count) per month of the intake, so medians
              -- for any period come from the rollup too.
              union all
              select date_trunc('month', i.date)::date, 'days_to_intake', (i.date - f.registered_at::date)::text
                from intake i join case_file f on f.municipality_id = i.municipality_id and f.id = i.case_id
               where i.municipality_id = m.id
              union all
              select date_trunc('month', i.date)::date, 'days_to_route', (r.first_start - i.date)::text
                from intake i
                join (select case_id, min(start_date) as first_start from case_route
                       where municipality_id = m.id group by case_id) r on r.case_id = i.case_id
               where i.municipality_id = m.id
            ) x group by x.month, x.measure, x.dimension;
            get diagnostics n = row_count;
            total := total + n;
          end loop;
          perform set_config('app.municipality_id', coalesce(saved_municipality, ''), true);
          perform set_config('app.region_id', coalesce(saved_region, ''), true);
          insert into figures.refreshed (singleton, at) values (true, now())
            on conflict (singleton) do update set at = excluded.at;
          return total;
        end $$;
      revoke all on function figures.refresh_monthly() from public;

      create function figures.refreshed_at() returns table (at timestamptz)
        language sql stable security definer
        set search_path = public, pg_temp
        as $$ select r.at from figures.refreshed r $$;
      revoke all on function figures.refreshed_at() from public;

      create function figures.round5(v integer) returns integer
        language sql immutable as $$ select (round(v / 5.0) * 5)::integer $$;
      revoke all on function figures.round5(integer) from public;

      -- Counts per municipality of the caller's region for the months from p_from to p_to.
      create function figures.region_figures(p_from date, p_to date, p_threshold integer, p_own_known boolean)
        returns table (municipality_id uuid, municipality_code text, municipality_name text,
                       measure text, dimension text, value integer, suppressed boolean, exact boolean)
        language plpgsql stable security definer
        set search_path = public, pg_temp
        as $$
        declare
          combo record;
          ids uuid[]; codes text[]; names text[]; vals integer[]; known boolean[]; hidden boolean[];
          n integer; total integer;
        begin
          if not current_user_has_role(array['analyst', 'coordinator', 'manager']) then
            raise exception 'figures: role may not see region figures' using errcode = 'insufficient_privilege';
          end if;
          if p_threshold is null or p_threshold < 3 then
            raise exception 'figures: threshold must be at least 3' using errcode = 'invalid_parameter_value';
          end if;
          -- Every measure per dimension, and its total over the dimensions as dimension '*'.
          for combo in
            select distinct f.measure, d.dimension from figures.monthly f
              join municipality m on m.id = f.municipality_id
              cross join lateral (values (f.dimension), ('*')) d(dimension)
             where m.region_id = current_region_id() and f.month between date_trunc('month', p_from) and p_to
               and f.measure not in ('days_to_intake', 'days_to_route')
             order by 1, 2
          loop
            select array_agg(x.id order by x.name), array_agg(x.code order by x.name), array_agg(x.name order by x.name),
                   array_agg(x.v order by x.name), array_agg(p_own_known and x.id = current_municipality_id() order by x.name)
              into ids, codes, names, vals, known
              from (select m.id, m.code, m.name, coalesce(sum(f.value), 0)::integer as v
                      from municipality m
                      left join figures.monthly f on f.municipality_id = m.id and f.measure = combo.measure
                       and (combo.dimension = '*' or f.dimension = combo.dimension)
                       and f.month between date_trunc('month', p_from) and p_to
                     where m.region_id = current_region_id()
                     group by m.id, m.code, m.name) x;
            hidden := figures.suppress(vals, known, p_threshold);
            n := coalesce(array_length(ids, 1), 0);
            for k in 1 .. n loop
              municipality_id := ids[k]; municipality_code := codes[k]; municipality_name := names[k];
              measure := combo.measure; dimension := combo.dimension;
              exact := known[k];
              suppressed := hidden[k];
              value := case when known[k] then vals[k] when hidden[k] then null else figures.round5(vals[k]) end;
              return next;
            end loop;
            total := (select coalesce(sum(v), 0) from unnest(vals) v);
            municipality_id := null; municipality_code := null; municipality_name := 'Regio';
            measure := combo.measure; dimension := combo.dimension; exact := false;
            suppressed := hidden[n + 1];
            value := case when suppressed then null else figures.round5(total) end;
            return next;
          end loop;
        end $$;
      revoke all on function figures.region_figures(date, date, integer, boolean) from public;

      -- Median days from registration to intake and from intake to the first route, per
      -- municipality, for intakes in the period; only where the base reaches the threshold.
      create function figures.region_durations(p_from date, p_to date, p_threshold integer, p_own_known boolean)
        returns table (municipality_id uuid, municipality_code text, municipality_name text,
                       to_intake_days numeric, to_intake_base integer, to_route_days numeric, to_route_base integer)
        language plpgsql stable security definer
        set search_path = public, pg_temp
        as $$
        begin
          if not current_user_has_role(array['analyst', 'coordinator', 'manager']) then
            raise exception 'figures: role may not see region figures' using errcode = 'insufficient_privilege';
          end if;
          return query
            with h as (
              select f.municipality_id, f.measure, f.dimension::integer as days, sum(f.value)::integer as n
                from figures.monthly f
               where f.municipality_id in (select m.id from municipality m where m.region_id = current_region_id())
                 and f.measure in ('days_to_intake', 'days_to_route')
                 and f.month between date_trunc('month', p_from) and p_to
               group by f.municipality_id, f.measure, f.dimension
            ), c as (
              select h.*, sum(h.n) over (partition by h.municipality_id, h.measure order by h.days) as cum,
                     sum(h.n) over (partition by h.municipality_id, h.measure) as total
                from h
            ), med as (
              -- The median: the first number of days at which half of the cases are counted.
              select distinct on (c.municipality_id, c.measure) c.municipality_id, c.measure, c.days, c.total
                from c where c.cum >= c.total / 2.0
               order by c.municipality_id, c.measure, c.days
            )
            select m.id, m.code, m.name,
                   case when (p_own_known and m.id = current_municipality_id()) or coalesce(i.total, 0) >= p_threshold
                        then i.days::numeric end,
                   coalesce(i.total, 0)::integer,
                   case when (p_own_known and m.id = current_municipality_id()) or coalesce(r.total, 0) >= p_threshold
                        then r.days::numeric end,
                   coalesce(r.total, 0)::integer
              from municipality m
              left join med i on i.municipality_id = m.id and i.measure = 'days_to_intake'
              left join med r on r.municipality_id = m.id and r.measure = 'days_to_route'
             where m.region_id = current_region_id()
             order by m.name;
        end $$;
      revoke all on function figures.region_durations(date, date, integer, boolean) from public;
    `);
    await q.query(`set role ${DB_ROLES.owner}`);
    await q.query(`
      grant execute on function figures.round5(integer) to ${DB_ROLES.app};
      grant execute on function figures.refresh_monthly(), figures.refreshed_at(),
        figures.region_figures(date, date, integer, boolean),
        figures.region_durations(date, date, integer, boolean) to ${DB_ROLES.app};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`set role ${DB_ROLES.aggregate}`);
    await q.query(`
      drop function figures.region_durations(date, date, integer, boolean);
      drop function figures.region_figures(date, date, integer, boolean);
      drop function figures.round5(integer);
      drop function figures.refreshed_at();
      drop function figures.refresh_monthly();
      drop table figures.refreshed;
      drop table figures.monthly;
    `);
    await q.query(`set role ${DB_ROLES.owner}`);
    await q.query(`
      drop index case_file_closed_idx; drop index intake_date_idx; drop index case_route_start_idx;
      revoke select on outreach_contact, outreach_wave, partner_organisation from ${DB_ROLES.aggregate};
      drop policy aggregate_region_read on case_route; revoke select on case_route from ${DB_ROLES.aggregate};
      drop policy aggregate_region_read on coaching; revoke select on coaching from ${DB_ROLES.aggregate};
      drop policy aggregate_region_read on perspective_analysis;
      revoke select on perspective_analysis from ${DB_ROLES.aggregate};
      drop policy aggregate_region_read on referral; revoke select on referral from ${DB_ROLES.aggregate};
      drop policy aggregate_region_read on referral_event;
      revoke select on referral_event from ${DB_ROLES.aggregate};
    `);
  }
}
