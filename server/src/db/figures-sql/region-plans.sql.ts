import type { FiguresSql } from './kit.ts';

/**
 * What each municipality of the caller's region expected for a year, from its budget's
 * assumptions (Kosten → Begroting): the response rate and the sign-ups from the campaign.
 * These are council decisions, not personal data, so every figures reader may see them;
 * the evaluation report puts them beside the protected realisation.
 */
export const regionPlans: FiguresSql = {
  sql: `
    create or replace function figures.region_plans(p_year integer)
      returns table (municipality_id uuid, municipality_code text, municipality_name text,
                     response_rate_percent numeric, expected_campaign_sign_ups integer)
      language plpgsql stable security definer
      set search_path = public, pg_temp
      as $$
      #variable_conflict use_column
      begin
        perform figures.require_reader();
        return query
          select m.id, m.code, m.name, (b.assumptions ->> 'responseRatePercent')::numeric,
                 (b.assumptions ->> 'expectedCampaignSignUps')::integer
            from municipality m
            join budget b on b.municipality_id = m.id and b.year = p_year
           where m.region_id = current_region_id()
           order by m.name;
      end $$;
    revoke all on function figures.region_plans(integer) from public;
  `,
  appExecutes: ['figures.region_plans(integer)'],
};
