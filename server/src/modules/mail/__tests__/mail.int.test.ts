import { expect } from 'chai';
import nodemailer from 'nodemailer';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { createTestDatabase, silentLogger, type TestDatabase } from '../../../../test/database.ts';
import { eventually } from '../../../../test/eventually.ts';
import { municipality, type MunicipalityRef } from '../../../../test/factories.ts';
import { actors } from '../../../context/actor.ts';
import { MailService } from '../mail.service.ts';

describe('mail through the outbox and the job queue', () => {
  let db: TestDatabase;
  let one: TestApp;
  let two: TestApp;
  let wijchen: MunicipalityRef;
  const env = { JOB_POLL_SECONDS: '0.5' };

  before(async () => {
    db = await createTestDatabase();
    wijchen = await municipality(db.admin, 'GM0296');
    one = await startTestApp(db, env);
    two = await startTestApp(db, env);
  });
  after(async () => {
    await one?.stop();
    await two?.stop();
    await db?.drop();
  });

  const enqueue = (app: TestApp, n: number, to = 'ondernemer@example.org') =>
    app.uow.run(actors.system(wijchen, 'test'), async () => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        ids.push(
          await app.mail.enqueue(
            {
              purpose: 'test',
              to,
              subject: `Bevestiging ${i} – aanmelding ontvangen`,
              text: 'Welkom',
            },
            { municipalityId: wijchen.id, regionId: wijchen.regionId },
          ),
        );
      }
      return ids;
    });
  const statuses = async (ids: string[]) =>
    (await db.admin.query('select status from mail_outbox where id = any($1)', [ids])).rows.map(
      (r) => r.status as string,
    );

  it('sends every message once over SMTP, with two app instances working the queue', async () => {
    const ids = [...(await enqueue(one, 10)), ...(await enqueue(two, 10))];
    await eventually(
      async () => (await statuses(ids)).every((s) => s === 'sent'),
      'all 20 messages sent',
    );
    const received = [...one.devMailbox!, ...two.devMailbox!];
    const messageIds = received.map((m) => m.messageId);
    for (const id of ids) {
      expect(
        messageIds.filter((m) => m === `<${id}@herorientatie>`),
        id,
      ).to.have.length(1);
    }
    expect(received[0]).to.deep.include({ to: ['ondernemer@example.org'] });
    expect(received.map((m) => m.subject)).to.include('Bevestiging 3 – aanmelding ontvangen');
  });

  it('schedules the figures rebuild and the referral reminders, with the queue cron jobs pass through', async () => {
    const schedules = await db.admin.query('select name, cron from pgboss.schedule order by name');
    expect(schedules.rows).to.deep.equal([
      { name: 'figures-refresh', cron: '* * * * *' },
      { name: 'referrals-remind', cron: '0 8 * * 1-5' },
    ]);
    const queues = await db.admin.query(
      `select name from pgboss.queue where name = '__pgboss__send-it'`,
    );
    expect(queues.rowCount).to.equal(1);
  });

  it('sends nothing when the change that wrote the message rolls back', async () => {
    const before = (await db.admin.query('select count(*)::int as n from pgboss.job')).rows[0].n;
    let error: Error | undefined;
    try {
      await one.uow.run(actors.system(wijchen, 'test'), async () => {
        await one.mail.enqueue(
          { purpose: 'test', to: 'x@example.org', subject: 'Teruggedraaid', text: 'x' },
          { municipalityId: wijchen.id, regionId: wijchen.regionId },
        );
        throw new Error('afgebroken');
      });
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).to.equal('afgebroken');
    expect(
      (await db.admin.query(`select 1 from mail_outbox where subject = 'Teruggedraaid'`)).rowCount,
    ).to.equal(0);
    expect((await db.admin.query('select count(*)::int as n from pgboss.job')).rows[0].n).to.equal(
      before,
    );
  });

  it('keeps a message that could not be sent, with the error, for the queue to retry', async () => {
    const [id] = await enqueue(one, 1, 'later@example.org');
    const broken = new MailService(
      one.jobs,
      nodemailer.createTransport('smtp://127.0.0.1:9'),
      'test@example.org',
      silentLogger,
    );
    // Whichever comes first: the real worker may already have sent it.
    let failed = false;
    try {
      await broken.deliver(one.uow, {
        municipalityId: wijchen.id,
        regionId: wijchen.regionId,
        outboxId: id!,
      });
    } catch {
      failed = true;
    }
    const row = (
      await db.admin.query('select status, attempts, last_error from mail_outbox where id = $1', [
        id,
      ])
    ).rows[0];
    if (failed) {
      expect(row.last_error).to.be.a('string');
      expect(row.attempts).to.be.at.least(1);
    }
    await eventually(
      async () => (await statuses([id!]))[0] === 'sent',
      'the message sent after all',
    );
  });

  it('shows an admin the own outbox and the received mail, nobody else', async () => {
    const { Agent } = await import('../../../../test/agent.ts');
    const admin = new Agent(one.baseUrl);
    await admin.login('wijchen-admin');
    const outbox = await admin.get('/api/v1/admin/outbox');
    expect(outbox.status).to.equal(200);
    expect(outbox.json<{ status: string }[]>().length).to.be.at.least(20);
    const mailbox = await admin.get('/api/v1/admin/dev-mailbox');
    expect(mailbox.status).to.equal(200);
    const other = new Agent(one.baseUrl);
    await other.login('nijmegen-admin');
    expect((await other.get('/api/v1/admin/outbox')).json<unknown[]>()).to.deep.equal([]);
    expect((await other.get('/api/v1/admin/dev-mailbox')).json<unknown[]>()).to.deep.equal([]);
    const caseworker = new Agent(one.baseUrl);
    await caseworker.login('wijchen-caseworker');
    expect((await caseworker.get('/api/v1/admin/outbox')).status).to.equal(403);
  });
});
