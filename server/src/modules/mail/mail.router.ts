import { OutboxEntrySchema, ReceivedMailSchema } from '@herorientatie/domain';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { NotFound } from '../../errors.ts';
import { route, routeTable } from '../../http/route-table.ts';
import type { ReceivedMail } from './dev-mail-server.ts';
import type { MailService } from './mail.service.ts';

export function mailRouter(
  uow: TenantUnitOfWork,
  mail: MailService,
  devMailbox: ReceivedMail[] | null,
) {
  return routeTable(uow, 'Beheer', [
    route({
      method: 'get',
      path: '/admin/outbox',
      summary: 'Uitgaande e-mail van de eigen gemeente met de status van verzending',
      permission: 'outbox:read',
      response: z.array(OutboxEntrySchema),
      handle: () => mail.list(),
    }),
    route({
      method: 'get',
      path: '/admin/dev-mailbox',
      summary: 'Ontvangen e-mail van de ingebouwde mailserver (alleen zonder SMTP_URL)',
      permission: 'outbox:read',
      response: z.array(ReceivedMailSchema),
      handle: async ({ actor }) => {
        if (!devMailbox) throw new NotFound('De ingebouwde mailserver');
        // The built-in server receives mail of every municipality: show only the own outbox's.
        const own = new Set(
          ((await mail.list()) as { id: string }[]).map((m) => `<${m.id}@herorientatie>`),
        );
        void actor;
        return [...devMailbox]
          .reverse()
          .filter((m) => m.messageId !== null && own.has(m.messageId));
      },
    }),
  ]);
}
