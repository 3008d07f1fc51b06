import {
  CaseDetailSchema,
  EmailsQueuedSchema,
  ImportHistoryEntrySchema,
  OutreachImportOptionsSchema,
  OutreachImportReportSchema,
  ResponseRatesSchema,
  WaveContactSchema,
  WaveInputSchema,
  WaveResponseInputSchema,
  WaveSchema,
} from '@herorientatie/domain';
import type { Response } from 'express';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { OutreachImportService } from './outreach-import.service.ts';
import type { WavesService } from './waves.service.ts';

const WaveParam = z.object({ id: z.uuid() });
const ContactParam = WaveParam.extend({ contactId: z.uuid() });
const wave = { params: WaveParam, notFound: 'De benaderingsronde' } as const;
const contact = { params: ContactParam, notFound: 'Het contact' } as const;
const sendFile = (
  res: Response,
  file: { filename: string; contentType: string; content: Buffer },
) => {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  res.send(file.content);
};

const MAX_CSV_BYTES = 20 * 1024 * 1024;
const upload = { maxBytes: MAX_CSV_BYTES, tooLarge: 'Het bestand is groter dan 20 MB.' };

export function outreachRouter(
  uow: TenantUnitOfWork,
  waves: WavesService,
  imports = new OutreachImportService(),
) {
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
      response: z.array(ImportHistoryEntrySchema),
      handle: () => imports.listImports(),
    }),
    route({
      method: 'get',
      path: '/outreach/waves',
      summary: 'Benaderingsrondes met hun respons',
      permission: 'outreach:read',
      response: z.array(WaveSchema),
      handle: () => waves.list(),
    }),
    route({
      method: 'post',
      path: '/outreach/waves',
      summary: 'Benaderingsronde maken: ontvangers op Tozo-periode, sector en eerdere reactie',
      permission: 'outreach:manage',
      body: WaveInputSchema,
      response: WaveSchema,
      status: 201,
      idempotent: true,
      handle: ({ actor, body }) => waves.create(actor, body),
    }),
    route({
      ...wave,
      method: 'get',
      path: '/outreach/waves/{id}',
      summary: 'Eén benaderingsronde met haar respons',
      permission: 'outreach:read',
      response: WaveSchema,
      handle: ({ params }) => waves.get(params.id),
    }),
    route({
      ...wave,
      method: 'post',
      path: '/outreach/waves/{id}/follow-up',
      summary: 'Vervolgronde voor iedereen die niet reageerde, in één stap',
      permission: 'outreach:manage',
      body: WaveInputSchema.omit({ criteria: true }),
      response: WaveSchema,
      status: 201,
      idempotent: true,
      handle: ({ actor, params, body }) => waves.followUp(actor, params.id, body),
    }),
    route({
      ...wave,
      method: 'get',
      path: '/outreach/waves/{id}/contacts',
      summary: 'De ontvangers van een ronde en hun reactie',
      permission: 'outreach:read',
      response: z.array(WaveContactSchema),
      handle: ({ params }) => waves.contacts(params.id),
    }),
    route({
      ...contact,
      method: 'put',
      path: '/outreach/waves/{id}/contacts/{contactId}',
      summary: 'Reactie vastleggen',
      permission: 'outreach:manage',
      body: WaveResponseInputSchema,
      response: WaveContactSchema,
      handle: ({ actor, params, body }) =>
        waves.recordResponse(actor, params.id, params.contactId, body),
    }),
    route({
      ...contact,
      method: 'post',
      path: '/outreach/waves/{id}/contacts/{contactId}/case',
      summary: 'Wie interesse heeft aanmelden: een dossier met de ronde als bron',
      permission: 'case:register',
      response: CaseDetailSchema,
      status: 201,
      problems: { 409: 'Geen interesse vastgelegd, of al aangemeld' },
      handle: ({ actor, params }) => waves.registerCase(actor, params.id, params.contactId),
    }),
    route({
      ...wave,
      method: 'get',
      path: '/outreach/waves/{id}/letters.pdf',
      summary: 'Brieven voor de ronde als één PDF (samenvoegen)',
      permission: 'outreach:manage',
      produces: 'application/pdf',
      send: sendFile,
      handle: ({ params }) => waves.letters(params.id, 'pdf'),
    }),
    route({
      ...wave,
      method: 'get',
      path: '/outreach/waves/{id}/letters.csv',
      summary: 'Adressen voor de ronde als CSV (samenvoegen in Word of bij een drukker)',
      permission: 'outreach:manage',
      produces: 'text/csv',
      send: sendFile,
      handle: ({ params }) => waves.letters(params.id, 'csv'),
    }),
    route({
      ...wave,
      method: 'post',
      path: '/outreach/waves/{id}/emails',
      summary:
        'E-mails van de ronde versturen (via de outbox; wie al een e-mail kreeg, niet opnieuw)',
      permission: 'outreach:manage',
      response: EmailsQueuedSchema,
      problems: { 409: 'De ronde gaat niet per e-mail' },
      handle: ({ actor, params }) => waves.sendEmails(actor, params.id),
    }),
    route({
      method: 'get',
      path: '/outreach/response-rates',
      summary: 'Respons per kanaal over alle rondes',
      permission: 'outreach:read',
      response: ResponseRatesSchema,
      handle: () => waves.responseRates(),
    }),
  ]);
}
