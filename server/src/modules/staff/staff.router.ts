import { RoleSchema, StaffMemberSchema } from '@herorientatie/domain';
import express from 'express';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { parseInput } from '../../http/validate.ts';
import { requireRole } from '../auth/guards.ts';
import { registry, standardProblems } from '../openapi/registry.ts';
import { StaffRepository } from './staff.repository.ts';

const StaffQuery = z.object({ role: RoleSchema.optional() });

registry.registerPath({
  method: 'get',
  path: '/staff',
  summary: 'Medewerkers van de eigen gemeente (voor toewijzing)',
  tags: ['Medewerkers'],
  request: { query: StaffQuery },
  responses: {
    200: {
      description: 'Medewerkers',
      content: { 'application/json': { schema: z.array(StaffMemberSchema) } },
    },
    ...standardProblems,
  },
});

export function staffRouter(uow: TenantUnitOfWork, repository = new StaffRepository()) {
  const router = express.Router({ strict: true });
  router.get('/staff', requireRole('caseworker', 'manager', 'advisor'), async (req, res) => {
    const { role } = parseInput(StaffQuery, req.query);
    res.json(await uow.run(() => repository.list(role)));
  });
  return router;
}
