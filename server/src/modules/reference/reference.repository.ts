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

  /** The municipalities of a four-digit postcode area, with their regions. */
  async municipalitiesOfPostcode(
    postcode4: string,
  ): Promise<{ id: string; code: string; name: string; regionId: string; regionName: string }[]> {
    return this.dataSource.query(
      `select m.id, m.code, m.name, m.region_id as "regionId", r.name as "regionName"
         from postcode_area p join municipality m on m.id = p.area_municipality_id join region r on r.id = m.region_id
        where p.postcode4 = $1 order by m.name`,
      [postcode4],
    );
  }

  listMunicipalities(): Promise<Municipality[]> {
    return this.dataSource
      .getRepository(Municipality)
      .find({ relations: { region: true }, order: { name: 'ASC' } });
  }
}
