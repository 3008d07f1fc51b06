import { z } from 'zod';

/** A message in the municipality's outbox with how far its sending got. */
export const OutboxEntrySchema = z.object({
  id: z.uuid(),
  purpose: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

/** A message the built-in mail server received (only without SMTP_URL). */
export const ReceivedMailSchema = z.object({
  receivedAt: z.iso.datetime(),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  messageId: z.string().nullable(),
  attachments: z.array(z.string()),
  size: z.number().int(),
});
export type ReceivedMail = z.infer<typeof ReceivedMailSchema>;
