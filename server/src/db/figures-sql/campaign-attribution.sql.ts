import { readerFunction, type FiguresSql } from './kit.ts';

/**
 * Sign-ups with a code of the campaign, and of those the ones with an intake, per
 * municipality of the caller's region, per channel and in total. Built from the rollup's
 * cells (`campaign_signup`, `campaign_intake`, by channel code and month of sign-up) like
 * every figure: other municipalities, channels and the total are sums of perturbed cells of
 * published months, under the threshold not shown; the own municipality (p_own_known) is
 * counted now from its cases, exactly. A channel and the total are the same for every caller, so the own exact part
 * cannot be subtracted to learn the others'.
 */
export const campaignAttribution: FiguresSql = {
  sql: `
    ${readerFunction({
      name: 'figures.campaign_attribution',
      params: 'p_campaign uuid, p_threshold integer, p_own_known boolean',
      returns:
        'dimension text, key uuid, code text, name text, sign_ups integer, sign_ups_hidden boolean, intakes integer, intakes_hidden boolean',
      roles: ['analyst', 'coordinator', 'manager', 'caseworker'],
      body: `
        if not exists (select 1 from campaign where region_id = current_region_id() and id = p_campaign) then
          return;
        end if;
        return query
          with mun as (select * from figures.region_municipalities(p_own_known)), ch as (
            select c.id, c.code, c.name, c.created_at from campaign_channel c
             where c.region_id = current_region_id() and c.campaign_id = p_campaign
          ), cells as (
            select f.municipality_id as mid, f.dimension as code,
                   coalesce(sum(figures.perturb(f.value, f.ckey))
                              filter (where f.measure = 'campaign_signup' and f.month < v_cutoff), 0) as s_prot,
                   coalesce(sum(figures.perturb(f.value, f.ckey))
                              filter (where f.measure = 'campaign_intake' and f.month < v_cutoff), 0) as i_prot
              from figures.monthly f
             where f.municipality_id in (select id from mun)
               and f.measure in ('campaign_signup', 'campaign_intake')
               and f.dimension in (select code from ch)
             group by 1, 2
          ), own_live as (
            -- The own municipality now, from its cases: the caller may read them anyway.
            select count(*)::integer as s,
                   count(*) filter (where exists (select 1 from intake i where i.municipality_id = f.municipality_id
                                                   and i.case_id = f.id))::integer as i
              from case_file f
             where p_own_known and f.municipality_id = current_municipality_id()
               and f.campaign_code in (select code from ch)
          ), by_mun as (
            select mun.id, mun.code, mun.name, mun.own,
                   (select s from own_live) as s_exact, (select i from own_live) as i_exact,
                   coalesce(sum(c.s_prot), 0)::integer as s_prot, coalesce(sum(c.i_prot), 0)::integer as i_prot
              from mun left join cells c on c.mid = mun.id
             group by mun.id, mun.code, mun.name, mun.own
          ), by_channel as (
            select ch.id, ch.code, ch.name, ch.created_at,
                   coalesce(sum(c.s_prot), 0)::integer as s_prot, coalesce(sum(c.i_prot), 0)::integer as i_prot
              from ch left join cells c on c.code = ch.code
             group by ch.id, ch.code, ch.name, ch.created_at
          )
          select x.dimension, x.key, x.code, x.name, x.s, x.sh, x.i, x.ih from (
            select 1 as part, m.name as sort1, null::timestamptz as sort2, 'municipality'::text as dimension,
                   m.id as key, m.code, m.name,
                   case when m.own then m.s_exact when m.s_prot < p_threshold then null else m.s_prot end as s,
                   not m.own and m.s_prot < p_threshold as sh,
                   case when m.own then m.i_exact when m.i_prot < p_threshold then null else m.i_prot end as i,
                   not m.own and m.i_prot < p_threshold as ih
              from by_mun m
            union all
            select 2, null, c.created_at, 'channel', c.id, c.code, c.name,
                   case when c.s_prot < p_threshold then null else c.s_prot end, c.s_prot < p_threshold,
                   case when c.i_prot < p_threshold then null else c.i_prot end, c.i_prot < p_threshold
              from by_channel c
            union all
            select 3, null, null, 'total', null::uuid, null::text, 'Totaal'::text,
                   case when sum(m.s_prot) < p_threshold then null else sum(m.s_prot)::integer end,
                   sum(m.s_prot) < p_threshold,
                   case when sum(m.i_prot) < p_threshold then null else sum(m.i_prot)::integer end,
                   sum(m.i_prot) < p_threshold
              from by_mun m
          ) x order by x.part, x.sort1, x.sort2, x.key;`,
    })}
  `,
  appExecutes: ['figures.campaign_attribution(uuid, integer, boolean)'],
};
