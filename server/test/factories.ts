import type pg from 'pg';
import { actors, type SystemActor } from '../src/context/actor.ts';

export interface MunicipalityRef {
  id: string;
  code: string;
  name: string;
  regionId: string;
}

export async function municipality(admin: pg.Pool, code: string): Promise<MunicipalityRef> {
  const result = await admin.query(
    'select id, code, name, region_id as "regionId" from municipality where code = $1',
    [code],
  );
  if (!result.rows[0]) throw new Error(`No municipality ${code}`);
  return result.rows[0];
}

/** Inserts a user directly (as superuser), for arranging tenant data. */
export async function createUser(
  admin: pg.Pool,
  municipalityId: string,
  overrides: Partial<{ subject: string; name: string; roles: string[] }> = {},
): Promise<{ id: string; municipalityId: string }> {
  const subject = overrides.subject ?? `user-${Math.random().toString(36).slice(2)}`;
  const result = await admin.query(
    `insert into app_user (municipality_id, subject, name, roles) values ($1, $2, $3, $4) returning id`,
    [municipalityId, subject, overrides.name ?? subject, overrides.roles ?? ['caseworker']],
  );
  return { id: result.rows[0].id, municipalityId };
}

/** The system acting for a municipality, for units of work in tests. */
export function systemActor(m: MunicipalityRef, label = 'test'): SystemActor {
  return actors.system(m, label);
}

/** An audit entry as a user would leave it; the stamp trigger needs an actor in the transaction. */
export async function createAuditEntry(admin: pg.Pool, municipalityId: string, userId: string) {
  await admin.query(
    // eslint-disable-next-line no-restricted-syntax -- arranging test data as superuser
    `with who as (select set_config('app.actor', 'user', true) as a, set_config('app.user_id', $2, true) as u)
     insert into audit_log (municipality_id, action, object_type, object_id)
     select $1, 'read', 'test', 'x' from who`,
    [municipalityId, userId],
  );
}

/** Every table that holds tenant data, read from the catalog. */
export async function tenantTables(admin: pg.Pool): Promise<string[]> {
  const result = await admin.query<{ table: string }>(
    `select c.relname as table
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attname = 'municipality_id' and not a.attisdropped
      where c.relkind in ('r', 'p') and n.nspname = 'public'
      order by 1`,
  );
  return result.rows.map((r) => r.table);
}

