import { AnnouncementInputSchema, AnnouncementSchema } from '@herorientatie/domain';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { AnnouncementsService } from './announcements.service.ts';

export function announcementsRouter(uow: TenantUnitOfWork, service = new AnnouncementsService()) {
  return routeTable(uow, 'Regio', [
    route({
      method: 'get',
      path: '/announcements',
      summary: 'Berichten van de regiocoördinator aan alle gemeenten van de regio',
      permission: 'announcement:read',
      response: z.array(AnnouncementSchema),
      handle: () => service.list(),
    }),
    route({
      method: 'post',
      path: '/announcements',
      summary: 'Bericht plaatsen (regiocoördinator van de centrumgemeente)',
      permission: 'announcement:manage',
      body: AnnouncementInputSchema,
      response: AnnouncementSchema,
      status: 201,
      idempotent: true,
      handle: ({ actor, body }) => service.publish(actor, body),
    }),
    route({
      method: 'delete',
      path: '/announcements/{id}',
      summary: 'Bericht verwijderen',
      permission: 'announcement:manage',
      params: z.object({ id: z.uuid() }),
      notFound: 'Het bericht',
      status: 204,
      handle: ({ params }) => service.remove(params.id),
    }),
  ]);
}
