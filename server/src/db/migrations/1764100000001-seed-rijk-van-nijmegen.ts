import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reference data: the labour-market region Rijk van Nijmegen and its municipalities. */
export class SeedRijkVanNijmegen1764100000001 implements MigrationInterface {
  name = 'SeedRijkVanNijmegen1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `insert into region (code, name) values ('rijk-van-nijmegen', 'Rijk van Nijmegen')`,
    );
    await q.query(`
      insert into municipality (region_id, code, name, is_centre)
      select r.id, m.code, m.name, m.is_centre
        from region r,
        (values
          ('GM0268', 'Nijmegen', true),
          ('GM0296', 'Wijchen', false),
          ('GM1945', 'Berg en Dal', false),
          ('GM0209', 'Beuningen', false),
          ('GM0225', 'Druten', false),
          ('GM0252', 'Heumen', false),
          ('GM0944', 'Mook en Middelaar', false)
        ) as m (code, name, is_centre)
       where r.code = 'rijk-van-nijmegen'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      delete from municipality
       where region_id = (select id from region where code = 'rijk-van-nijmegen');
      delete from region where code = 'rijk-van-nijmegen';`);
  }
}
