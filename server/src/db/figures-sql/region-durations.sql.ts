import { readerFunction, type FiguresSql } from './kit.ts';

/**
 * Medians from the rollup's histograms: days from registration to intake and from intake
 * to the first route (per month of the intake), and days from sent to started of referrals
 * (per month of sending). Another municipality's median, and the region's, come only from
 * published months and only over at least p_threshold records; the own municipality's
 * (p_own_known) from every month of the period.
 */
export const regionDurations: FiguresSql = {
  sql: `
    ${readerFunction({
      name: 'figures.region_durations',
      params: 'p_from date, p_to date, p_threshold integer, p_own_known boolean',
      returns:
        'municipality_id uuid, municipality_code text, municipality_name text, to_intake_days numeric, to_intake_base integer, to_route_days numeric, to_route_base integer',
      body: `
        return query
          with h as (
            select f.municipality_id, f.measure, f.dimension::integer as days, sum(f.value)::integer as n
              from figures.monthly f
             where f.municipality_id in (select m.id from municipality m where m.region_id = current_region_id())
               and f.measure in ('days_to_intake', 'days_to_route')
               and f.month between date_trunc('month', p_from) and p_to
               and (f.month < v_cutoff or (p_own_known and f.municipality_id = current_municipality_id()))
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
           order by m.name;`,
    })}

    ${readerFunction({
      name: 'figures.region_referral_durations',
      params: 'p_from date, p_to date, p_threshold integer, p_own_known boolean',
      returns: 'municipality_id uuid, municipality_code text, municipality_name text, days numeric',
      body: `
        return query
          with h as (
            select f.municipality_id as mid, f.dimension::integer as d, sum(f.value)::integer as n,
                   bool_or(p_own_known and f.municipality_id = current_municipality_id()) as own
              from figures.monthly f
             where f.municipality_id in (select m.id from municipality m where m.region_id = current_region_id())
               and f.measure = 'days_to_referral_start'
               and f.month between date_trunc('month', p_from) and p_to
               and (f.month < v_cutoff or (p_own_known and f.municipality_id = current_municipality_id()))
             group by f.municipality_id, f.dimension
          ), region as (
            -- The region from published months only, the own municipality's included.
            select f.dimension::integer as d, sum(f.value)::integer as n
              from figures.monthly f
             where f.municipality_id in (select m.id from municipality m where m.region_id = current_region_id())
               and f.measure = 'days_to_referral_start'
               and f.month between date_trunc('month', p_from) and p_to and f.month < v_cutoff
             group by f.dimension
          ), scoped as (
            select h.mid as scope, h.d, h.n from h
            union all
            select null::uuid, r.d, r.n from region r
          ), c as (
            select s.*, sum(s.n) over (partition by s.scope order by s.d) as cum,
                   sum(s.n) over (partition by s.scope) as total
              from scoped s
          ), med as (
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
          order by 3;`,
    })}
  `,
  appExecutes: [
    'figures.region_durations(date, date, integer, boolean)',
    'figures.region_referral_durations(date, date, integer, boolean)',
  ],
};
