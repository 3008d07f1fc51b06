import type { MigrationInterface, QueryRunner } from 'typeorm';
import { referenceTable } from '../table-kinds.ts';

/**
 * Four-digit postcode areas per municipality, so a public sign-up reaches the right
 * municipality. An area that spans two municipalities (Molenhoek: Heumen and Mook en
 * Middelaar) has a row for each; the page then asks. Demo data for Rijk van Nijmegen: a
 * deployment loads the full table of its regions.
 */
const AREAS: Record<string, string[]> = {
  GM0268: [...Array.from({ length: 47 }, (_, i) => String(6500 + i))],
  GM0296: ['6600', '6601', '6602', '6603', '6604', '6605', '6606', '6615', '6616', '6617', '6634'],
  GM1945: [
    '6561',
    '6562',
    '6564',
    '6565',
    '6566',
    '6571',
    '6572',
    '6573',
    '6574',
    '6575',
    '6576',
    '6577',
    '6578',
    '6579',
  ],
  GM0209: ['6551', '6640', '6641', '6642', '6643', '6644', '6645'],
  GM0225: ['6650', '6651', '6652', '6653', '6654', '6655', '6656', '6657', '6658'],
  GM0252: ['6580', '6581', '6582', '6583', '6584', '6611', '6612'],
  GM0944: ['6584', '6585', '6586', '6587', '6595'],
};

export class PublicSignUp1764900000000 implements MigrationInterface {
  name = 'PublicSignUp1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table postcode_area (
        postcode4 text not null check (postcode4 ~ '^[1-9][0-9]{3}$'),
        -- Not named municipality_id: this is reference data, not a tenant's row.
        area_municipality_id uuid not null references municipality (id),
        primary key (postcode4, area_municipality_id)
      );
      ${referenceTable('postcode_area')}
    `);
    for (const [code, areas] of Object.entries(AREAS)) {
      await q.query(
        `insert into postcode_area (postcode4, area_municipality_id)
         select unnest($1::text[]), id from municipality where code = $2`,
        [areas, code],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table postcode_area');
  }
}
