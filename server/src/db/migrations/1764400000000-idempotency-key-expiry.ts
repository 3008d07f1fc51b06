import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency keys are only needed for retries: the app may remove a user's expired ones. */
export class IdempotencyKeyExpiry1764400000000 implements MigrationInterface {
  name = 'IdempotencyKeyExpiry1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create index idempotency_key_created_idx on idempotency_key (municipality_id, user_id, created_at);
      grant delete on idempotency_key to herorientatie_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      revoke delete on idempotency_key from herorientatie_app;
      drop index idempotency_key_created_idx;
    `);
  }
}
