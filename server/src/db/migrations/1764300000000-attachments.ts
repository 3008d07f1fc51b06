import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Documents on a case, stored in PostgreSQL; a perspective analysis may point to its report. */
export class Attachments1764300000000 implements MigrationInterface {
  name = 'Attachments1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table attachment (
        municipality_id uuid not null,
        id uuid not null default gen_random_uuid(),
        case_id uuid not null,
        filename text not null,
        content_type text not null,
        size_bytes integer not null check (size_bytes > 0 and size_bytes <= 10485760),
        sha256 text not null,
        content bytea not null,
        uploaded_by uuid not null,
        created_at timestamptz not null default now(),
        primary key (municipality_id, id),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        foreign key (municipality_id, uploaded_by) references app_user (municipality_id, id)
      );
      create index attachment_case_idx on attachment (municipality_id, case_id, created_at);
      alter table attachment enable row level security;
      alter table attachment force row level security;
      create policy tenant_isolation on attachment
        using (municipality_id = current_municipality_id())
        with check (municipality_id = current_municipality_id());
      grant select, insert on attachment to herorientatie_app;

      alter table perspective_analysis
        add foreign key (municipality_id, report_attachment_id) references attachment (municipality_id, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table perspective_analysis drop constraint perspective_analysis_municipality_id_report_attachment_id_fkey;
      drop table attachment;
    `);
  }
}
