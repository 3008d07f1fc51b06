import {
  can,
  MonthSchema,
  OpenCasesFigureSchema,
  RegionalCostsQuerySchema,
  RegionalCostsSchema,
  RegionalFiguresQuerySchema,
  RegionalFiguresSchema,
  type OpenCasesFigure,
} from '@herorientatie/domain';
import type { Response } from 'express';
import { z } from 'zod';
import { RegionalService } from './regional.service.ts';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { RegionalRepository } from './regional.repository.ts';
import { principalOf } from '../../context/actor.ts';

const cell = (row: { open_cases: number | null; suppressed: boolean }) => ({
  value: row.suppressed ? null : row.open_cases,
  suppressed: row.suppressed,
});

const EvaluationQuerySchema = z
  .object({
    from: MonthSchema,
    to: MonthSchema,
    /** `regio`, or the CBS code of a municipality. */
    scope: z.string().regex(/^(regio|GM\d{4})$/, { message: 'Kies de regio of een gemeente.' }),
  })
  .refine((v) => v.to >= v.from, {
    message: 'De laatste maand ligt voor de eerste.',
    path: ['to'],
  });

const sendFile = (
  res: Response,
  file: { filename: string; contentType: string; content: Buffer },
) => {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  res.send(file.content);
};

export function regionalRouter(
  uow: TenantUnitOfWork,
  threshold: number,
  repository = new RegionalRepository(),
  service = new RegionalService(threshold, repository),
) {
  return routeTable(uow, 'Regio', [
    route({
      method: 'get',
      path: '/regional/open-cases',
      summary: 'Open dossiers per gemeente van de regio (kleine aantallen onderdrukt)',
      permission: 'figures:region',
      response: OpenCasesFigureSchema,
      handle: async ({ actor }): Promise<OpenCasesFigure> => {
        // Other municipalities and the region as at the end of the last published month,
        // protected like every figure; the own municipality now, for whoever may read its
        // cases. A manager compares the own municipality with the region only.
        const user = principalOf(actor.user);
        const rows = await repository.openCases(threshold, can(user, 'case:read'));
        const region = rows.find((r) => r.municipality_id === null)!;
        const perMunicipality = user.roles.some((r) => r === 'analyst' || r === 'coordinator');
        return {
          threshold,
          asOf: region.as_of,
          municipalities: rows
            .filter((r) => r.municipality_id !== null)
            .filter((r) => perMunicipality || r.municipality_id === actor.municipalityId)
            .map((r) => ({
              code: r.municipality_code!,
              name: r.municipality_name,
              openCases: cell(r),
            })),
          region: cell(region),
        };
      },
    }),
    route({
      method: 'get',
      path: '/regional/figures',
      summary:
        'Bereik, dienstverlening en uitkomsten per gemeente over hele maanden (andere gemeenten beschermd met de celsleutelmethode)',
      permission: 'figures:region',
      query: RegionalFiguresQuerySchema,
      response: RegionalFiguresSchema,
      handle: ({ actor, query }) => service.figures(actor, query),
    }),
    route({
      method: 'get',
      path: '/regional/costs',
      summary:
        'Kosten per cliënt per dienst en gerealiseerd tegenover begroot, per gemeente (onderdrukt waar het aantal cliënten verborgen is)',
      permission: 'figures:region',
      query: RegionalCostsQuerySchema,
      response: RegionalCostsSchema,
      handle: ({ actor, query }) => service.costs(actor, query),
    }),
    ...(['pdf', 'csv'] as const).map((format) =>
      route({
        method: 'get',
        path: `/regional/evaluation.${format}`,
        summary: `Evaluatierapport voor de regio of een gemeente (${format.toUpperCase()}), met de verwachting uit het plan`,
        permission: 'figures:region',
        query: EvaluationQuerySchema,
        produces: format === 'pdf' ? 'application/pdf' : 'text/csv',
        send: sendFile,
        handle: ({ actor, query }) => service.evaluation(actor, query, format),
      }),
    ),
  ]);
}
