import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DB_ROLES } from '../roles.ts';
import { referenceTable, systemTable, tenantTable } from '../table-kinds.ts';

const PARTNERS = [
  [
    'leerwerkloket',
    'Leerwerkloket Rijk van Nijmegen',
    'learning_work_desk',
    '{employment}',
    'Scholing, loopbaanadvies en omscholing (gefinancierd door de provincie)',
    'Aanmeldformulier per e-mail',
    'leerwerkloket@example.org',
    '{contact,address}',
  ],
  [
    'werkbedrijf',
    'WerkBedrijf Rijk van Nijmegen',
    'employment_service',
    '{employment}',
    'Bemiddeling naar (bij)baan in loondienst',
    'Aanmelding per e-mail',
    'werkbedrijf@example.org',
    '{contact,address,business}',
  ],
  [
    'schuldhulp',
    'Specialist schuldsanering',
    'debt_specialist',
    '{solve_finances}',
    'Schuldregeling en schuldsanering voor ondernemers',
    'Aanmelding per e-mail',
    'schuldhulp@example.org',
    '{contact,address,business,situation,bsn}',
  ],
  [
    'over-rood',
    'Over Rood',
    'coaching',
    '{strengthen_business,solve_finances}',
    'Coaching door vrijwilligers, meest oud-ondernemers',
    'Telefonisch of per e-mail',
    'over-rood@example.org',
    '{contact,business}',
  ],
  [
    'bbz-loket',
    'Bbz-loket',
    'bbz_desk',
    '{strengthen_business}',
    'Bbz-inkomensondersteuning en bedrijfskrediet',
    'Aanvraag via de gemeente',
    'bbz@example.org',
    '{contact,address,business,situation,bsn}',
  ],
  [
    'tonk-loket',
    'TONK-loket',
    'tonk_desk',
    '{solve_finances}',
    'Tegemoetkoming in noodzakelijke kosten (woonlasten)',
    'Aanvraag via de gemeente',
    'tonk@example.org',
    '{contact,address,bsn}',
  ],
];

/**
 * Referrals that really happen: partner organisations of the region, consent per
 * entrepreneur and partner, referrals with their lifecycle, and partner staff who see only
 * the referrals addressed to their organisation with the data consented to — enforced by
 * row-level security (`partner_access` policies on `app.partner_id`) as well as in code.
 */
export class Referrals1765200000000 implements MigrationInterface {
  name = 'Referrals1765200000000';

