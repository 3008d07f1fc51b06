import type { MigrationInterface, QueryRunner } from 'typeorm';
import { regionTable } from '../table-kinds.ts';

const CAMPAIGN_TABLES = [
  'campaign',
  'campaign_budget_change',
  'campaign_channel',
  'campaign_expenditure',
  'campaign_reach',
];

/**
 * Campaigns, one module for both levels: the regional campaign belongs to the region and is
 * managed by a coordinator of the centre municipality; a local campaign belongs to one
 * member municipality (`owner_municipality_id`) and is managed by its manager. Region
 * tables: row-level security decides who reads and who writes.
 */
export class Campaigns1764800000000 implements MigrationInterface {
  name = 'Campaigns1764800000000';

  async up(q: QueryRunner): Promise<void> {
    const owner = `owner_municipality_id uuid references municipality (id)`;
    await q.query(`
      create table campaign (
        region_id uuid not null references region (id),
        id uuid not null default gen_random_uuid(),
        ${owner},
        name text not null,
        description text,
        period_start date not null,
        period_end date not null,
        target_segments text[] not null default '{}',
        budget_cents bigint not null check (budget_cents >= 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (region_id, id),
        check (period_end >= period_start)
      );
      create index campaign_owner_idx on campaign (region_id, owner_municipality_id);

      create table campaign_budget_change (
        region_id uuid not null,
        id uuid not null default gen_random_uuid(),
        campaign_id uuid not null,
        ${owner},
        old_cents bigint not null,
        new_cents bigint not null,
        reason text not null,
        changed_by uuid not null,
        changed_by_name text not null,
        changed_at timestamptz not null default now(),
        primary key (region_id, id),
        foreign key (region_id, campaign_id) references campaign (region_id, id)
      );
      create index campaign_budget_change_idx on campaign_budget_change (region_id, campaign_id, changed_at);

      create table campaign_channel (
        region_id uuid not null,
        id uuid not null default gen_random_uuid(),
        campaign_id uuid not null,
        ${owner},
        kind text not null,
        name text not null,
        code text not null unique check (code ~ '^[A-Z0-9-]{6,20}$'),
        budget_cents bigint not null default 0 check (budget_cents >= 0),
        created_at timestamptz not null default now(),
        primary key (region_id, id),
        foreign key (region_id, campaign_id) references campaign (region_id, id)
      );
      create index campaign_channel_campaign_idx on campaign_channel (region_id, campaign_id);

      create table campaign_expenditure (
        region_id uuid not null,
        id uuid not null default gen_random_uuid(),
        campaign_id uuid not null,
        ${owner},
        channel_id uuid,
        amount_cents bigint not null check (amount_cents > 0),
        spent_on date not null,
        supplier text not null,
        invoice_reference text,
        description text,
        override_reason text,
        recorded_by uuid not null,
        recorded_by_name text not null,
        created_at timestamptz not null default now(),
        primary key (region_id, id),
        foreign key (region_id, campaign_id) references campaign (region_id, id),
        foreign key (region_id, channel_id) references campaign_channel (region_id, id)
      );
      create index campaign_expenditure_campaign_idx on campaign_expenditure (region_id, campaign_id, spent_on);

      create table campaign_reach (
        region_id uuid not null,
        id uuid not null default gen_random_uuid(),
        campaign_id uuid not null,
        ${owner},
        channel_id uuid not null,
        period_start date not null,
        period_end date not null,
        impressions integer check (impressions >= 0),
        clicks integer check (clicks >= 0),
        visitors integer check (visitors >= 0),
        attendees integer check (attendees >= 0),
        recorded_by uuid not null,
        created_at timestamptz not null default now(),
        primary key (region_id, id),
        foreign key (region_id, campaign_id) references campaign (region_id, id),
        foreign key (region_id, channel_id) references campaign_channel (region_id, id),
        check (period_end >= period_start)
      );
      create index campaign_reach_campaign_idx on campaign_reach (region_id, campaign_id, period_start);

      ${regionTable('campaign', {
        writeRoles: ['coordinator'],
        centreOnly: true,
        local: { writeRoles: ['manager'] },
        grants: ['select', 'insert', 'update'],
      })}
      ${regionTable('campaign_budget_change', {
        writeRoles: ['coordinator'],
        centreOnly: true,
        local: { writeRoles: ['manager'] },
        grants: ['select', 'insert'],
      })}
      ${regionTable('campaign_channel', {
        writeRoles: ['coordinator'],
        centreOnly: true,
        local: { writeRoles: ['manager'] },
        grants: ['select', 'insert', 'update'],
      })}
      ${regionTable('campaign_expenditure', {
        writeRoles: ['coordinator', 'manager'],
        centreOnly: true,
        local: { writeRoles: ['manager'] },
        grants: ['select', 'insert'],
      })}
      ${regionTable('campaign_reach', {
        writeRoles: ['coordinator'],
        centreOnly: true,
        local: { writeRoles: ['manager'] },
        grants: ['select', 'insert', 'update', 'delete'],
      })}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...CAMPAIGN_TABLES].reverse()) await q.query(`drop table ${table}`);
  }
}
