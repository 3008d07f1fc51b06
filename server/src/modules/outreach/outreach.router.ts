import { OutreachImportOptionsSchema, OutreachImportReportSchema } from '@herorientatie/domain';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { OutreachImportService } from './outreach-import.service.ts';

const MAX_CSV_BYTES = 20 * 1024 * 1024;
const upload = { maxBytes: MAX_CSV_BYTES, tooLarge: 'Het bestand is groter dan 20 MB.' };

export function outreachRouter(uow: TenantUnitOfWork, imports = new OutreachImportService()) {
  return routeTable(uow, 'Benadering', [
    route({
      method: 'post',
      path: '/outreach/imports/preview',
      summary: 'Proefimport: elke foute rij met regel, kolom en reden; er wordt niets opgeslagen',
      permission: 'outreach:manage',
      upload,
      response: OutreachImportReportSchema,
      handle: ({ actor, file }) => imports.run(actor, file!, { dryRun: true, mode: 'valid-rows' }),
    }),
    route({
      method: 'post',
      path: '/outreach/imports',
      summary: 'Lijst met Tozo-ontvangers inlezen (alles of niets, of alleen de goede rijen)',
      permission: 'outreach:manage',
      upload,
      query: OutreachImportOptionsSchema,
      response: OutreachImportReportSchema,
      status: 201,
      handle: ({ actor, file, query }) =>
        imports.run(actor, file!, { dryRun: false, mode: query.mode }),
    }),
    route({
      method: 'get',
      path: '/outreach/imports',
      summary: 'Eerdere imports met hun aantallen',
      permission: 'outreach:read',
      response: z.array(
        z.object({
          id: z.uuid(),
          filename: z.string(),
          mode: z.string(),
          rows: z.number().int(),
          counts: OutreachImportReportSchema.shape.counts,
          importedBy: z.string(),
          importedAt: z.iso.datetime(),
        }),
      ),
      handle: () => imports.listImports(),
    }),
  ]);
}
