import { createQueryHook } from './hooks.ts';

// The server declares these two answers in its own route table (mail.router.ts), not in
// the domain package; they are described here once, for the administration page only.

/** A message in the municipality's outbox with how far its sending got. */
export interface OutboxEntry {
  id: string;
  purpose: string;
  to: string;
  subject: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** A message the built-in mail server received (only without SMTP_URL). */
export interface ReceivedMail {
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  messageId: string | null;
  size: number;
}

export const useOutbox = createQueryHook<OutboxEntry[]>('admin-outbox', () => 'admin/outbox', {
  refetchInterval: 15_000,
});
export const useDevMailbox = createQueryHook<ReceivedMail[]>(
  'admin-dev-mailbox',
  () => 'admin/dev-mailbox',
  { refetchInterval: 15_000 },
);
