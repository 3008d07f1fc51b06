import type { LetterKind, LetterTemplateInput, LetterheadInput } from '@herorientatie/domain';
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
              h.website, h.signatory_name as "signatoryName", h.signatory_title as "signatoryTitle"
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
