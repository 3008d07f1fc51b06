import { readerFunction, type FiguresSql } from './kit.ts';

/**
 * Open cases per municipality of the caller's region. For another municipality, and for
 * the region, the number open at the end of the last published month, never now: cases
 * registered up to then minus those closed or withdrawn up to then, with the cell key of
 * those same cases, perturbed. Public sign-ups of this month therefore move nothing that
 * is shown. The own municipality (p_own_known) is counted now, exactly.
 */
export const openCases: FiguresSql = {
  sql: `
    drop function if exists figures.open_cases_by_municipality(integer);
    ${readerFunction({
      name: 'figures.open_cases_by_municipality',
      params: 'p_threshold integer, p_own_known boolean',
      returns:
        'municipality_id uuid, municipality_code text, municipality_name text, open_cases integer, suppressed boolean, exact boolean, as_of date',
      body: `
        return query
          with mun as (select * from figures.region_municipalities(p_own_known)), flow as (
            select f.municipality_id as mid,
                   sum(case when f.measure = 'registered' then f.value else -f.value end) as n,
                   sum(case when f.measure = 'registered' then f.ckey else -f.ckey end) as k
              from figures.monthly f
             where f.municipality_id in (select id from mun)
               and f.measure in ('registered', 'closed', 'withdrawn') and f.month < v_cutoff
             group by f.municipality_id
          ), cells as (
            select mun.id, mun.code, mun.name, mun.own,
                   figures.perturb(coalesce(flow.n, 0)::bigint, coalesce(flow.k, 0)::bigint) as prot_n,
                   case when mun.own then (select count(*)::integer from case_file c
                                            where c.municipality_id = mun.id
                                              and c.status in ('registered', 'intake_scheduled', 'intake_done', 'in_progress'))
                   end as exact_n
              from mun left join flow on flow.mid = mun.id
          )
          select c.id, c.code, c.name,
                 case when c.own then c.exact_n when c.prot_n < p_threshold then null else c.prot_n end,
                 not c.own and c.prot_n < p_threshold, c.own,
                 case when c.own then current_date else (v_cutoff - 1) end
            from cells c
          union all
          select null::uuid, null::text, 'Regio'::text,
                 case when sum(c.prot_n) < p_threshold then null else sum(c.prot_n)::integer end,
                 sum(c.prot_n) < p_threshold, false, v_cutoff - 1
            from cells c
          order by 3;`,
    })}
  `,
  appExecutes: ['figures.open_cases_by_municipality(integer, boolean)'],
};