  async up(q: QueryRunner): Promise<void> {
    const app = DB_ROLES.app;
    await q.query(`
      create function current_partner_id() returns uuid
        language sql stable
        as $$ select case when coalesce(current_roles() @> array['partner'], false)
                          then nullif(current_setting('app.partner_id', true), '')::uuid end $$;
      grant execute on function current_partner_id() to ${app};

      create table partner_organisation (
        id uuid primary key default gen_random_uuid(),
        region_id uuid not null references region (id),
        code text not null unique,
        name text not null,
        kind text not null,
        routes text[] not null default '{}',
        services text not null,
        contact_channel text not null,
        email text,
        required_categories text[] not null default '{}'
      );
      ${referenceTable('partner_organisation')}

      -- Partner staff sign in through the provider; they belong to no municipality.
      create table partner_user (
        id uuid primary key default gen_random_uuid(),
        partner_id uuid not null references partner_organisation (id),
        subject text not null unique,
        name text not null,
        email text,
        last_login_at timestamptz not null default now()
      );
      ${systemTable('partner_user', ['select', 'insert', 'update'])}

      alter table audit_log drop constraint audit_log_actor_kind_check;
      alter table audit_log add constraint audit_log_actor_kind_check
        check (actor_kind in ('user', 'public', 'system', 'partner'));
      -- Partner staff leave audit entries in the municipality whose data they read.
      create policy partner_insert on audit_log for insert
        with check (current_partner_id() is not null and actor_kind = 'partner');

      create table consent (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        entrepreneur_id uuid not null,
        partner_id uuid not null references partner_organisation (id),
        categories text[] not null check (cardinality(categories) > 0),
        given_how text not null check (given_how in ('in_conversation', 'signed_form')),
        given_on date not null,
        document_id uuid,
        note text,
        recorded_by uuid not null,
        created_at timestamptz not null default now(),
        withdrawn_at timestamptz,
        withdrawn_by uuid,
        withdrawn_reason text,
        primary key (municipality_id, id),
        foreign key (municipality_id, entrepreneur_id) references entrepreneur (municipality_id, id),
        foreign key (municipality_id, document_id) references attachment (municipality_id, id),
        foreign key (municipality_id, recorded_by) references app_user (municipality_id, id),
        foreign key (municipality_id, withdrawn_by) references app_user (municipality_id, id),
        check ((withdrawn_at is null) = (withdrawn_reason is null))
      );
      create index consent_entrepreneur_idx on consent (municipality_id, entrepreneur_id, partner_id);
      ${tenantTable('consent', { grants: ['select', 'insert', 'update'] })}

      create table referral (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        case_id uuid not null,
        route_id uuid,
        partner_id uuid not null references partner_organisation (id),
        mode text not null check (mode in ('by_us', 'self')),
        status text not null default 'draft'
          check (status in ('draft', 'sent', 'received', 'started', 'completed', 'not_realised')),
        categories text[] not null default '{}',
        consent_id uuid,
        -- Exactly the consented data, as sent; the partner reads nothing else.
        shared_data jsonb,
        municipality_name text not null,
        note text,
        follow_up_on date not null,
        not_realised_reason text,
        cost_bearer text check (cost_bearer in ('bbz_credit', 'municipality')),
        sent_at timestamptz,
        last_change_at timestamptz not null default now(),
        reminded_on date,
        created_by uuid not null,
        -- Where status changes are reported (the caseworker who referred).
        notify_email text,
        primary key (municipality_id, id),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        foreign key (municipality_id, route_id) references case_route (municipality_id, id),
        foreign key (municipality_id, consent_id) references consent (municipality_id, id),
        foreign key (municipality_id, created_by) references app_user (municipality_id, id),
        check ((status = 'not_realised') = (not_realised_reason is not null)),
        check (mode = 'self' or status = 'draft' or shared_data is not null)
      );
      create index referral_case_idx on referral (municipality_id, case_id);
      create index referral_stalled_idx on referral (municipality_id, status, last_change_at);
      create index referral_partner_idx on referral (municipality_id, partner_id, status) where status <> 'draft';
      ${tenantTable('referral', { grants: ['select', 'insert', 'update'] })}
      create policy partner_access on referral for select
        using (partner_id = current_partner_id() and status <> 'draft');
      create policy partner_update on referral for update
        using (partner_id = current_partner_id() and status <> 'draft')
        with check (partner_id = current_partner_id());

      -- A partner's status change is reported to the caseworker and put on the case's timeline.
      create policy partner_insert on mail_outbox for insert
        with check (current_partner_id() is not null and purpose = 'referral-status');
      create policy partner_insert on case_event for insert
        with check (current_partner_id() is not null and type = 'referral' and exists (
          select 1 from referral r where r.municipality_id = case_event.municipality_id
             and r.case_id = case_event.case_id and r.partner_id = current_partner_id()));

      create table referral_event (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        referral_id uuid not null,
        status text not null,
        at timestamptz not null default clock_timestamp(),
        by_name text not null,
        note text,
        primary key (municipality_id, id),
        foreign key (municipality_id, referral_id) references referral (municipality_id, id)
      );
      create index referral_event_idx on referral_event (municipality_id, referral_id, at);
      ${tenantTable('referral_event', { grants: ['select', 'insert'] })}
      create policy partner_access on referral_event for select
        using (exists (select 1 from referral r where r.municipality_id = referral_event.municipality_id
                        and r.id = referral_event.referral_id and r.partner_id = current_partner_id()));
      create policy partner_insert on referral_event for insert
        with check (exists (select 1 from referral r where r.municipality_id = referral_event.municipality_id
                             and r.id = referral_event.referral_id and r.partner_id = current_partner_id()));
    `);
    for (const [code, name, kind, routes, services, channel, email, categories] of PARTNERS) {
      await q.query(
        `insert into partner_organisation (region_id, code, name, kind, routes, services, contact_channel, email, required_categories)
         select id, $1, $2, $3, $4, $5, $6, $7, $8 from region where code = 'rijk-van-nijmegen'`,
        [code, name, kind, routes, services, channel, email, categories],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop policy partner_insert on mail_outbox;
      drop policy partner_insert on case_event;
      drop table referral_event;
      drop table referral;
      drop table consent;
      drop policy partner_insert on audit_log;
      alter table audit_log drop constraint audit_log_actor_kind_check;
      alter table audit_log add constraint audit_log_actor_kind_check check (actor_kind in ('user', 'public', 'system'));
      drop table partner_user;
      drop table partner_organisation;
      drop function current_partner_id();
    `);
  }
}
