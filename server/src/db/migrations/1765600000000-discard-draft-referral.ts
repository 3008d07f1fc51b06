import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DB_ROLES } from '../roles.ts';

/**
 * A referral that was never sent may be discarded. The database allows deleting a referral
 * and its events only while the referral is a draft: nothing shared can disappear.
 */
export class DiscardDraftReferral1765600000000 implements MigrationInterface {
  name = 'DiscardDraftReferral1765600000000';

  async up(q: QueryRunner): Promise<void> {
    const app = DB_ROLES.app;
    await q.query(`
      grant delete on referral, referral_event to ${app};
      create policy only_drafts_deleted on referral as restrictive for delete
        using (municipality_id = current_municipality_id() and status = 'draft');
      create policy only_drafts_deleted on referral_event as restrictive for delete
        using (municipality_id = current_municipality_id() and exists (select 1 from referral r
                        where r.municipality_id = referral_event.municipality_id
                          and r.id = referral_event.referral_id and r.status = 'draft'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    const app = DB_ROLES.app;
    await q.query(`
      drop policy only_drafts_deleted on referral_event;
      drop policy only_drafts_deleted on referral;
      revoke delete on referral, referral_event from ${app};
    `);
  }
}
