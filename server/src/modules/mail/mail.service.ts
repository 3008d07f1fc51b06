import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { actors } from '../../context/actor.ts';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { QUEUES } from '../../jobs/queues.ts';
import { AuditService } from '../audit/audit.service.ts';
import { MailOutboxRepository } from './mail-outbox.repository.ts';

export interface MailJob {
  municipalityId: string;
  regionId: string;
  outboxId: string;
}

export interface OutgoingMail {
  /** What the message is for, e.g. `signup-confirmation`. */
  purpose: string;
  to: string;
  subject: string;
  text: string;
  /** A document of the case sent along (a letter as PDF). */
  attachmentId?: string;
  /** Where answers go: the municipality's contact address (the sender itself never reads). */
  replyTo?: string | null;
  /** A calendar invitation (iCalendar text) sent along as `uitnodiging.ics`. */
  calendar?: string | null;
}

/**
 * Mail through the outbox: `enqueue` writes the message and its job in the caller's unit of
 * work (a rolled-back change sends nothing; a crash after commit loses nothing); `deliver`
 * is the worker that sends it over SMTP once, even with several app instances.
 */
export class MailService {
  constructor(
    private readonly jobs: JobQueue,
    private readonly transport: Transporter,
    private readonly from: string,
    private readonly logger: Logger,
    private readonly outbox = new MailOutboxRepository(),
    private readonly audit = new AuditService(),
  ) {}

  static transport(smtpUrl: string): Transporter {
    return nodemailer.createTransport(smtpUrl);
  }

  async enqueue(
    mail: OutgoingMail,
    place: { municipalityId: string; regionId: string },
  ): Promise<string> {
    const outboxId = await this.outbox.insert(mail, place.municipalityId);
    await this.jobs.send<MailJob>(QUEUES.sendMail, { ...place, outboxId });
    await this.audit.record({
      action: 'create',
      objectType: 'mail',
      objectId: outboxId,
      reason: mail.purpose,
      municipalityId: place.municipalityId,
    });
    return outboxId;
  }

  /** Sends one outbox message; throws on failure so the queue retries it. */
  async deliver(uow: TenantUnitOfWork, job: MailJob): Promise<void> {
    const actor = actors.system({ id: job.municipalityId, regionId: job.regionId }, 'mail');
    try {
      await uow.run(actor, async () => {
        const message = await this.outbox.lockPending(job.outboxId);
        if (!message) return; // already sent, or being sent by another worker
        const file = message.attachment_id
          ? await this.outbox.attachment(message.attachment_id)
          : null;
        if (message.attachment_id && !file) {
          // The document was removed before the message left: never send it without.
          await this.outbox.markFailed(message.id, 'Het document is verwijderd.', true);
          return;
        }
        const info = await this.transport.sendMail({
          from: this.from,
          to: message.to_address,
          subject: message.subject,
          text: message.text_body,
          messageId: `<${message.id}@herorientatie>`,
          ...(message.reply_to ? { replyTo: message.reply_to } : {}),
          ...(message.calendar
            ? {
                icalEvent: {
                  filename: 'uitnodiging.ics',
                  method: 'REQUEST',
                  content: message.calendar,
                },
              }
            : {}),
          attachments: file
            ? [{ filename: file.filename, content: file.content, contentType: file.contentType }]
            : [],
        });
        await this.outbox.markSent(message.id, info.messageId);
      });
    } catch (err) {
      this.logger.warn({ err, outboxId: job.outboxId }, 'mail not sent; the queue retries');
      await uow.run(actor, () =>
        this.outbox.markFailed(
          job.outboxId,
          err instanceof Error ? err.message : 'onbekende fout',
          false,
        ),
      );
      throw err;
    }
  }

  list() {
    return this.outbox.list(100);
  }
}
