import type { MigrationInterface, QueryRunner } from 'typeorm';
import { systemTable } from '../table-kinds.ts';

/**
 * Rate-limit counters shared by every app instance: a login or sign-up limit counts the
 * requests of one address across all replicas. The key is a hash of limiter and address,
 * so the table holds no IP address.
 */
export class RateLimit1765950000000 implements MigrationInterface {
  name = 'RateLimit1765950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table rate_limit (
        key text primary key,
        hits integer not null check (hits >= 0),
        reset_at timestamptz not null
      );
      create index rate_limit_reset_at_idx on rate_limit (reset_at);
      ${systemTable('rate_limit', ['select', 'insert', 'update', 'delete'])}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table rate_limit;`);
  }
}
