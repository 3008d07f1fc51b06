import type { DuplicateCandidate, Entrepreneur, EntrepreneurInput } from '@herorientatie/domain';
import { sbiLabel } from '@herorientatie/domain';
import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';

interface Row {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  postcode: string | null;
  house_number: string | null;
  house_number_addition: string | null;
  street: string | null;
  town: string | null;
  business_name: string;
  kvk_number: string | null;
  legal_form: Entrepreneur['legalForm'];
  sbi_code: string | null;
  business_start_date: string | null;
  tozo_periods: Entrepreneur['tozoPeriods'];
  partner_income: Entrepreneur['partnerIncome'];
  bsn: string | null;
  created_at: Date;
}

const COLUMNS = `id, name, email, phone, postcode, house_number, house_number_addition, street, town, business_name, kvk_number, legal_form,
  sbi_code, to_char(business_start_date, 'YYYY-MM-DD') as business_start_date, tozo_periods,
  partner_income, bsn, created_at`;

export const maskBsn = (bsn: string | null) => (bsn ? `******${bsn.slice(-3)}` : null);

function toEntrepreneur(row: Row): Entrepreneur {
  return {
    id: row.id,
    name: row.name,
    email: row.email ?? undefined,
    phone: row.phone ?? undefined,
    postcode: row.postcode ?? undefined,
    houseNumber: row.house_number ?? undefined,
    houseNumberAddition: row.house_number_addition ?? undefined,
    street: row.street ?? undefined,
    town: row.town ?? undefined,
    businessName: row.business_name,
    kvkNumber: row.kvk_number ?? undefined,
    legalForm: row.legal_form,
    sbiCode: row.sbi_code ?? undefined,
    sbiLabel: row.sbi_code ? sbiLabel(row.sbi_code) : null,
    businessStartDate: row.business_start_date ?? undefined,
    tozoPeriods: row.tozo_periods,
    partnerIncome: row.partner_income,
    bsnMasked: maskBsn(row.bsn),
    createdAt: row.created_at.toISOString(),
  };
}

const values = (e: EntrepreneurInput) => [
  e.name,
  e.email ?? null,
  e.phone ?? null,
  e.postcode ?? null,
  e.houseNumber ?? null,
  e.businessName,
  e.kvkNumber ?? null,
  e.legalForm,
  e.sbiCode ?? null,
  e.businessStartDate ?? null,
  e.tozoPeriods,
  e.partnerIncome,
  e.bsn ?? null,
  e.houseNumberAddition ?? null,
  e.street ?? null,
  e.town ?? null,
];

/** Entrepreneurs of the current municipality. */
export class EntrepreneursRepository {
  async insert(input: EntrepreneurInput): Promise<Entrepreneur> {
    const rows: Row[] = await currentManager().query(
      `insert into entrepreneur (municipality_id, name, email, phone, postcode, house_number, business_name,
         kvk_number, legal_form, sbi_code, business_start_date, tozo_periods, partner_income, bsn,
         house_number_addition, street, town)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       returning ${COLUMNS}`,
      [currentMunicipalityId(), ...values(input)],
    );
    return toEntrepreneur(rows[0]!);
  }

  async update(
    id: string,
    input: EntrepreneurInput,
    keepBsn: boolean,
  ): Promise<Entrepreneur | null> {
    // TypeORM answers an UPDATE with [returned rows, affected count].
    const [rows]: [Row[], number] = await currentManager().query(
      `update entrepreneur set name = $3, email = $4, phone = $5, postcode = $6, house_number = $7,
         business_name = $8, kvk_number = $9, legal_form = $10, sbi_code = $11, business_start_date = $12,
         tozo_periods = $13, partner_income = $14, bsn = case when $19 then bsn else $15 end,
         house_number_addition = $16, street = $17, town = $18, updated_at = now()
       where municipality_id = $1 and id = $2
       returning ${COLUMNS}`,
      [currentMunicipalityId(), id, ...values(input), keepBsn],
    );
    return rows[0] ? toEntrepreneur(rows[0]) : null;
  }

  async findById(id: string): Promise<Entrepreneur | null> {
    const rows: Row[] = await currentManager().query(
      `select ${COLUMNS} from entrepreneur where municipality_id = $1 and id = $2`,
      [currentMunicipalityId(), id],
    );
    return rows[0] ? toEntrepreneur(rows[0]) : null;
  }

  async findBsn(id: string): Promise<string | null | undefined> {
    const rows = await currentManager().query(
      `select bsn from entrepreneur where municipality_id = $1 and id = $2`,
      [currentMunicipalityId(), id],
    );
    return rows[0] ? rows[0].bsn : undefined;
  }

  /** Another entrepreneur with the same KvK number or BSN, for a clear duplicate message. */
  async findDuplicate(
    kvkNumber: string | undefined,
    bsn: string | undefined,
    exceptId?: string,
  ): Promise<{ field: 'kvkNumber' | 'bsn'; name: string; businessName: string } | null> {
    if (!kvkNumber && !bsn) return null;
    const rows = await currentManager().query(
      `select name, business_name, kvk_number = $2 as kvk_match from entrepreneur
        where municipality_id = $1 and (kvk_number = $2 or bsn = $3) and id is distinct from $4
        limit 1`,
      [currentMunicipalityId(), kvkNumber ?? null, bsn ?? null, exceptId ?? null],
    );
    if (!rows[0]) return null;
    return {
      field: rows[0].kvk_match ? 'kvkNumber' : 'bsn',
      name: rows[0].name,
      businessName: rows[0].business_name,
    };
  }

  /** The entrepreneur a sign-up is about: the same KvK number, else the same e-mail address. */
  async findForSignUp(kvkNumber: string | undefined, email: string): Promise<string | null> {
    const rows = await currentManager().query(
      `select id from entrepreneur
        where municipality_id = $1 and ((kvk_number = $2) or ($2::text is null and lower(email) = lower($3)))
        order by created_at limit 1`,
      [currentMunicipalityId(), kvkNumber ?? null, email],
    );
    return rows[0]?.id ?? null;
  }

  async search(q: string | undefined, limit: number): Promise<Entrepreneur[]> {
    const rows: Row[] = await currentManager().query(
      `select ${COLUMNS} from entrepreneur
        where municipality_id = $1
          and ($2::text is null or lower(name) like $2 or lower(business_name) like $2 or kvk_number = $3)
        order by lower(name), id limit $4`,
      [
        currentMunicipalityId(),
        q ? `%${q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%` : null,
        q ?? null,
        limit,
      ],
    );
    return rows.map(toEntrepreneur);
  }

  /** Entrepreneurs at the same postcode with a similar name, with their latest case. */
  async possibleDuplicates(name: string, postcode: string, limit: number) {
    return (await currentManager().query(
      `select e.id, e.name, e.business_name as "businessName", c.id as "caseId",
              c.reference as "caseReference"
         from entrepreneur e
         left join lateral (
           select id, reference from case_file
            where municipality_id = e.municipality_id and entrepreneur_id = e.id
            order by registered_at desc limit 1) c on true
        where e.municipality_id = $1 and e.postcode = $2
          and (lower(e.name) = lower($3) or similarity(lower(e.name), lower($3)) >= 0.4)
        order by similarity(lower(e.name), lower($3)) desc, e.id limit $4`,
      [currentMunicipalityId(), postcode, name, limit],
    )) as DuplicateCandidate[];
  }
}
