import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantTable } from '../table-kinds.ts';

/**
 * The mail outbox: a message is written here in the same transaction as the change that
 * causes it, with a job on the queue; a worker sends it. Per municipality, because a
 * message is personal data of that municipality's entrepreneur.
 */
export class MailOutbox1764700000000 implements MigrationInterface {
  name = 'MailOutbox1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table mail_outbox (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        purpose text not null,
        to_address text not null,
        subject text not null,
        text_body text not null,
        status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
        attempts integer not null default 0,
        last_error text,
        message_id text,
        created_at timestamptz not null default now(),
        sent_at timestamptz,
        primary key (municipality_id, id),
        check ((status = 'sent') = (sent_at is not null))
      );
      create index mail_outbox_created_idx on mail_outbox (municipality_id, created_at desc);
      ${tenantTable('mail_outbox', { grants: ['select', 'insert', 'update'] })}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table mail_outbox');
  }
}
