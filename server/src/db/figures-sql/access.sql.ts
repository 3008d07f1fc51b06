import type { FiguresSql } from './kit.ts';

/**
 * The two checks every figures function makes first: whether the caller may read figures
 * across municipalities, and whether the threshold is one the protection supports; and the
 * municipalities of the caller's region.
 */
export const access: FiguresSql = {
  sql: `
    create or replace function figures.require_reader(p_roles text[] default array['analyst', 'coordinator', 'manager'])
      returns void language plpgsql stable
      set search_path = public, pg_temp
      as $$
      begin
        if not current_user_has_role(p_roles) then
          raise exception 'figures: role may not see region figures' using errcode = 'insufficient_privilege';
        end if;
      end $$;
    revoke all on function figures.require_reader(text[]) from public;

    create or replace function figures.require_threshold(p_threshold integer)
      returns void language plpgsql stable
      as $$
      begin
        if p_threshold is null or p_threshold < 3 then
          raise exception 'figures: threshold must be at least 3' using errcode = 'invalid_parameter_value';
        end if;
      end $$;
    revoke all on function figures.require_threshold(integer) from public;

    -- The municipalities of the caller's region, and which one the caller knows exactly
    -- (the own municipality, when p_own_known).
    create or replace function figures.region_municipalities(p_own_known boolean)
      returns table (id uuid, code text, name text, own boolean)
      language sql stable
      set search_path = public, pg_temp
      as $$
        select m.id, m.code, m.name, (p_own_known and m.id = current_municipality_id())
          from municipality m where m.region_id = current_region_id()
      $$;
    revoke all on function figures.region_municipalities(boolean) from public;
  `,
  appExecutes: [],
};
