import { readerFunction, type FiguresSql } from './kit.ts';

/*
 * Money of other municipalities is never read from their cost lines: an amount divided by
 * a price would give a count back. It is derived from protected counts instead: per month
 * and service type, the perturbed number of services (`figures.perturb` with the cell key
 * of the cost lines) times the contract price in force at the end of that month (or, for a
 * month without a contract, the month's average price in steps of € 50). The own
 * municipality (p_own_known) gets its exact counts and amounts.
 */
const derived = `
  with mun as (select * from figures.region_municipalities(p_own_known)), months as (
    select c.municipality_id as mid, c.service_type, c.month,
           greatest(c.services, 0) as exact_services, c.amount_cents as exact_amount,
           case when c.month < v_cutoff then figures.perturb(greatest(c.services, 0), c.ckey) else 0 end as prot_services,
           coalesce(c.price_cents, round(c.amount_cents::numeric / nullif(c.services, 0) / 5000) * 5000, 0) as price
      from figures.monthly_cost c
     where c.municipality_id in (select id from mun)
       and (c.month < v_cutoff or c.municipality_id in (select id from mun where own))
  )`;

export const regionCosts: FiguresSql = {
  sql: `
    ${readerFunction({
      name: 'figures.region_costs',
      params: 'p_from date, p_to date, p_threshold integer, p_own_known boolean',
      returns:
        'municipality_id uuid, municipality_code text, municipality_name text, service_type text, clients integer, per_client_cents bigint, suppressed boolean, exact boolean',
      body: `
        return query
          ${derived}, cells as (
            select mun.id, mun.code, mun.name, mun.own, s.service_type,
                   coalesce(sum(x.exact_services), 0)::integer as exact_n,
                   coalesce(sum(x.exact_amount), 0)::bigint as exact_amount,
                   coalesce(sum(x.prot_services), 0)::integer as prot_n,
                   coalesce(sum(x.prot_services * x.price), 0)::bigint as prot_amount
              from mun
              cross join (select distinct service_type from months
                           where month between date_trunc('month', p_from) and p_to) s
              left join months x on x.mid = mun.id and x.service_type = s.service_type
               and x.month between date_trunc('month', p_from) and p_to
             group by mun.id, mun.code, mun.name, mun.own, s.service_type
          )
          select c.id, c.code, c.name, c.service_type,
                 case when c.own then c.exact_n when c.prot_n < p_threshold then null else c.prot_n end,
                 case when c.own then case when c.exact_n > 0 then round(c.exact_amount::numeric / c.exact_n)::bigint end
                      when c.prot_n < p_threshold then null
                      else (round(c.prot_amount::numeric / c.prot_n / 100) * 100)::bigint end,
                 not c.own and c.prot_n < p_threshold, c.own
            from cells c
          union all
          select null::uuid, null::text, 'Regio'::text, c.service_type,
                 case when sum(c.prot_n) < p_threshold then null else sum(c.prot_n)::integer end,
                 case when sum(c.prot_n) < p_threshold then null
                      else (round(sum(c.prot_amount)::numeric / sum(c.prot_n) / 100) * 100)::bigint end,
                 sum(c.prot_n) < p_threshold, false
            from cells c group by c.service_type
          order by 4, 3;`,
    })}

    -- Planned against realised per municipality for a year. Planned amounts are council
    -- decisions and shown as they are; realised amounts of others and of the region are
    -- derived from protected counts (above) and rounded to whole thousands of euros.
    ${readerFunction({
      name: 'figures.region_budget',
      params: 'p_year integer, p_threshold integer, p_own_known boolean',
      returns:
        'municipality_id uuid, municipality_code text, municipality_name text, planned_cents bigint, realised_cents bigint, suppressed boolean, exact boolean',
      body: `
        return query
          ${derived}, cells as (
            select mun.id, mun.code, mun.name, mun.own,
                   coalesce(sum(x.exact_amount), 0)::bigint as exact_amount,
                   coalesce(sum(x.prot_services), 0)::integer as prot_n,
                   coalesce(sum(x.prot_services * x.price), 0)::bigint as prot_amount,
                   (select sum(coalesce((b.planned ->> k)::bigint, 0))
                      from budget b, unnest(array['intake', 'perspective_analysis', 'coaching', 'debt_restructuring']) k
                     where b.municipality_id = mun.id and b.year = p_year)::bigint as planned
              from mun
              left join months x on x.mid = mun.id
               and x.month between make_date(p_year, 1, 1) and make_date(p_year, 12, 31)
             group by mun.id, mun.code, mun.name, mun.own
          )
          select c.id, c.code, c.name, c.planned,
                 case when c.own then c.exact_amount when c.prot_n < p_threshold then null
                      else (round(c.prot_amount / 100000.0) * 100000)::bigint end,
                 not c.own and c.prot_n < p_threshold, c.own
            from cells c
          union all
          select null::uuid, null::text, 'Regio'::text, sum(c.planned)::bigint,
                 case when sum(c.prot_n) < p_threshold then null
                      else (round(sum(c.prot_amount) / 100000.0) * 100000)::bigint end,
                 sum(c.prot_n) < p_threshold, false
            from cells c
          order by 3;`,
    })}
  `,
  appExecutes: [
    'figures.region_costs(date, date, integer, boolean)',
    'figures.region_budget(integer, integer, boolean)',
  ],
};
