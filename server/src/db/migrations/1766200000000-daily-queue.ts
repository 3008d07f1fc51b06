import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily queue: every new case gets a first-contact deadline (five working days, two when
 * acute), shown as a clock in the list and as an action of the team until the first contact
 * is recorded. Actions made by the system (a public sign-up) have no creating user.
 */
export class DailyQueue1766200000000 implements MigrationInterface {
  name = 'DailyQueue1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table case_file add column first_contact_due date;
      -- Cases waiting for their first contact now: a week after registration (calendar days;
      -- new cases get working days with public holidays from the application).
      update case_file set first_contact_due = (registered_at at time zone 'Europe/Amsterdam')::date + 7
       where last_contact_at is null and status in ('registered', 'intake_scheduled');
      create index case_file_first_contact_idx on case_file (municipality_id, first_contact_due)
        where last_contact_at is null;

      alter table case_action drop constraint case_action_kind_check;
      alter table case_action add constraint case_action_kind_check
        check (kind in ('action', 'intake', 'first_contact'));
      alter table case_action alter column created_by drop not null;
      create unique index case_action_first_contact_idx on case_action (municipality_id, case_id)
        where kind = 'first_contact' and status = 'open';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index case_action_first_contact_idx;
      delete from case_action where kind = 'first_contact';
      update case_action a set created_by = (select u.id from app_user u where u.municipality_id = a.municipality_id limit 1)
       where created_by is null;
      delete from case_action where created_by is null;
      alter table case_action alter column created_by set not null;
      alter table case_action drop constraint case_action_kind_check;
      alter table case_action add constraint case_action_kind_check check (kind in ('action', 'intake'));
      drop index case_file_first_contact_idx;
      alter table case_file drop column first_contact_due;
    `);
  }
}
