import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';
import type { RecipientRow } from './recipient-csv.ts';

export interface ExistingRecipient {
  id: string;
  kvk_number: string | null;
  bsn: string | null;
  content_hash: string;
}

const column = <T>(rows: T[], pick: (row: T) => string | null) => rows.map(pick);

/** The municipality's recipients list, written in bulk (10,000 rows in one statement). */
export class OutreachImportRepository {
  async existingKeys(): Promise<ExistingRecipient[]> {
    return currentManager().query(
      `select id, kvk_number, bsn, content_hash from outreach_recipient where municipality_id = $1`,
      [currentMunicipalityId()],
    );
  }

  async recordImport(values: {
    filename: string;
    encoding: string;
    mode: string;
    rows: number;
    counts: { new: number; updated: number; unchanged: number; rejected: number };
    importedBy: string;
  }): Promise<string> {
    const rows = await currentManager().query(
      `insert into outreach_import (municipality_id, filename, encoding, mode, rows, new_count, updated_count,
         unchanged_count, rejected_count, imported_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [
        currentMunicipalityId(),
        values.filename,
        values.encoding,
        values.mode,
        values.rows,
        values.counts.new,
        values.counts.updated,
        values.counts.unchanged,
        values.counts.rejected,
        values.importedBy,
      ],
    );
    return rows[0].id;
  }

  async insertMany(rows: RecipientRow[], importId: string): Promise<void> {
    if (rows.length === 0) return;
    await currentManager().query(
      `insert into outreach_recipient (municipality_id, kvk_number, bsn, name, business_name, email, phone,
         postcode, house_number, sbi_code, tozo_periods, content_hash, last_import_id)
       select $1, u.kvk, u.bsn, u.name, u.business, u.email, u.phone, u.postcode, u.house, u.sbi,
              coalesce(string_to_array(nullif(u.tozo, ''), ','), '{}'), u.hash, $13
         from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::text[])
           as u(kvk, bsn, name, business, email, phone, postcode, house, sbi, tozo, hash)`,
      [currentMunicipalityId(), ...this.columns(rows), importId],
    );
  }

  async updateMany(rows: (RecipientRow & { id: string })[], importId: string): Promise<void> {
    if (rows.length === 0) return;
    await currentManager().query(
      `update outreach_recipient r set kvk_number = coalesce(u.kvk, r.kvk_number), bsn = coalesce(u.bsn, r.bsn),
              name = u.name, business_name = u.business, email = u.email, phone = u.phone, postcode = u.postcode,
              house_number = u.house, sbi_code = u.sbi,
              tozo_periods = coalesce(string_to_array(nullif(u.tozo, ''), ','), '{}'),
              content_hash = u.hash, last_import_id = $14, updated_at = now()
         from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::text[], $13::uuid[])
           as u(kvk, bsn, name, business, email, phone, postcode, house, sbi, tozo, hash, id)
        where r.municipality_id = $1 and r.id = u.id`,
      [currentMunicipalityId(), ...this.columns(rows), rows.map((r) => r.id), importId],
    );
  }

  private columns(rows: RecipientRow[]) {
    return [
      column(rows, (r) => r.kvkNumber),
      column(rows, (r) => r.bsn),
      column(rows, (r) => r.name),
      column(rows, (r) => r.businessName),
      column(rows, (r) => r.email),
      column(rows, (r) => r.phone),
      column(rows, (r) => r.postcode),
      column(rows, (r) => r.houseNumber),
      column(rows, (r) => r.sbiCode),
      column(rows, (r) => r.tozoPeriods.join(',')),
      column(rows, (r) => r.contentHash),
    ];
  }

  listImports(): Promise<
    {
      id: string;
      filename: string;
      mode: string;
      rows: number;
      counts: { new: number; updated: number; unchanged: number; rejected: number };
      importedBy: string;
      importedAt: string;
    }[]
  > {
    return currentManager().query(
      `select i.id, i.filename, i.mode, i.rows,
              json_build_object('new', i.new_count, 'updated', i.updated_count, 'unchanged', i.unchanged_count,
                                'rejected', i.rejected_count) as counts,
              u.name as "importedBy",
              to_char(i.imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "importedAt"
         from outreach_import i
         join app_user u on u.municipality_id = i.municipality_id and u.id = i.imported_by
        where i.municipality_id = $1 order by i.imported_at desc limit 50`,
      [currentMunicipalityId()],
    );
  }
}
