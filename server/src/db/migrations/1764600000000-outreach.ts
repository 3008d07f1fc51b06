import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantTable } from '../table-kinds.ts';

/**
 * Outreach: the municipality's list of Tozo recipients (imported from CSV), the imports
 * themselves, waves of approach per channel and each recipient's response. Cases keep the
 * wave or campaign code they came from.
 */
export class Outreach1764600000000 implements MigrationInterface {
  name = 'Outreach1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table outreach_import (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        filename text not null,
        encoding text not null,
        mode text not null check (mode in ('all-or-nothing', 'valid-rows')),
        rows integer not null,
        new_count integer not null,
        updated_count integer not null,
        unchanged_count integer not null,
        rejected_count integer not null,
        imported_by uuid not null,
        imported_at timestamptz not null default now(),
        primary key (municipality_id, id),
        foreign key (municipality_id, imported_by) references app_user (municipality_id, id)
      );
      create index outreach_import_at_idx on outreach_import (municipality_id, imported_at desc);
      ${tenantTable('outreach_import', { grants: ['select', 'insert'] })}

      create table outreach_recipient (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        kvk_number text check (kvk_number ~ '^[0-9]{8}$'),
        bsn text check (bsn ~ '^[0-9]{9}$'),
        name text,
        business_name text,
        email text,
        phone text,
        postcode text,
        house_number text,
        sbi_code text,
        tozo_periods text[] not null default '{}',
        -- What the last import said, to tell "unchanged" from "updated" on a re-import.
        content_hash text not null,
        last_import_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (municipality_id, id),
        check (kvk_number is not null or bsn is not null),
        foreign key (municipality_id, last_import_id) references outreach_import (municipality_id, id)
      );
      create unique index outreach_recipient_kvk_idx on outreach_recipient (municipality_id, kvk_number) where kvk_number is not null;
      create unique index outreach_recipient_bsn_idx on outreach_recipient (municipality_id, bsn) where bsn is not null;
      ${tenantTable('outreach_recipient', { grants: ['select', 'insert', 'update'] })}

      create table outreach_wave (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        name text not null,
        channel text not null check (channel in ('letter', 'email', 'phone', 'sms')),
        planned_date date not null,
        criteria jsonb not null default '{}',
        message text,
        parent_wave_id uuid,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        primary key (municipality_id, id),
        foreign key (municipality_id, parent_wave_id) references outreach_wave (municipality_id, id),
        foreign key (municipality_id, created_by) references app_user (municipality_id, id)
      );
      create index outreach_wave_created_idx on outreach_wave (municipality_id, created_at desc);
      ${tenantTable('outreach_wave', { grants: ['select', 'insert', 'update'], aggregate: true })}

      create table outreach_contact (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        wave_id uuid not null,
        recipient_id uuid not null,
        response text not null default 'pending' check (response in
          ('pending', 'no_response', 'interested', 'not_interested', 'unreachable', 'already_helped')),
        responded_at timestamptz,
        note text,
        case_id uuid,
        mailed_at timestamptz,
        recorded_by uuid,
        primary key (municipality_id, id),
        unique (municipality_id, wave_id, recipient_id),
        foreign key (municipality_id, wave_id) references outreach_wave (municipality_id, id),
        foreign key (municipality_id, recipient_id) references outreach_recipient (municipality_id, id),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        foreign key (municipality_id, recorded_by) references app_user (municipality_id, id)
      );
      create index outreach_contact_recipient_idx on outreach_contact (municipality_id, recipient_id);
      ${tenantTable('outreach_contact', { grants: ['select', 'insert', 'update'], aggregate: true })}

      -- Where a case came from: a wave, or a campaign code from a link; and a self-check.
      alter table case_file
        add column outreach_wave_id uuid,
        add column campaign_code text,
        add column self_check jsonb,
        add foreign key (municipality_id, outreach_wave_id) references outreach_wave (municipality_id, id);
      create index case_file_wave_idx on case_file (municipality_id, outreach_wave_id) where outreach_wave_id is not null;
      create index case_file_campaign_idx on case_file (municipality_id, campaign_code) where campaign_code is not null;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table case_file drop column outreach_wave_id, drop column campaign_code, drop column self_check;
      drop table outreach_contact;
      drop table outreach_wave;
      drop table outreach_recipient;
      drop table outreach_import;
    `);
  }
}
