import { AddressLookupAnswerSchema, PostcodeSchema } from '@herorientatie/domain';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { AddressLookupUnavailable, type AddressLookup } from './address-lookup.ts';

const LookupQuery = z.object({
  postcode: PostcodeSchema,
  houseNumber: z
    .string({ error: 'Vul een huisnummer in.' })
    .trim()
    .regex(/^[1-9][0-9]{0,4}/, { message: 'Een huisnummer begint met een cijfer.' }),
});

/** Street and town for a postcode and house number, when a lookup service is configured. */
export function addressesRouter(uow: TenantUnitOfWork, lookup: AddressLookup) {
  return routeTable(uow, 'Adressen', [
    route({
      method: 'get',
      path: '/addresses',
      summary:
        'Straat en woonplaats bij postcode en huisnummer (PDOK Locatieserver; leeg als het opzoeken uit staat)',
      permission: ['case:write', 'outreach:manage'],
      query: LookupQuery,
      response: AddressLookupAnswerSchema,
      handle: async ({ query }) => {
        if (!lookup.enabled) return { enabled: false, addresses: [] };
        try {
          return {
            enabled: true,
            addresses: await lookup.lookup(query.postcode, query.houseNumber),
          };
        } catch (err) {
          if (err instanceof AddressLookupUnavailable) return { enabled: false, addresses: [] };
          throw err;
        }
      },
    }),
  ]);
}
