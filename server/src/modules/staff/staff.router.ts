import { RoleSchema, StaffMemberSchema } from '@herorientatie/domain';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { StaffRepository } from './staff.repository.ts';

const StaffQuery = z.object({ role: RoleSchema.optional() });

export function staffRouter(uow: TenantUnitOfWork, repository = new StaffRepository()) {
  return routeTable(uow, 'Medewerkers', [
    route({
      method: 'get',
      path: '/staff',
      summary: 'Medewerkers van de eigen gemeente (voor toewijzing)',
      permission: 'staff:read',
      query: StaffQuery,
      response: z.array(StaffMemberSchema),
      handle: ({ query }) => repository.list(query.role),
    }),
  ]);
}
