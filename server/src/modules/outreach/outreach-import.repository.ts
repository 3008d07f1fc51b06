import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';
import type { RecipientRow } from './recipient-csv.ts';

export interface ExistingRecipient {
  id: string;
  kvk_number: string | null;
  bsn: string | null;
  name: string | null;
  business_name: string | null;
  email: string | null;
  phone: string | null;
  street: string | null;
  postcode: string | null;
  house_number: string | null;
  house_number_addition: string | null;
  town: string | null;
  sbi_code: string | null;
  tozo_periods: string[];
}

const column = <T>(rows: T[], pick: (row: T) => string | null) => rows.map(pick);

/** The municipality's recipients list, written in bulk (10,000 rows in one statement). */
export class OutreachImportRepository {
  async existingKeys(): Promise<ExistingRecipient[]> {
    return currentManager().query(
      `select id, kvk_number, bsn, name, business_name, email, phone, street, postcode, house_number,
              house_number_addition, town, sbi_code, tozo_periods
         from outreach_recipient where municipality_id = $1`,
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
         postcode, house_number, sbi_code, tozo_periods, content_hash, street, house_number_addition, town,
         last_import_id)
       select $1, u.kvk, u.bsn, u.name, u.business, u.email, u.phone, u.postcode, u.house, u.sbi,
              coalesce(string_to_array(nullif(u.tozo, ''), ','), '{}'), u.hash, u.street, u.addition, u.town, $16
         from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
           as u(kvk, bsn, name, business, email, phone, postcode, house, sbi, tozo, hash, street, addition, town)`,
      [currentMunicipalityId(), ...this.columns(rows), importId],
    );
  }

  async updateMany(rows: (RecipientRow & { id: string })[], importId: string): Promise<void> {
    if (rows.length === 0) return;
    await currentManager().query(
      // A value the file does not give (null) leaves the stored one: an import never erases.
      `update outreach_recipient r set kvk_number = coalesce(u.kvk, r.kvk_number), bsn = coalesce(u.bsn, r.bsn),
              name = coalesce(u.name, r.name), business_name = coalesce(u.business, r.business_name),
              email = coalesce(u.email, r.email), phone = coalesce(u.phone, r.phone),
              postcode = coalesce(u.postcode, r.postcode), house_number = coalesce(u.house, r.house_number),
              sbi_code = coalesce(u.sbi, r.sbi_code),
              tozo_periods = coalesce(string_to_array(nullif(u.tozo, ''), ','), r.tozo_periods),
              street = coalesce(u.street, r.street),
              house_number_addition = coalesce(u.addition, r.house_number_addition),
              town = coalesce(u.town, r.town),
              content_hash = u.hash, last_import_id = $17, updated_at = now()
         from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
                     $16::uuid[])
           as u(kvk, bsn, name, business, email, phone, postcode, house, sbi, tozo, hash, street, addition, town, id)
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
      column(rows, (r) => r.tozoPeriods?.join(',') ?? null),
      column(rows, (r) => r.contentHash),
      column(rows, (r) => r.street),
      column(rows, (r) => r.houseNumberAddition),
      column(rows, (r) => r.town),
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
