import {
  LETTER_KINDS,
  LetterPreviewQuerySchema,
  LetterPreviewSchema,
  LetterRequestSchema,
  LetterResultSchema,
  LetterTemplateInputSchema,
  LetterTemplateSchema,
  LetterheadInputSchema,
  LetterheadSchema,
  PrivacySettingsInputSchema,
  PrivacySettingsSchema,
} from '@herorientatie/domain';
import type { Response } from 'express';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { mayWriteCase } from '../cases/case-access.ts';
import type { LettersService } from './letters.service.ts';

const CaseParam = z.object({ id: z.uuid() });

/** A PDF shown in the browser, never cached: a preview, not a document. */
function sendInlinePdf(res: Response, file: { filename: string; content: Buffer }) {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `inline; filename="${file.filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(file.content);
}
const KindParam = z.object({ kind: z.enum(LETTER_KINDS) });

/** An image for the page (the logo), cached briefly by the browser only. */
export function sendImage(res: Response, file: { contentType: string; content: Buffer }) {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Cache-Control', 'private, max-age=300');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(file.content);
}

export function lettersRouter(uow: TenantUnitOfWork, service: LettersService) {
  return routeTable(uow, 'Brieven', [
    route({
      method: 'get',
      path: '/letter-templates',
      summary: 'Briefsjablonen van de gemeente (de standaardtekst zolang er geen eigen is)',
      permission: ['case:read', 'letters:manage'],
      response: z.array(LetterTemplateSchema),
      handle: () => service.templates(),
    }),
    route({
      method: 'put',
      path: '/letter-templates/{kind}',
      summary: 'Briefsjabloon aanpassen (beheerder); onbekende samenvoegvelden worden geweigerd',
      permission: 'letters:manage',
      params: KindParam,
      notFound: 'Het briefsjabloon',
      body: LetterTemplateInputSchema,
      response: LetterTemplateSchema,
      handle: ({ actor, params, body }) => service.saveTemplate(actor, params.kind, body),
    }),
    route({
      method: 'post',
      path: '/letter-templates/preview.pdf',
      summary: 'Een sjabloon als PDF met verzonnen voorbeeldgegevens (beheerder; niets bewaard)',
      permission: 'letters:manage',
      body: LetterTemplateInputSchema,
      produces: 'application/pdf',
      send: sendInlinePdf,
      handle: ({ body }) => service.templatePreview(body),
    }),
    route({
      method: 'get',
      path: '/letterhead',
      summary: 'Briefhoofd en ondertekening van de gemeente',
      permission: ['case:read', 'letters:manage'],
      response: LetterheadSchema,
      handle: () => service.letterhead(),
    }),
    route({
      method: 'put',
      path: '/letterhead',
      summary: 'Briefhoofd en ondertekening aanpassen (beheerder)',
      permission: 'letters:manage',
      body: LetterheadInputSchema,
      response: LetterheadSchema,
      handle: ({ actor, body }) => service.saveLetterhead(actor, body),
    }),
    route({
      method: 'put',
      path: '/letterhead/logo',
      summary: 'Logo op het briefhoofd zetten (PNG of JPEG, hoogstens 512 kB; beheerder)',
      permission: 'letters:manage',
      upload: { maxBytes: 512 * 1024, tooLarge: 'Het logo mag hoogstens 512 kB zijn.' },
      response: LetterheadSchema,
      handle: ({ actor, file }) => service.saveLogo(actor, file!.buffer),
    }),
    route({
      method: 'delete',
      path: '/letterhead/logo',
      summary: 'Logo van het briefhoofd halen (beheerder)',
      permission: 'letters:manage',
      response: LetterheadSchema,
      handle: ({ actor }) => service.saveLogo(actor, null),
    }),
    route({
      method: 'get',
      path: '/letterhead/logo',
      summary: 'Het logo van het briefhoofd',
      permission: ['case:read', 'letters:manage'],
      notFound: 'Het logo',
      produces: 'image/png',
      send: sendImage,
      handle: () => service.logo(),
    }),
    route({
      method: 'get',
      path: '/privacy-settings',
      summary: 'Wat de privacyverklaring van de gemeente zegt (beheerder)',
      permission: 'letters:manage',
      response: PrivacySettingsSchema,
      handle: () => service.privacySettings(),
    }),
    route({
      method: 'put',
      path: '/privacy-settings',
      summary: 'De gegevens van de privacyverklaring aanpassen (beheerder)',
      permission: 'letters:manage',
      body: PrivacySettingsInputSchema,
      response: PrivacySettingsSchema,
      handle: ({ actor, body }) => service.savePrivacySettings(actor, body),
    }),
    route({
      method: 'get',
      path: '/cases/{id}/letter-preview',
      summary: 'Voorbeeld van een brief met de gegevens van het dossier ingevuld',
      permission: 'case:read',
      params: CaseParam,
      notFound: 'Het dossier',
      query: LetterPreviewQuerySchema,
      response: LetterPreviewSchema,
      handle: ({ actor, params, query }) =>
        service.preview(actor, params.id, query.kind, query.referralId),
    }),
    route({
      method: 'post',
      path: '/cases/{id}/letter-preview.pdf',
      summary: 'De brief als PDF bekijken zoals hij gemaakt zou worden (wordt niet bewaard)',
      permission: 'case:write',
      params: CaseParam,
      notFound: 'Het dossier',
      body: LetterRequestSchema,
      produces: 'application/pdf',
      send: sendInlinePdf,
      handle: ({ actor, params, body }) => service.previewPdf(actor, params.id, body),
    }),
    route({
      method: 'post',
      path: '/cases/{id}/letters',
      summary: 'Brief maken: PDF als document van het dossier, eventueel per e-mail verstuurd',
      permission: 'case:write',
      params: CaseParam,
      notFound: 'Het dossier',
      body: LetterRequestSchema,
      response: LetterResultSchema,
      status: 201,
      idempotent: true,
      authorize: mayWriteCase(),
      problems: { 409: 'Er ontbreekt een gegeven voor de brief, of een e-mailadres' },
      handle: ({ actor, params, body }) => service.create(actor, params.id, body),
    }),
  ]);
}
