import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  DEFAULT_POSTCODE_FILE,
  loadPostcodeDataset,
  readPostcodeDataset,
} from '../reference-data/postcode-dataset.ts';
import {
  applyFiguresSql,
  FIGURES_SQL,
  restoreFiguresFunctions,
  snapshotFiguresFunctions,
} from '../figures-sql/index.ts';
import { DB_ROLES } from '../roles.ts';
import { referenceTable, tenantTable } from '../table-kinds.ts';

const NAME = 'PostAndFrontDoor1766100000000';

/**
 * Letters that can be posted and answered, and a front door people trust:
 * - full postal addresses for entrepreneurs and Tozo recipients;
 * - the postcode–municipality relation of the whole country (CBS) instead of a hand-made
 *   table of one region, with the date and source of the dataset;
 * - a logo on the letterhead, and the settings of the privacy statement;
 * - a personal response code per wave contact, the date a response happened and its channel;
 * - place and form of the planned intake;
 * - a receipt number for every public sign-up; Reply-To and a calendar invitation on mail;
 * - the regional figures count a response in the month it happened (response_date).
 */
export class PostAndFrontDoor1766100000000 implements MigrationInterface {
  name = NAME;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table entrepreneur
        add column street text check (length(street) <= 120),
        add column house_number_addition text check (length(house_number_addition) <= 6),
        add column town text check (length(town) <= 80);
      alter table outreach_recipient
        add column street text,
        add column house_number_addition text,
        add column town text;

      create table postcode_municipality (
        postcode4 text not null check (postcode4 ~ '^[1-9][0-9]{3}$'),
        municipality_code text not null check (municipality_code ~ '^GM[0-9]{4}$'),
        municipality_name text not null,
        addresses integer check (addresses >= 0),
        primary key (postcode4, municipality_code)
      );
      ${referenceTable('postcode_municipality')}

      create table reference_dataset (
        name text primary key,
        source text not null,
        reference_date date not null,
        row_count integer not null,
        loaded_at timestamptz not null default now()
      );
      ${referenceTable('reference_dataset')}
    `);
    await loadPostcodeDataset(q, readPostcodeDataset(DEFAULT_POSTCODE_FILE()));
    await q.query(`
      drop table postcode_area;

      alter table letterhead
        add column logo bytea check (octet_length(logo) <= 512 * 1024),
        add column logo_type text check (logo_type in ('image/png', 'image/jpeg')),
        add check ((logo is null) = (logo_type is null));

      -- What the privacy statement of the public pages says for this municipality.
      create table privacy_settings (
        municipality_id uuid not null references municipality (id),
        controller text not null,
        contact_email text,
        contact_phone text,
        dpo_name text,
        dpo_email text,
        dpo_phone text,
        legal_basis text not null,
        advisor_organisation text,
        retention_years integer check (retention_years between 1 and 30),
        updated_by uuid not null,
        updated_at timestamptz not null default now(),
        primary key (municipality_id),
        foreign key (municipality_id, updated_by) references app_user (municipality_id, id)
      );
      ${tenantTable('privacy_settings', { grants: ['select', 'insert', 'update'] })}

      -- Eight characters without 0/O and 1/I, from the random bytes of a UUID (version and
      -- variant bits skipped): 32^8 codes, so guessing one is hopeless behind the rate limit.
      create function outreach_response_code() returns text language sql volatile as $$
        select string_agg(substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', (get_byte(b, i) % 32) + 1, 1), '' order by n)
          from (select uuid_send(gen_random_uuid()) as b) u,
               unnest(array[0, 1, 2, 3, 4, 5, 10, 11]) with ordinality as p(i, n)
      $$;
      alter table outreach_contact
        add column response_code text not null default outreach_response_code()
          check (response_code ~ '^[A-HJ-NP-Z2-9]{8}$'),
        add column response_date date,
        add column response_channel text
          check (response_channel in ('website', 'phone', 'letter', 'email', 'visit'));
      create unique index outreach_contact_code_idx on outreach_contact (municipality_id, response_code);
      update outreach_contact set response_date = (responded_at at time zone 'Europe/Amsterdam')::date
       where responded_at is not null;

      alter table case_file
        add column intake_mode text check (intake_mode in ('office', 'business', 'video', 'phone')),
        add column intake_location text check (length(intake_location) <= 300),
        add column intake_video_link text check (intake_video_link ~ '^https://');

      alter table mail_outbox
        add column reply_to text check (length(reply_to) <= 254),
        add column calendar text check (length(calendar) <= 20000);

      create table sign_up_receipt (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        receipt text not null check (receipt ~ '^AM-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$'),
        case_id uuid not null,
        created_at timestamptz not null default now(),
        primary key (municipality_id, id),
        unique (municipality_id, receipt),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id)
      );
      create index sign_up_receipt_case_idx on sign_up_receipt (municipality_id, case_id);
      ${tenantTable('sign_up_receipt', { grants: ['select', 'insert'] })}
    `);
    await q.query(`set role ${DB_ROLES.aggregate}`);
    await snapshotFiguresFunctions(q, NAME);
    await applyFiguresSql(q, FIGURES_SQL);
    await q.query(`set role ${DB_ROLES.owner}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await restoreFiguresFunctions(q, NAME);
    await q.query(`
      drop table sign_up_receipt;
      alter table mail_outbox drop column reply_to, drop column calendar;
      alter table case_file drop column intake_mode, drop column intake_location, drop column intake_video_link;
      drop index outreach_contact_code_idx;
      alter table outreach_contact drop column response_code, drop column response_date, drop column response_channel;
      drop function outreach_response_code();
      drop table privacy_settings;
      alter table letterhead drop column logo, drop column logo_type;

      create table postcode_area (
        postcode4 text not null check (postcode4 ~ '^[1-9][0-9]{3}$'),
        area_municipality_id uuid not null references municipality (id),
        primary key (postcode4, area_municipality_id)
      );
      ${referenceTable('postcode_area')}
      insert into postcode_area (postcode4, area_municipality_id)
        select p.postcode4, m.id from postcode_municipality p join municipality m on m.code = p.municipality_code;
      drop table reference_dataset;
      drop table postcode_municipality;

      alter table outreach_recipient drop column street, drop column house_number_addition, drop column town;
      alter table entrepreneur drop column street, drop column house_number_addition, drop column town;
    `);
  }
}
