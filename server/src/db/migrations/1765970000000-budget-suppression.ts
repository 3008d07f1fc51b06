import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DB_ROLES } from '../roles.ts';

/**
 * Realised against budget hides a municipality's amount wherever one of its cost-per-client
 * cells with services in it (per service type, same year) is hidden. The total of all services could otherwise
 * give away a hidden count: realised minus the visible intakes at their visible price is
 * what the hidden coachings cost, and that divided by the contract price is their number.
 * Once any municipality's amount is hidden, so is the region's total, so that it cannot be
 * worked out by subtraction either.
 */
export class BudgetSuppression1765970000000 implements MigrationInterface {
  name = 'BudgetSuppression1765970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`set role ${DB_ROLES.aggregate}`);
    await q.query(`
      create or replace function figures.region_budget(p_year integer, p_threshold integer, p_own_known boolean)
        returns table (municipality_id uuid, municipality_code text, municipality_name text,
                       planned_cents bigint, realised_cents bigint, suppressed boolean, exact boolean)
        language plpgsql stable security definer
        set search_path = public, pg_temp
        as $$
        declare
          s record;
          ids uuid[]; codes text[]; names text[]; vals integer[]; amounts bigint[]; planned bigint[];
          known boolean[]; hidden boolean[]; type_vals integer[]; type_hidden boolean[];
          n integer; any_hidden boolean;
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
          -- Hidden where the total of services is, ...
          hidden := figures.suppress(vals, known, p_threshold);
          n := coalesce(array_length(ids, 1), 0);
          -- ... and wherever a cost-per-client cell of the same year is (as region_costs hides it).
          for s in
            select distinct c.service_type from figures.monthly_cost c
              join municipality m on m.id = c.municipality_id
             where m.region_id = current_region_id()
               and c.month between make_date(p_year, 1, 1) and make_date(p_year, 12, 31)
          loop
            select array_agg(x.v order by x.name) into type_vals
              from (select m.name, greatest(coalesce(sum(c.services), 0), 0)::integer as v
                      from municipality m
                      left join figures.monthly_cost c on c.municipality_id = m.id and c.service_type = s.service_type
                       and c.month between make_date(p_year, 1, 1) and make_date(p_year, 12, 31)
                     where m.region_id = current_region_id()
                     group by m.id, m.name) x;
            type_hidden := figures.suppress(type_vals, known, p_threshold);
            for k in 1 .. n loop
              -- A service the municipality did not buy adds nothing to its amount.
              hidden[k] := hidden[k] or (type_hidden[k] and type_vals[k] > 0);
            end loop;
          end loop;
          any_hidden := false;
          for k in 1 .. n loop
            if hidden[k] and not known[k] then any_hidden := true; end if;
          end loop;
          for k in 1 .. n loop
            municipality_id := ids[k]; municipality_code := codes[k]; municipality_name := names[k];
            planned_cents := planned[k]; exact := known[k]; suppressed := hidden[k];
            realised_cents := case when known[k] then amounts[k] when hidden[k] then null
                                   else (round(amounts[k] / 100000.0) * 100000)::bigint end;
            return next;
          end loop;
          municipality_id := null; municipality_code := null; municipality_name := 'Regio';
          planned_cents := (select sum(p) from unnest(planned) p)::bigint; exact := false;
          suppressed := hidden[n + 1] or any_hidden;
          realised_cents := case when suppressed then null
                                 else (round((select coalesce(sum(a), 0) from unnest(amounts) a) / 100000.0) * 100000)::bigint end;
          return next;
        end $$;
    `);
    await q.query(`set role ${DB_ROLES.owner}`);
  }

  async down(): Promise<void> {
    // The earlier version hid too little; going back would reopen that. Nothing to undo:
    // the function keeps its signature and grants.
  }
}
