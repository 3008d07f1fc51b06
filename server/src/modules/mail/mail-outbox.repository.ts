import { randomUUID } from 'node:crypto';
import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';

export interface OutboxMessage {
  id: string;
  purpose: string;
  to_address: string;
  subject: string;
  text_body: string;
  attachment_id: string | null;
  reply_to: string | null;
  calendar: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
}

export class MailOutboxRepository {
  /** No RETURNING: partner staff may add a status message but cannot read the outbox. */
  async insert(
    message: {
      purpose: string;
      to: string;
      subject: string;
      text: string;
      attachmentId?: string;
      replyTo?: string | null;
      calendar?: string | null;
    },
    municipalityId = currentMunicipalityId(),
  ): Promise<string> {
    const id = randomUUID();
    await currentManager().query(
      `insert into mail_outbox (municipality_id, id, purpose, to_address, subject, text_body, attachment_id,
         reply_to, calendar)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        municipalityId,
        id,
        message.purpose,
        message.to,
        message.subject,
        message.text,
        message.attachmentId ?? null,
        message.replyTo ?? null,
        message.calendar ?? null,
      ],
    );
    return id;
  }

  /** The message, locked, when it still waits to be sent; null once sent. */
  async lockPending(id: string): Promise<OutboxMessage | null> {
    const rows = await currentManager().query(
      `select id, purpose, to_address, subject, text_body, attachment_id, reply_to, calendar, status, attempts from mail_outbox
        where municipality_id = $1 and id = $2 and status <> 'sent' for update skip locked`,
      [currentMunicipalityId(), id],
    );
    return rows[0] ?? null;
  }

  /** The case document a message carries; null once the document was removed. */
  async attachment(
    id: string,
  ): Promise<{ filename: string; contentType: string; content: Buffer } | null> {
    const rows = await currentManager().query(
      `select filename, content_type as "contentType", content from attachment
        where municipality_id = $1 and id = $2 and removed_at is null`,
      [currentMunicipalityId(), id],
    );
    return rows[0] ?? null;
  }

  async markSent(id: string, messageId: string): Promise<void> {
    await currentManager().query(
      `update mail_outbox set status = 'sent', sent_at = now(), message_id = $3, attempts = attempts + 1,
              last_error = null
        where municipality_id = $1 and id = $2`,
      [currentMunicipalityId(), id, messageId],
    );
  }

  async markFailed(id: string, error: string, final: boolean): Promise<void> {
    await currentManager().query(
      `update mail_outbox set attempts = attempts + 1, last_error = $3, status = case when $4 then 'failed' else status end
        where municipality_id = $1 and id = $2`,
      [currentMunicipalityId(), id, error.slice(0, 500), final],
    );
  }

  list(limit: number) {
    return currentManager().query(
      `select id, purpose, to_address as "to", subject, status, attempts, last_error as "lastError",
              to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
              to_char(sent_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "sentAt"
         from mail_outbox where municipality_id = $1 order by created_at desc limit $2`,
      [currentMunicipalityId(), limit],
    );
  }
}
