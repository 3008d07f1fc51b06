import type { DataSource } from 'typeorm';
import { Municipality } from './municipality.entity.ts';

/** Reference data is not tenant data: it is read outside a tenant unit of work. */
export class ReferenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  findMunicipalityByCode(code: string): Promise<Municipality | null> {
    return this.dataSource
      .getRepository(Municipality)
      .findOne({ where: { code }, relations: { region: true } });
  }

  findMunicipalityById(id: string): Promise<Municipality | null> {
    return this.dataSource
      .getRepository(Municipality)
      .findOne({ where: { id }, relations: { region: true } });
  }

  /**
   * The municipalities of a four-digit postcode area that work with this system, with their
   * regions (from the national CBS relation; an area spanning two has a row for each).
   */
  async municipalitiesOfPostcode(
    postcode4: string,
  ): Promise<{ id: string; code: string; name: string; regionId: string; regionName: string }[]> {
    return this.dataSource.query(
      `select m.id, m.code, m.name, m.region_id as "regionId", r.name as "regionName"
         from postcode_municipality p join municipality m on m.code = p.municipality_code
         join region r on r.id = m.region_id
        where p.postcode4 = $1 order by p.addresses desc nulls last, m.name`,
      [postcode4],
    );
  }

  /** Every municipality of a postcode area in the country, most addresses first. */
  async postcodeArea(
    postcode4: string,
  ): Promise<{ code: string; name: string; addresses: number | null }[]> {
    return this.dataSource.query(
      `select municipality_code as code, municipality_name as name, addresses
         from postcode_municipality where postcode4 = $1 order by addresses desc nulls last, municipality_name`,
      [postcode4],
    );
  }

  /** Source and reference date of a loaded reference dataset. */
  async dataset(
    name: string,
  ): Promise<{ source: string; referenceDate: string; rowCount: number } | null> {
    const rows = await this.dataSource.query(
      `select source, to_char(reference_date, 'YYYY-MM-DD') as "referenceDate", row_count as "rowCount"
         from reference_dataset where name = $1`,
      [name],
    );
    return rows[0] ?? null;
  }

  /** The regions with their municipalities, for the header of the public pages. */
  async publicRegions(): Promise<
    { name: string; municipalities: { code: string; name: string }[] }[]
  > {
    return this.dataSource.query(
      `select r.name, json_agg(json_build_object('code', m.code, 'name', m.name) order by m.name) as municipalities
         from region r join municipality m on m.region_id = r.id group by r.id, r.name order by r.name`,
    );
  }

  /** Names of the region's active partner organisations (for the privacy statement). */
  async partnerNames(regionId: string): Promise<string[]> {
    const rows: { name: string }[] = await this.dataSource.query(
      'select name from partner_organisation where region_id = $1 order by name',
      [regionId],
    );
    return rows.map((r) => r.name);
  }

  async findPartnerByCode(
    code: string,
  ): Promise<{ id: string; regionId: string; name: string } | null> {
    const rows = await this.dataSource.query(
      'select id, region_id as "regionId", name from partner_organisation where code = $1',
      [code],
    );
    return rows[0] ?? null;
  }

  async partnerById(id: string): Promise<{ id: string; name: string } | null> {
    const rows = await this.dataSource.query(
      'select id, name from partner_organisation where id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  /** Partner staff are recorded at login (a system table: they belong to no municipality). */
  async upsertPartnerUser(user: {
    partnerId: string;
    subject: string;
    name: string;
    email: string | null;
  }): Promise<string> {
    const rows = await this.dataSource.query(
      `insert into partner_user (partner_id, subject, name, email) values ($1, $2, $3, $4)
       on conflict (subject) do update set partner_id = excluded.partner_id, name = excluded.name,
         email = excluded.email, last_login_at = now()
       returning id`,
      [user.partnerId, user.subject, user.name, user.email],
    );
    return rows[0].id;
  }

  partners(regionId: string) {
    return this.dataSource.query(
      `select id, code, name, kind, routes, services, contact_channel as "contactChannel", email,
              required_categories as "requiredCategories"
         from partner_organisation where region_id = $1 order by name`,
      [regionId],
    );
  }

  listMunicipalities(): Promise<Municipality[]> {
    return this.dataSource
      .getRepository(Municipality)
      .find({ relations: { region: true }, order: { name: 'ASC' } });
  }
}
