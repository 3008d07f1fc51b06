import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantTable } from '../table-kinds.ts';

/**
 * Case work as mature case systems offer it: next actions with due dates and owners, free
 * notes whose corrections keep the earlier version, and search everywhere with Dutch full
 * text and trigram indexes (led by municipality_id, through btree_gin).
 */
export class CaseWork1765500000000 implements MigrationInterface {
  name = 'CaseWork1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create extension if not exists pg_trgm;
      create extension if not exists btree_gin;

      create table case_action (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        case_id uuid not null,
        kind text not null default 'action' check (kind in ('action', 'intake')),
        title text not null,
        due_on date not null,
        owner_id uuid,
        note text,
        status text not null default 'open' check (status in ('open', 'done', 'dropped')),
        postponements integer not null default 0,
        closed_at timestamptz,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        primary key (municipality_id, id),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        foreign key (municipality_id, owner_id) references app_user (municipality_id, id),
        foreign key (municipality_id, created_by) references app_user (municipality_id, id)
      );
      create index case_action_due_idx on case_action (municipality_id, status, due_on);
      create index case_action_owner_idx on case_action (municipality_id, owner_id, status, due_on);
      create index case_action_case_idx on case_action (municipality_id, case_id);
      -- One open planned-intake action per case.
      create unique index case_action_intake_idx on case_action (municipality_id, case_id) where kind = 'intake' and status = 'open';
      ${tenantTable('case_action', { grants: ['select', 'insert', 'update'] })}

      create table case_note (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        case_id uuid not null,
        text text not null,
        author_id uuid not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (municipality_id, id),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        foreign key (municipality_id, author_id) references app_user (municipality_id, id)
      );
      create index case_note_case_idx on case_note (municipality_id, case_id, created_at);
      create index case_note_search_idx on case_note using gin (municipality_id, to_tsvector('dutch', text));
      ${tenantTable('case_note', { grants: ['select', 'insert', 'update'] })}

      alter table record_version drop constraint record_version_record_type_check;
      alter table record_version add constraint record_version_record_type_check
        check (record_type in ('intake', 'perspective-analysis', 'contact', 'note'));

      alter table entrepreneur add column search tsvector generated always as (
        to_tsvector('dutch', coalesce(name, '') || ' ' || coalesce(business_name, ''))) stored;
      create index entrepreneur_search_idx on entrepreneur using gin (municipality_id, search);
      create index entrepreneur_name_trgm_idx on entrepreneur using gin (municipality_id, lower(name) gin_trgm_ops);
      create index entrepreneur_business_trgm_idx on entrepreneur using gin (municipality_id, lower(business_name) gin_trgm_ops);
      create index entrepreneur_postcode_idx on entrepreneur (municipality_id, postcode);
      create index entrepreneur_email_idx on entrepreneur (municipality_id, lower(email));
      create index entrepreneur_phone_idx on entrepreneur (municipality_id, regexp_replace(phone, '[^0-9]', '', 'g'));
      create index case_file_reference_trgm_idx on case_file using gin (municipality_id, reference gin_trgm_ops);
      create index case_file_entrepreneur_idx on case_file (municipality_id, entrepreneur_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index case_file_reference_trgm_idx;
      drop index case_file_entrepreneur_idx;
      drop index entrepreneur_phone_idx; drop index entrepreneur_email_idx; drop index entrepreneur_postcode_idx;
      drop index entrepreneur_business_trgm_idx; drop index entrepreneur_name_trgm_idx; drop index entrepreneur_search_idx;
      alter table entrepreneur drop column search;
      delete from record_version where record_type = 'note';
      alter table record_version drop constraint record_version_record_type_check;
      alter table record_version add constraint record_version_record_type_check
        check (record_type in ('intake', 'perspective-analysis', 'contact'));
      drop table case_note;
      drop table case_action;
    `);
  }
}
