import type {
  LetterKind,
  LetterTemplateInput,
  LetterheadInput,
  PrivacySettingsInput,
} from '@herorientatie/domain';
import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';

const q = (sql: string, params: unknown[]) => currentManager().query(sql, params);
const iso = (c: string) => `to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface StoredTemplate {
  kind: LetterKind;
  subject: string;
  body: string;
  updatedAt: string;
  updatedBy: string;
}

export interface LetterheadRow {
  municipality: string;
  department: string | null;
  addressLines: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  logo: Buffer | null;
  logoType: string | null;
}

/** The current municipality's letter templates and letterhead. */
export class LettersRepository {
  templates(): Promise<StoredTemplate[]> {
    return q(
      `select t.kind, t.subject, t.body, ${iso('t.updated_at')} as "updatedAt", u.name as "updatedBy"
         from letter_template t
         join app_user u on u.municipality_id = t.municipality_id and u.id = t.updated_by
        where t.municipality_id = $1`,
      [currentMunicipalityId()],
    );
  }

  async template(kind: LetterKind): Promise<StoredTemplate | null> {
    return (await this.templates()).find((t) => t.kind === kind) ?? null;
  }

  async saveTemplate(kind: LetterKind, input: LetterTemplateInput, by: string): Promise<void> {
    await q(
      `insert into letter_template (municipality_id, kind, subject, body, updated_by)
       values ($1, $2, $3, $4, $5)
       on conflict (municipality_id, kind) do update
         set subject = excluded.subject, body = excluded.body, updated_by = excluded.updated_by,
             updated_at = now(), version = letter_template.version + 1`,
      [currentMunicipalityId(), kind, input.subject, input.body, by],
    );
  }

  async letterhead(): Promise<LetterheadRow> {
    const rows = await q(
      `select m.name as municipality, h.department, h.address_lines as "addressLines", h.phone, h.email,
              h.website, h.signatory_name as "signatoryName", h.signatory_title as "signatoryTitle",
              h.logo, h.logo_type as "logoType"
         from municipality m left join letterhead h on h.municipality_id = m.id
        where m.id = $1`,
      [currentMunicipalityId()],
    );
    return rows[0];
  }

  async saveLetterhead(input: LetterheadInput, by: string): Promise<void> {
    await q(
      `insert into letterhead (municipality_id, department, address_lines, phone, email, website,
                               signatory_name, signatory_title, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (municipality_id) do update
         set department = excluded.department, address_lines = excluded.address_lines,
             phone = excluded.phone, email = excluded.email, website = excluded.website,
             signatory_name = excluded.signatory_name, signatory_title = excluded.signatory_title,
             updated_by = excluded.updated_by, updated_at = now()`,
      [
        currentMunicipalityId(),
        input.department ?? null,
        input.addressLines ?? null,
        input.phone ?? null,
        input.email ?? null,
        input.website ?? null,
        input.signatoryName,
        input.signatoryTitle ?? null,
        by,
      ],
    );
  }

  /** Sets or removes the logo; the letterhead must exist (saved once with its signatory). */
  async saveLogo(logo: { content: Buffer; type: string } | null, by: string): Promise<boolean> {
    const [, count] = await currentManager().query(
      `update letterhead set logo = $2, logo_type = $3, updated_by = $4, updated_at = now()
        where municipality_id = $1`,
      [currentMunicipalityId(), logo?.content ?? null, logo?.type ?? null, by],
    );
    return count > 0;
  }

  async privacySettings(): Promise<(PrivacySettingsInput & { updatedAt: string }) | null> {
    const rows = await q(
      `select controller, contact_email as "contactEmail", contact_phone as "contactPhone",
              dpo_name as "dpoName", dpo_email as "dpoEmail", dpo_phone as "dpoPhone",
              legal_basis as "legalBasis", advisor_organisation as "advisorOrganisation",
              retention_years as "retentionYears", ${iso('updated_at')} as "updatedAt"
         from privacy_settings where municipality_id = $1`,
      [currentMunicipalityId()],
    );
    return rows[0] ?? null;
  }

  async savePrivacySettings(input: PrivacySettingsInput, by: string): Promise<void> {
    await q(
      `insert into privacy_settings (municipality_id, controller, contact_email, contact_phone, dpo_name,
         dpo_email, dpo_phone, legal_basis, advisor_organisation, retention_years, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (municipality_id) do update set controller = excluded.controller,
         contact_email = excluded.contact_email, contact_phone = excluded.contact_phone,
         dpo_name = excluded.dpo_name, dpo_email = excluded.dpo_email, dpo_phone = excluded.dpo_phone,
         legal_basis = excluded.legal_basis, advisor_organisation = excluded.advisor_organisation,
         retention_years = excluded.retention_years, updated_by = excluded.updated_by, updated_at = now()`,
      [
        currentMunicipalityId(),
        input.controller,
        input.contactEmail ?? null,
        input.contactPhone ?? null,
        input.dpoName ?? null,
        input.dpoEmail,
        input.dpoPhone ?? null,
        input.legalBasis,
        input.advisorOrganisation ?? null,
        input.retentionYears,
        by,
      ],
    );
  }

  /** The partner and date of a referral of the case, for the referral letter. */
  async referral(
    caseId: string,
    referralId: string,
  ): Promise<{ partner: string; sentAt: string } | null> {
    const rows = await q(
      `select p.name as partner, ${iso('coalesce(r.sent_at, r.last_change_at)')} as "sentAt"
         from referral r join partner_organisation p on p.id = r.partner_id
        where r.municipality_id = $1 and r.case_id = $2 and r.id = $3`,
      [currentMunicipalityId(), caseId, referralId],
    );
    return rows[0] ?? null;
  }
}
