import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DB_ROLES } from '../roles.ts';
import { aggregateRead } from '../table-kinds.ts';

const OPEN = `('registered', 'intake_scheduled', 'intake_done', 'in_progress')`;

/**
 * Small-cell suppression as one function for every figure, and the attribution of campaign
 * sign-ups per channel and per municipality. A count under the threshold is hidden; then
 * more cells are hidden (smallest first) until no hidden count can be found by subtraction
 * from the total: never exactly one hidden cell, and the hidden cells together at least the
 * threshold (a hidden sum of 0 would reveal every hidden cell). Cells the caller already
 * knows (the own municipality) are never hidden and count as shown. The flag after the
 * cells says whether the total must be hidden as well: when it is under the threshold, or
 * when not enough cells could be hidden to protect the hidden ones.
 */
export class Attribution1765000000000 implements MigrationInterface {
  name = 'Attribution1765000000000';

  async up(q: QueryRunner): Promise<void> {
    const aggregate = DB_ROLES.aggregate;
    await q.query(`
      ${aggregateRead('intake')}
      grant select on campaign, campaign_channel to ${aggregate};
    `);
    await q.query(`set role ${aggregate}`);
    await q.query(`
      create function figures.suppress(p_values integer[], p_known boolean[], p_threshold integer)
        returns boolean[]
        language plpgsql immutable
        as $$
        declare
          hidden boolean[] := array_fill(false, array[coalesce(array_length(p_values, 1), 0)]);
          n integer := coalesce(array_length(p_values, 1), 0);
          hidden_count integer := 0;
          hidden_sum integer := 0;
          pick integer;
        begin
          for i in 1 .. n loop
            if not coalesce(p_known[i], false) and p_values[i] < p_threshold then
              hidden[i] := true;
              hidden_count := hidden_count + 1;
              hidden_sum := hidden_sum + p_values[i];
            end if;
          end loop;
          while hidden_count > 0 and (hidden_count = 1 or hidden_sum < p_threshold) loop
            pick := null;
            for i in 1 .. n loop
              if not hidden[i] and not coalesce(p_known[i], false)
                 and (pick is null or p_values[i] < p_values[pick]) then
                pick := i;
              end if;
            end loop;
            exit when pick is null;
            hidden[pick] := true;
            hidden_count := hidden_count + 1;
            hidden_sum := hidden_sum + p_values[pick];
          end loop;
          return hidden || (
            (select coalesce(sum(v), 0) from unnest(p_values) v) < p_threshold
            or (hidden_count > 0 and (hidden_count = 1 or hidden_sum < p_threshold)));
        end $$;

      revoke all on function figures.suppress(integer[], boolean[], integer) from public;
      drop function figures.open_cases_by_municipality(integer);
      create function figures.open_cases_by_municipality(p_threshold integer)
        returns table (municipality_id uuid, municipality_code text, municipality_name text,
                       open_cases integer, suppressed boolean)
        language plpgsql stable security definer
        set search_path = public, pg_temp
        as $$
        declare
          ids uuid[]; codes text[]; names text[]; counts integer[]; hidden boolean[]; total integer;
        begin
          if not current_user_has_role(array['analyst', 'coordinator', 'manager']) then
            raise exception 'figures: role may not see region figures' using errcode = 'insufficient_privilege';
          end if;
          if p_threshold is null or p_threshold < 3 then
            raise exception 'figures: threshold must be at least 3' using errcode = 'invalid_parameter_value';
          end if;
          select array_agg(x.id order by x.name), array_agg(x.code order by x.name),
                 array_agg(x.name order by x.name), array_agg(x.n order by x.name)
            into ids, codes, names, counts
            from (select m.id, m.code, m.name, count(c.id)::integer as n
                    from municipality m
                    left join case_file c on c.municipality_id = m.id and c.status in ${OPEN}
                   where m.region_id = current_region_id()
                   group by m.id, m.code, m.name) x;
          hidden := figures.suppress(counts, null, p_threshold);
          total := (select coalesce(sum(v), 0) from unnest(counts) v);
          for i in 1 .. coalesce(array_length(ids, 1), 0) loop
            municipality_id := ids[i]; municipality_code := codes[i]; municipality_name := names[i];
            open_cases := case when hidden[i] then null else counts[i] end; suppressed := hidden[i];
            return next;
          end loop;
          municipality_id := null; municipality_code := null; municipality_name := 'Regio';
          suppressed := hidden[coalesce(array_length(ids, 1), 0) + 1];
          open_cases := case when suppressed then null else total end;
          return next;
        end $$;
      revoke all on function figures.open_cases_by_municipality(integer) from public;

      -- The cases of the caller's region that came through a channel of the campaign.
      create function figures.campaign_cases(p_campaign uuid)
        returns table (municipality_id uuid, code text, has_intake boolean)
        language sql stable
        set search_path = public, pg_temp
        as $$
          select c.municipality_id, c.campaign_code,
                 exists (select 1 from intake i where i.municipality_id = c.municipality_id and i.case_id = c.id)
            from case_file c
            join campaign_channel ch on ch.code = c.campaign_code and ch.region_id = current_region_id()
             and ch.campaign_id = p_campaign
           where c.municipality_id in (select m.id from municipality m where m.region_id = current_region_id())
        $$;
      revoke all on function figures.campaign_cases(uuid) from public;

      -- Sign-ups (cases with a code of the campaign) and intakes, per municipality of the region
      -- and per channel, with suppression in each dimension. The caller's own municipality is
      -- shown in full when p_own_known: that user sees those cases anyway.
      create function figures.campaign_attribution(p_campaign uuid, p_threshold integer, p_own_known boolean)
        returns table (dimension text, key uuid, code text, name text,
                       sign_ups integer, sign_ups_hidden boolean, intakes integer, intakes_hidden boolean)
        language plpgsql stable security definer
        set search_path = public, pg_temp
        as $$
        declare
          keys uuid[]; codes text[]; names text[]; s integer[]; i_ integer[]; known boolean[];
          hs boolean[]; hi boolean[]; total_s integer; total_i integer;
          total_s_hidden boolean := false; total_i_hidden boolean := false;
          s_others integer[]; i_others integer[];
        begin
          if not current_user_has_role(array['analyst', 'coordinator', 'manager', 'caseworker']) then
            raise exception 'figures: role may not see campaign figures' using errcode = 'insufficient_privilege';
          end if;
          if p_threshold is null or p_threshold < 3 then
            raise exception 'figures: threshold must be at least 3' using errcode = 'invalid_parameter_value';
          end if;
          if not exists (select 1 from campaign where region_id = current_region_id() and id = p_campaign) then
            return;
          end if;
          -- Per municipality.
          select array_agg(x.id order by x.name), array_agg(x.code order by x.name), array_agg(x.name order by x.name),
                 array_agg(x.s order by x.name), array_agg(x.i order by x.name),
                 array_agg(p_own_known and x.id = current_municipality_id() order by x.name)
            into keys, codes, names, s, i_, known
            from (with a as (select * from figures.campaign_cases(p_campaign))
                  select m.id, m.code, m.name,
                         count(a.municipality_id)::integer as s,
                         count(a.municipality_id) filter (where a.has_intake)::integer as i
                    from municipality m left join a on a.municipality_id = m.id
                   where m.region_id = current_region_id() group by m.id, m.code, m.name) x;
          hs := figures.suppress(s, known, p_threshold);
          hi := figures.suppress(i_, known, p_threshold);
          total_s_hidden := hs[coalesce(array_length(keys, 1), 0) + 1];
          total_i_hidden := hi[coalesce(array_length(keys, 1), 0) + 1];
          for k in 1 .. coalesce(array_length(keys, 1), 0) loop
            dimension := 'municipality'; key := keys[k]; code := codes[k]; name := names[k];
            sign_ups := case when hs[k] then null else s[k] end; sign_ups_hidden := hs[k];
            intakes := case when hi[k] then null else i_[k] end; intakes_hidden := hi[k];
            return next;
          end loop;

          -- Per channel, across the region. A user who knows the own municipality's sign-ups
          -- must not learn the others' part of a channel by subtraction: the others' part
          -- decides what is hidden, the whole channel is shown.
          select array_agg(x.id order by x.created_at, x.id), array_agg(x.code order by x.created_at, x.id),
                 array_agg(x.name order by x.created_at, x.id),
                 array_agg(x.s order by x.created_at, x.id), array_agg(x.i order by x.created_at, x.id),
                 array_agg(x.s - x.s_own order by x.created_at, x.id), array_agg(x.i - x.i_own order by x.created_at, x.id)
            into keys, codes, names, s, i_, s_others, i_others
            from (with a as (select * from figures.campaign_cases(p_campaign))
                  select ch.id, ch.code, ch.name, ch.created_at,
                         count(a.code)::integer as s, count(a.code) filter (where a.has_intake)::integer as i,
                         count(a.code) filter (where p_own_known and a.municipality_id = current_municipality_id())::integer as s_own,
                         count(a.code) filter (where p_own_known and a.has_intake
                                                 and a.municipality_id = current_municipality_id())::integer as i_own
                    from campaign_channel ch left join a on a.code = ch.code
                   where ch.region_id = current_region_id() and ch.campaign_id = p_campaign
                   group by ch.id, ch.code, ch.name, ch.created_at) x;
          hs := figures.suppress(s_others, null, p_threshold);
          hi := figures.suppress(i_others, null, p_threshold);
          total_s_hidden := total_s_hidden or coalesce(hs[coalesce(array_length(keys, 1), 0) + 1], false);
          total_i_hidden := total_i_hidden or coalesce(hi[coalesce(array_length(keys, 1), 0) + 1], false);
          for k in 1 .. coalesce(array_length(keys, 1), 0) loop
            dimension := 'channel'; key := keys[k]; code := codes[k]; name := names[k];
            sign_ups := case when hs[k] then null else s[k] end; sign_ups_hidden := hs[k];
            intakes := case when hi[k] then null else i_[k] end; intakes_hidden := hi[k];
            return next;
          end loop;

          with a as (select * from figures.campaign_cases(p_campaign))
          select count(*)::integer, count(*) filter (where a.has_intake)::integer into total_s, total_i from a;
          dimension := 'total'; key := null; code := null; name := 'Totaal';
          sign_ups_hidden := total_s_hidden or total_s < p_threshold;
          sign_ups := case when sign_ups_hidden then null else total_s end;
          intakes_hidden := total_i_hidden or total_i < p_threshold;
          intakes := case when intakes_hidden then null else total_i end;
          return next;
        end $$;
      revoke all on function figures.campaign_attribution(uuid, integer, boolean) from public;
    `);
    await q.query(`set role ${DB_ROLES.owner}`);
    await q.query(`
      grant execute on function figures.open_cases_by_municipality(integer) to ${DB_ROLES.app};
      grant execute on function figures.campaign_attribution(uuid, integer, boolean) to ${DB_ROLES.app};
      grant execute on function figures.suppress(integer[], boolean[], integer) to ${DB_ROLES.app};
    `);
  }

  // The stricter suppression of open cases stays: it only hides more.
  async down(q: QueryRunner): Promise<void> {
    await q.query(`set role ${DB_ROLES.aggregate}`);
    await q.query(`
      drop function figures.campaign_attribution(uuid, integer, boolean);
      drop function figures.campaign_cases(uuid);
    `);
    await q.query(`set role ${DB_ROLES.owner}`);
    await q.query(`
      drop policy aggregate_region_read on intake;
      revoke select on intake from ${DB_ROLES.aggregate};
      revoke select on campaign, campaign_channel from ${DB_ROLES.aggregate};
    `);
  }
}
