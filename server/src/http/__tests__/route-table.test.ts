import { expect } from 'chai';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../route-table.ts';

describe('route table', () => {
  const change = (extra: Record<string, unknown>) =>
    route({
      method: 'post',
      path: '/cases/{id}/things',
      summary: 'Iets toevoegen',
      permission: 'case:write',
      params: z.object({ id: z.uuid() }),
      notFound: 'Het dossier',
      body: z.object({}),
      response: z.object({}),
      status: 201,
      idempotent: true,
      handle: async () => ({}),
      ...extra,
    });
  // The check runs before anything is built; the unit of work is only used per request.
  const uow = {} as TenantUnitOfWork;

  it('refuses an idempotent change to a case without a check that runs again on replay', () => {
    expect(() => routeTable(uow, 'Test', [change({})])).to.throw(
      'POST /cases/{id}/things: an idempotent change to a case needs authorize',
    );
    // (With `authorize` it builds, as every case router does; building it here would add the
    // made-up path to the OpenAPI document the other tests read.)
  });
});