/** Gives every tenant table at least one row for the municipality (extend per new table). */
export async function seedEveryTenantTable(admin: pg.Pool, municipalityId: string): Promise<void> {
  const user = await createUser(admin, municipalityId);
  await createAuditEntry(admin, municipalityId, user.id);
  const entrepreneur = await admin.query(
    `insert into entrepreneur (municipality_id, name, business_name, legal_form, kvk_number)
     values ($1, 'Test Ondernemer', 'Test BV', 'bv', lpad((random() * 99999999)::int::text, 8, '0')) returning id`,
    [municipalityId],
  );
  await admin.query(`insert into case_counter (municipality_id, last_number) values ($1, 1)`, [
    municipalityId,
  ]);
  const caseFile = await admin.query(
    `insert into case_file (municipality_id, reference, entrepreneur_id, status, source, urgency, other_support)
     values ($1, 'HO-TEST-' || substr(md5(random()::text), 1, 8), $2, 'in_progress', 'other', 'normal', 'none') returning id`,
    [municipalityId, entrepreneur.rows[0].id],
  );
  const caseId = caseFile.rows[0].id;
  await admin.query(
    `insert into intake (municipality_id, case_id, date, mode, viability, bbz_options, recorded_by)
     values ($1, $2, current_date, 'video', 'viable', '{none}', $3)`,
    [municipalityId, caseId, user.id],
  );
  await admin.query(
    `insert into perspective_analysis (municipality_id, case_id, provider, date, conclusion, recorded_by)
     values ($1, $2, 'Adviesbureau', current_date, 'Perspectief', $3)`,
    [municipalityId, caseId, user.id],
  );
  await admin.query(
    `insert into case_route (municipality_id, case_id, type, start_date) values ($1, $2, 'employment', current_date)`,
    [municipalityId, caseId],
  );
  await admin.query(
    `insert into coaching (municipality_id, case_id, organisation, coach, start_date) values ($1, $2, 'Over Rood', 'Coach', current_date)`,
    [municipalityId, caseId],
  );
  await admin.query(
    `insert into contact (municipality_id, case_id, occurred_at, channel, user_id, summary) values ($1, $2, now(), 'phone', $3, 'Gebeld')`,
    [municipalityId, caseId, user.id],
  );
  await admin.query(
    `insert into case_event (municipality_id, case_id, type, summary, actor_id) values ($1, $2, 'registered', 'Aangemeld', $3)`,
    [municipalityId, caseId, user.id],
  );
  await admin.query(
    `insert into attachment (municipality_id, case_id, filename, content_type, size_bytes, sha256, content, uploaded_by)
     values ($1, $2, 'rapport.pdf', 'application/pdf', 4, 'x', '\\x25504446', $3)`,
    [municipalityId, caseId, user.id],
  );
  await admin.query(
    `insert into record_version (municipality_id, case_id, record_type, record_id, version, data, reason, replaced_by)
     select municipality_id, case_id, 'contact', id, 1, '{}', 'correctie', $2 from contact
      where municipality_id = $1 limit 1`,
    [municipalityId, user.id],
  );
  const outreachImport = await admin.query(
    `insert into outreach_import (municipality_id, filename, encoding, mode, rows, new_count, updated_count,
       unchanged_count, rejected_count, imported_by)
     values ($1, 'tozo.csv', 'utf-8', 'valid-rows', 1, 1, 0, 0, 0, $2) returning id`,
    [municipalityId, user.id],
  );
  const recipient = await admin.query(
    `insert into outreach_recipient (municipality_id, kvk_number, name, content_hash, last_import_id)
     values ($1, lpad((random() * 99999999)::int::text, 8, '0'), 'Ontvanger', 'h', $2) returning id`,
    [municipalityId, outreachImport.rows[0].id],
  );
  const wave = await admin.query(
    `insert into outreach_wave (municipality_id, name, channel, planned_date, created_by)
     values ($1, 'Ronde 1', 'letter', current_date, $2) returning id`,
    [municipalityId, user.id],
  );
  await admin.query(
    `insert into outreach_contact (municipality_id, wave_id, recipient_id, case_id)
     values ($1, $2, $3, $4)`,
    [municipalityId, wave.rows[0].id, recipient.rows[0].id, caseId],
  );
  await admin.query(
    `insert into sign_up_receipt (municipality_id, receipt, case_id)
     values ($1, 'AM-' || upper(substr(translate(md5(random()::text), '01', 'AB'), 1, 4)) || '-ABCD', $2)`,
    [municipalityId, caseId],
  );
  await admin.query(
    `insert into privacy_settings (municipality_id, controller, dpo_email, legal_basis, retention_years, updated_by)
     values ($1, 'College van B en W', 'fg@example.org', 'Raadsbesluit', 7, $2)`,
    [municipalityId, user.id],
  );
  const partner = await admin.query(`select id from partner_organisation limit 1`);
  const consent = await admin.query(
    `insert into consent (municipality_id, entrepreneur_id, partner_id, categories, given_how, given_on, recorded_by)
     values ($1, $2, $3, '{contact}', 'in_conversation', current_date, $4) returning id`,
    [municipalityId, entrepreneur.rows[0].id, partner.rows[0].id, user.id],
  );
  const referral = await admin.query(
    `insert into referral (municipality_id, case_id, partner_id, mode, status, categories, consent_id, shared_data,
       municipality_name, follow_up_on, sent_at, created_by)
     values ($1, $2, $3, 'by_us', 'sent', '{contact}', $4, '{}', 'Test', current_date, now(), $5) returning id`,
    [municipalityId, caseId, partner.rows[0].id, consent.rows[0].id, user.id],
  );
  await admin.query(
    `insert into referral_event (municipality_id, referral_id, status, by_name) values ($1, $2, 'sent', 'Test')`,
    [municipalityId, referral.rows[0].id],
  );
  await admin.query(
    `insert into tonk_application (municipality_id, name, self_employed, monthly_housing_costs_cents, requested_cents,
       period_from, period_to, received_on, created_by)
     values ($1, 'Aanvrager', true, 90000, 150000, '2021-01-01', '2021-06-30', current_date, $2)`,
    [municipalityId, user.id],
  );
  await admin.query(
    `insert into bbz_request (municipality_id, case_id, kind, requested_on, created_by)
     values ($1, $2, 'income_support', current_date, $3)`,
    [municipalityId, caseId, user.id],
  );
  const contract = await admin.query(
    `insert into contract (municipality_id, provider, service_type, price_cents, valid_from, created_by)
     values ($1, 'Aanbieder', 'intake', 15000, '2021-01-01', $2) returning id`,
    [municipalityId, user.id],
  );
  await admin.query(
    `insert into cost_line (municipality_id, case_id, service_type, contract_id, provider, amount_cents, kind, event_key, occurred_on)
     values ($1, $2, 'intake', $3, 'Aanbieder', 15000, 'charge', $4, current_date)`,
    [municipalityId, caseId, contract.rows[0].id, `intake:${caseId}`],
  );
  await admin.query(
    `insert into budget (municipality_id, year, updated_by) values ($1, 2021, $2)`,
    [municipalityId, user.id],
  );
  await admin.query(
    `insert into provider_statement (municipality_id, provider, month, status, updated_by)
     values ($1, 'Aanbieder', '2021-03-01', 'open', $2)`,
    [municipalityId, user.id],
  );
  await admin.query(
    `insert into case_action (municipality_id, case_id, title, due_on, created_by) values ($1, $2, 'Bel terug', current_date, $3)`,
    [municipalityId, caseId, user.id],
  );
  await admin.query(
    `insert into case_note (municipality_id, case_id, text, author_id) values ($1, $2, 'Notitie', $3)`,
    [municipalityId, caseId, user.id],
  );
  await admin.query(
    `insert into letter_template (municipality_id, kind, subject, body, updated_by)
     values ($1, 'confirmation', 'Bevestiging', 'Beste {{naam}}', $2)`,
    [municipalityId, user.id],
  );
  await admin.query(
    `insert into letterhead (municipality_id, signatory_name, updated_by) values ($1, 'J. de Vries', $2)`,
    [municipalityId, user.id],
  );
  await admin.query(
    `insert into mail_outbox (municipality_id, purpose, to_address, subject, text_body)
     values ($1, 'test', 'a@example.org', 'Onderwerp', 'Tekst')`,
    [municipalityId],
  );
  await admin.query(
    `insert into idempotency_key (municipality_id, user_id, key, request_hash) values ($1, $2, 'k-' || random(), 'h')`,
    [municipalityId, user.id],
  );
}
