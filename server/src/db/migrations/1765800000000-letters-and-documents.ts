import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DB_ROLES } from '../roles.ts';
import { tenantTable } from '../table-kinds.ts';

/**
 * Letters from templates and documents that say what they are:
 * - `letter_template`: a municipality's own text per kind of letter (the built-in text
 *   applies until it writes one); `letterhead`: its letterhead and signatory;
 * - documents get a type and a description, and can be removed with a reason: the file's
 *   content is erased, what it was and why it went stay (and the audit log keeps the
 *   reason). The application may change only those columns;
 * - an outbox message may carry one case document (a letter sent by e-mail).
 */
export class LettersAndDocuments1765800000000 implements MigrationInterface {
  name = 'LettersAndDocuments1765800000000';

  async up(q: QueryRunner): Promise<void> {
    const app = DB_ROLES.app;
    await q.query(`
      create table letter_template (
        municipality_id uuid not null references municipality (id),
        kind text not null check (kind in ('intake-invitation', 'confirmation', 'closing', 'referral')),
        subject text not null,
        body text not null,
        version integer not null default 1,
        updated_by uuid not null,
        updated_at timestamptz not null default now(),
        primary key (municipality_id, kind),
        foreign key (municipality_id, updated_by) references app_user (municipality_id, id)
      );
      ${tenantTable('letter_template', { grants: ['select', 'insert', 'update'] })}

      create table letterhead (
        municipality_id uuid not null references municipality (id),
        department text,
        address_lines text,
        phone text,
        email text,
        website text,
        signatory_name text,
        signatory_title text,
        updated_by uuid not null,
        updated_at timestamptz not null default now(),
        primary key (municipality_id),
        foreign key (municipality_id, updated_by) references app_user (municipality_id, id)
      );
      ${tenantTable('letterhead', { grants: ['select', 'insert', 'update'] })}

      alter table attachment
        add column document_type text not null default 'other'
          check (document_type in ('letter', 'consent', 'report', 'financial', 'correspondence', 'other')),
        add column description text,
        add column removed_at timestamptz,
        add column removed_by uuid,
        add column removed_reason text,
        alter column content drop not null,
        add foreign key (municipality_id, removed_by) references app_user (municipality_id, id),
        add constraint attachment_removed_erases check (
          (removed_at is null and content is not null and removed_reason is null)
          or (removed_at is not null and content is null and removed_reason is not null));
      grant update (content, removed_at, removed_by, removed_reason) on attachment to ${app};

      alter table mail_outbox
        add column attachment_id uuid,
        add foreign key (municipality_id, attachment_id) references attachment (municipality_id, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    const app = DB_ROLES.app;
    await q.query(`
      alter table mail_outbox drop column attachment_id;
      revoke update (content, removed_at, removed_by, removed_reason) on attachment from ${app};
      delete from attachment where content is null;
      alter table attachment
        drop constraint attachment_removed_erases,
        drop column removed_reason, drop column removed_by, drop column removed_at,
        drop column description, drop column document_type,
        alter column content set not null;
      drop table letterhead;
      drop table letter_template;
    `);
  }
}
