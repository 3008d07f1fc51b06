import { readerFunction, type FiguresSql } from './kit.ts';

/**
 * Counts per municipality of the caller's region and for the region, for the months from
 * p_from to p_to, per measure and dimension, with each measure's total as dimension '*'.
 * - The caller's own municipality, when p_own_known (the caller may read its cases): the
 *   exact counts of every month in the period (`exact`).
 * - Every other municipality, and the region: the sum of the perturbed monthly cells
 *   (`figures.perturb`) of the months that have been published (`figures.unpublished_from`).
 *   A total over dimensions, a quarter, a year and the region are sums of those same cells,
 *   so parts always add up to their totals and no difference of two figures is more exact
 *   than the cells it is made of. A sum under the threshold is not shown (`suppressed`) but
 *   stays in every total.
 */
export const regionFigures: FiguresSql = {
  sql: `
    ${readerFunction({
      name: 'figures.region_figures',
      params: 'p_from date, p_to date, p_threshold integer, p_own_known boolean',
      returns:
        'municipality_id uuid, municipality_code text, municipality_name text, measure text, dimension text, value integer, suppressed boolean, exact boolean',
      body: `
        return query
          with mun as (select * from figures.region_municipalities(p_own_known)), cells as (
            select f.municipality_id as mid, f.measure as me, f.dimension as di,
                   sum(f.value)::integer as exact_v,
                   coalesce(sum(figures.perturb(f.value, f.ckey)) filter (where f.month < v_cutoff), 0)::integer as prot_v
              from figures.monthly f
             where f.municipality_id in (select id from mun)
               and f.month between date_trunc('month', p_from) and p_to
               and f.measure not like 'days\\_to\\_%' and f.measure not like 'campaign\\_%'
               -- Unpublished months exist only for the own municipality: not even which
               -- measures and dimensions they hold shows for the others.
               and (f.month < v_cutoff or (p_own_known and f.municipality_id = current_municipality_id()))
             group by 1, 2, 3
          ), totals as (
            select mid, me, di, exact_v, prot_v from cells
            union all
            select mid, me, '*', sum(exact_v)::integer, sum(prot_v)::integer from cells group by mid, me
          ), combos as (
            select distinct me, di from totals
          ), grid as (
            select mun.id, mun.code, mun.name, mun.own, c.me, c.di,
                   coalesce(t.exact_v, 0) as exact_v, coalesce(t.prot_v, 0) as prot_v
              from combos c cross join mun
              left join totals t on t.mid = mun.id and t.me = c.me and t.di = c.di
          )
          select g.id, g.code, g.name, g.me, g.di,
                 case when g.own then g.exact_v when g.prot_v < p_threshold then null else g.prot_v end,
                 not g.own and g.prot_v < p_threshold,
                 g.own
            from grid g
          union all
          select null::uuid, null::text, 'Regio'::text, g.me, g.di,
                 case when sum(g.prot_v) < p_threshold then null else sum(g.prot_v)::integer end,
                 sum(g.prot_v) < p_threshold, false
            from grid g group by g.me, g.di
          order by 4, 5, 3;`,
    })}
  `,
  appExecutes: ['figures.region_figures(date, date, integer, boolean)'],
};
