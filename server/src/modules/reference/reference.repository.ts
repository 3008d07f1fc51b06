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

  listMunicipalities(): Promise<Municipality[]> {
    return this.dataSource
      .getRepository(Municipality)
      .find({ relations: { region: true }, order: { name: 'ASC' } });
  }
}
