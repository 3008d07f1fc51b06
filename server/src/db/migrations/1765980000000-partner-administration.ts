import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DB_ROLES } from '../roles.ts';

/**
 * The region's partner organisations stay reference data (the application only reads the
 * table), changed through one function that checks, in the database, that the caller is an
 * administrator of the region's centre municipality and that the partner belongs to that
 * region. The code of a partner never changes: logins and figures are keyed by it.
 */
export class PartnerAdministration1765980000000 implements MigrationInterface {
  name = 'PartnerAdministration1765980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function save_partner_organisation(
        p_id uuid, p_code text, p_name text, p_kind text, p_routes text[], p_services text,
        p_channel text, p_email text, p_categories text[]
      ) returns uuid
        language plpgsql security definer
        set search_path = public, pg_temp
        as $$
        declare
          saved uuid;
        begin
          if not (current_user_has_role(array['admin']) and current_municipality_is_centre()) then
            raise exception 'partner organisations: only the centre municipality''s administrator'
              using errcode = 'insufficient_privilege';
          end if;
          if p_id is null then
            insert into partner_organisation (region_id, code, name, kind, routes, services, contact_channel,
                                              email, required_categories)
            values (current_region_id(), p_code, p_name, p_kind, p_routes, p_services, p_channel, p_email,
                    p_categories)
            returning id into saved;
          else
            update partner_organisation
               set name = p_name, kind = p_kind, routes = p_routes, services = p_services,
                   contact_channel = p_channel, email = p_email, required_categories = p_categories
             where id = p_id and region_id = current_region_id()
            returning id into saved;
          end if;
          return saved;
        end $$;
      revoke all on function save_partner_organisation(uuid, text, text, text, text[], text, text, text, text[]) from public;
      grant execute on function save_partner_organisation(uuid, text, text, text, text[], text, text, text, text[])
        to ${DB_ROLES.app};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'drop function save_partner_organisation(uuid, text, text, text, text[], text, text, text, text[])',
    );
  }
}
