import type { OutboxEntry, ReceivedMail } from '@herorientatie/domain';
import { createQueryHook } from './hooks.ts';

export const useOutbox = createQueryHook<OutboxEntry[]>('admin-outbox', () => 'admin/outbox', {
  refetchInterval: 15_000,
});
export const useDevMailbox = createQueryHook<ReceivedMail[]>(
  'admin-dev-mailbox',
  () => 'admin/dev-mailbox',
  { refetchInterval: 15_000 },
);
