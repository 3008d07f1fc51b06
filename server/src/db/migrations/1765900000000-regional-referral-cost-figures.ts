import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DB_ROLES } from '../roles.ts';
import { aggregateRead } from '../table-kinds.ts';

/**
 * Referral and cost figures for the regional view.
 * - The rollup gains referrals sent per partner organisation and per route, how many of
 *   those have started (the realisation rate), and a histogram of days from sent to
 *   started; `figures.region_referral_durations()` gives its median per municipality and
 *   for the region, only over at least the threshold of started referrals.
 * - `figures.monthly_cost` holds per municipality, month and service type the net number
 *   of services bought and their net amount. `figures.region_costs()` gives the cost per
 *   client per service type, `figures.region_budget()` what was realised against the
 *   planned budget per municipality. Both suppress with `figures.suppress` over the
 *   number of services, and hide the money wherever that number is hidden, so no hidden
 *   count follows from an amount either.
 */
export class RegionalReferralCostFigures1765900000000 implements MigrationInterface {
  name = 'RegionalReferralCostFigures1765900000000';

  async up(q: QueryRunner): Promise<void> {
    const aggregate = DB_ROLES.aggregate;
    await q.query(`
      ${aggregateRead('budget')}
    `);
    await q.query(`set role ${aggregate}`);
    // The refresh reads each municipality as that municipality: the one place in SQL that
    // sets the tenant, inside a function the application cannot change.
    // eslint-disable-next-line no-restricted-syntax
    await q.query(`
      create table figures.monthly_cost (
        municipality_id uuid not null,
        month date not null,
        service_type text not null,
        services integer not null,
        amount_cents bigint not null,
        primary key (municipality_id, month, service_type)
      );
      alter table figures.monthly_cost enable row level security;
      alter table figures.monthly_cost force row level security;
      create policy region_read on figures.monthly_cost for select
        using (municipality_id in (select m.id from municipality m where m.region_id = current_region_id()));
      create policy refresh_insert on figures.monthly_cost for insert
        with check (municipality_id = current_municipality_id());
      create policy refresh_clear on figures.monthly_cost for delete
        using (current_municipality_id() is null);

      create or replace function figures.refresh_monthly() returns integer
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
          delete from figures.monthly_cost;
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
              -- Referrals sent in a month, per partner organisation and per route, and how
              -- many of those have started by now (the realisation rate's two counts).
              union all
              select date_trunc('month', r.sent_at)::date, 'referral_sent_partner', p.code
                from referral r join partner_organisation p on p.id = r.partner_id
               where r.municipality_id = m.id and r.sent_at is not null
              union all
              select date_trunc('month', r.sent_at)::date, 'referral_realised_partner', p.code
                from referral r join partner_organisation p on p.id = r.partner_id
               where r.municipality_id = m.id and r.sent_at is not null
                 and exists (select 1 from referral_event e where e.municipality_id = r.municipality_id
                              and e.referral_id = r.id and e.status = 'started')
              union all
              select date_trunc('month', r.sent_at)::date, 'referral_sent_route', coalesce(cr.type, 'none')
                from referral r left join case_route cr on cr.municipality_id = r.municipality_id and cr.id = r.route_id
               where r.municipality_id = m.id and r.sent_at is not null
              union all
              select date_trunc('month', r.sent_at)::date, 'referral_realised_route', coalesce(cr.type, 'none')
                from referral r left join case_route cr on cr.municipality_id = r.municipality_id and cr.id = r.route_id
               where r.municipality_id = m.id and r.sent_at is not null
                 and exists (select 1 from referral_event e where e.municipality_id = r.municipality_id
                              and e.referral_id = r.id and e.status = 'started')
              -- Days from sent to started as a histogram per month of sending.
              union all
              select date_trunc('month', r.sent_at)::date, 'days_to_referral_start', (s.started_at::date - r.sent_at::date)::text
                from referral r
                join (select e.referral_id, min(e.at) as started_at from referral_event e
                       where e.municipality_id = m.id and e.status = 'started' group by e.referral_id) s
                  on s.referral_id = r.id
               where r.municipality_id = m.id and r.sent_at is not null
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
            -- Costs per service type and month: net services bought (charges minus credits,
            -- priced lines only) and the net amount, as the budget overview counts them.
            insert into figures.monthly_cost (municipality_id, month, service_type, services, amount_cents)
            select m.id, date_trunc('month', l.occurred_on)::date, l.service_type,
                   (count(*) filter (where l.amount_cents is not null and l.kind = 'charge')
                    - count(*) filter (where l.amount_cents is not null and l.kind = 'credit'))::integer,
                   coalesce(sum(l.amount_cents), 0)::bigint
              from cost_line l where l.municipality_id = m.id
             group by 2, 3;
          end loop;
          perform set_config('app.municipality_id', coalesce(saved_municipality, ''), true);
          perform set_config('app.region_id', coalesce(saved_region, ''), true);
          insert into figures.refreshed (singleton, at) values (true, now())
            on conflict (singleton) do update set at = excluded.at;
          return total;
        end $$;
      create or replace function figures.region_figures(p_from date, p_to date, p_threshold integer, p_own_known boolean)
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
               and f.measure not like 'days\\_to\\_%'
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
      -- Median days from sent to started per municipality and for the region, for
      -- referrals sent in the period; only where at least p_threshold of them started
      -- (the own municipality always, when p_own_known).
      create function figures.region_referral_durations(p_from date, p_to date, p_threshold integer, p_own_known boolean)
        returns table (municipality_id uuid, municipality_code text, municipality_name text, days numeric)
        language plpgsql stable security definer
        set search_path = public, pg_temp
        as $$
        begin
          if not current_user_has_role(array['analyst', 'coordinator', 'manager']) then
            raise exception 'figures: role may not see region figures' using errcode = 'insufficient_privilege';
          end if;
          if p_threshold is null or p_threshold < 3 then
            raise exception 'figures: threshold must be at least 3' using errcode = 'invalid_parameter_value';
          end if;
          return query
            with h as (
              select f.municipality_id as mid, f.dimension::integer as d, sum(f.value)::integer as n
                from figures.monthly f
               where f.municipality_id in (select m.id from municipality m where m.region_id = current_region_id())
                 and f.measure = 'days_to_referral_start'
                 and f.month between date_trunc('month', p_from) and p_to
               group by f.municipality_id, f.dimension
            ), scoped as (
              select h.mid as scope, h.d, h.n from h
              union all
              select null::uuid, h.d, sum(h.n)::integer from h group by h.d
            ), c as (
              select s.*, sum(s.n) over (partition by s.scope order by s.d) as cum,
                     sum(s.n) over (partition by s.scope) as total
                from scoped s
            ), med as (
              -- The median: the first number of days at which half of the referrals are counted.
              select distinct on (c.scope) c.scope, c.d, c.total
                from c where c.cum >= c.total / 2.0
               order by c.scope, c.d
            )
            select m.id, m.code, m.name,
                   case when (p_own_known and m.id = current_municipality_id()) or coalesce(x.total, 0) >= p_threshold
                        then x.d::numeric end
              from municipality m
              left join med x on x.scope = m.id
             where m.region_id = current_region_id()
            union all
            select null::uuid, null::text, 'Regio'::text,
                   (select case when x.total >= p_threshold then x.d::numeric end from med x where x.scope is null)
            order by 3;
        end $$;
      revoke all on function figures.region_referral_durations(date, date, integer, boolean) from public;

      -- Cost per client per service type, per municipality and for the region, for the
      -- months of the period. The number of clients (net services bought) is suppressed
      -- like every count; the cost per client is shown only where that number is, in whole
      -- euros for other municipalities and the region.
      create function figures.region_costs(p_from date, p_to date, p_threshold integer, p_own_known boolean)
        returns table (municipality_id uuid, municipality_code text, municipality_name text, service_type text,
                       clients integer, per_client_cents bigint, suppressed boolean, exact boolean)
        language plpgsql stable security definer
        set search_path = public, pg_temp
        as $$
        declare
          s record;
          ids uuid[]; codes text[]; names text[]; vals integer[]; amounts bigint[]; known boolean[]; hidden boolean[];
          n integer; total integer; total_amount bigint;
        begin
          if not current_user_has_role(array['analyst', 'coordinator', 'manager']) then
            raise exception 'figures: role may not see region figures' using errcode = 'insufficient_privilege';
          end if;
          if p_threshold is null or p_threshold < 3 then
            raise exception 'figures: threshold must be at least 3' using errcode = 'invalid_parameter_value';
          end if;
          for s in
            select distinct c.service_type from figures.monthly_cost c
              join municipality m on m.id = c.municipality_id
             where m.region_id = current_region_id() and c.month between date_trunc('month', p_from) and p_to
             order by 1
          loop
            select array_agg(x.id order by x.name), array_agg(x.code order by x.name), array_agg(x.name order by x.name),
                   array_agg(x.v order by x.name), array_agg(x.a order by x.name),
                   array_agg(p_own_known and x.id = current_municipality_id() order by x.name)
              into ids, codes, names, vals, amounts, known
              from (select m.id, m.code, m.name, greatest(coalesce(sum(c.services), 0), 0)::integer as v,
                           coalesce(sum(c.amount_cents), 0)::bigint as a
                      from municipality m
                      left join figures.monthly_cost c on c.municipality_id = m.id and c.service_type = s.service_type
                       and c.month between date_trunc('month', p_from) and p_to
                     where m.region_id = current_region_id()
                     group by m.id, m.code, m.name) x;
            hidden := figures.suppress(vals, known, p_threshold);
            n := coalesce(array_length(ids, 1), 0);
            for k in 1 .. n loop
              municipality_id := ids[k]; municipality_code := codes[k]; municipality_name := names[k];
              service_type := s.service_type; exact := known[k]; suppressed := hidden[k];
              clients := case when known[k] then vals[k] when hidden[k] then null else figures.round5(vals[k]) end;
              per_client_cents := case
                when vals[k] <= 0 or (hidden[k] and not known[k]) then null
                when known[k] then round(amounts[k]::numeric / vals[k])::bigint
                else (round(amounts[k]::numeric / vals[k] / 100) * 100)::bigint end;
              return next;
            end loop;
            total := (select coalesce(sum(v), 0) from unnest(vals) v);
            total_amount := (select coalesce(sum(a), 0) from unnest(amounts) a);
            municipality_id := null; municipality_code := null; municipality_name := 'Regio';
            service_type := s.service_type; exact := false; suppressed := hidden[n + 1];
            clients := case when suppressed then null else figures.round5(total) end;
            per_client_cents := case when suppressed or total <= 0 then null
                                     else (round(total_amount::numeric / total / 100) * 100)::bigint end;
            return next;
          end loop;
        end $$;
      revoke all on function figures.region_costs(date, date, integer, boolean) from public;

      -- Realised against the planned budget per municipality for a year: the services
      -- bought (cost lines) against the planned amounts for intake, analysis, coaching and
      -- debt restructuring. The realised amount is hidden wherever the number of services
      -- bought is (figures.suppress, so also where it would follow from the region's
      -- total), and rounded to whole thousands of euros for other municipalities and the
      -- region. Planned amounts are council decisions and shown as they are.
      create function figures.region_budget(p_year integer, p_threshold integer, p_own_known boolean)
        returns table (municipality_id uuid, municipality_code text, municipality_name text,
                       planned_cents bigint, realised_cents bigint, suppressed boolean, exact boolean)
        language plpgsql stable security definer
        set search_path = public, pg_temp
        as $$
        declare
          ids uuid[]; codes text[]; names text[]; vals integer[]; amounts bigint[]; planned bigint[];
          known boolean[]; hidden boolean[]; n integer;
        begin
          if not current_user_has_role(array['analyst', 'coordinator', 'manager']) then
            raise exception 'figures: role may not see region figures' using errcode = 'insufficient_privilege';
          end if;
          if p_threshold is null or p_threshold < 3 then
            raise exception 'figures: threshold must be at least 3' using errcode = 'invalid_parameter_value';
          end if;
          select array_agg(x.id order by x.name), array_agg(x.code order by x.name), array_agg(x.name order by x.name),
                 array_agg(x.v order by x.name), array_agg(x.a order by x.name), array_agg(x.p order by x.name),
                 array_agg(p_own_known and x.id = current_municipality_id() order by x.name)
            into ids, codes, names, vals, amounts, planned, known
            from (select m.id, m.code, m.name,
                         greatest(coalesce((select sum(c.services) from figures.monthly_cost c
                                             where c.municipality_id = m.id
                                               and c.month between make_date(p_year, 1, 1) and make_date(p_year, 12, 31)), 0), 0)::integer as v,
                         coalesce((select sum(c.amount_cents) from figures.monthly_cost c
                                    where c.municipality_id = m.id
                                      and c.month between make_date(p_year, 1, 1) and make_date(p_year, 12, 31)), 0)::bigint as a,
                         (select sum(coalesce((b.planned ->> k)::bigint, 0))
                            from budget b, unnest(array['intake', 'perspective_analysis', 'coaching', 'debt_restructuring']) k
                           where b.municipality_id = m.id and b.year = p_year)::bigint as p
                    from municipality m
                   where m.region_id = current_region_id()) x;
          hidden := figures.suppress(vals, known, p_threshold);
          n := coalesce(array_length(ids, 1), 0);
          for k in 1 .. n loop
            municipality_id := ids[k]; municipality_code := codes[k]; municipality_name := names[k];
            planned_cents := planned[k]; exact := known[k]; suppressed := hidden[k];
            realised_cents := case when known[k] then amounts[k] when hidden[k] then null
                                   else (round(amounts[k] / 100000.0) * 100000)::bigint end;
            return next;
          end loop;
          municipality_id := null; municipality_code := null; municipality_name := 'Regio';
          planned_cents := (select sum(p) from unnest(planned) p)::bigint; exact := false;
          suppressed := hidden[n + 1];
          realised_cents := case when suppressed then null
                                 else (round((select coalesce(sum(a), 0) from unnest(amounts) a) / 100000.0) * 100000)::bigint end;
          return next;
        end $$;
      revoke all on function figures.region_budget(integer, integer, boolean) from public;
    `);
    await q.query(`set role ${DB_ROLES.owner}`);
    await q.query(`
      grant execute on function figures.region_referral_durations(date, date, integer, boolean),
        figures.region_costs(date, date, integer, boolean),
        figures.region_budget(integer, integer, boolean) to ${DB_ROLES.app};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`set role ${DB_ROLES.aggregate}`);
    // The previous refresh and region_figures, without the new measures.
    // eslint-disable-next-line no-restricted-syntax
    await q.query(`
      drop function figures.region_budget(integer, integer, boolean);
      drop function figures.region_costs(date, date, integer, boolean);
      drop function figures.region_referral_durations(date, date, integer, boolean);
      delete from figures.monthly where measure in ('referral_sent_partner', 'referral_realised_partner',
        'referral_sent_route', 'referral_realised_route', 'days_to_referral_start');
      create or replace function figures.refresh_monthly() returns integer
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
      create or replace function figures.region_figures(p_from date, p_to date, p_threshold integer, p_own_known boolean)
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
      drop table figures.monthly_cost;
    `);
    await q.query(`set role ${DB_ROLES.owner}`);
    await q.query(`
      drop policy aggregate_region_read on budget;
      revoke select on budget from ${DB_ROLES.aggregate};
    `);
  }
}
