import {
  can,
  OpenCasesFigureSchema,
  RegionalFiguresQuerySchema,
  RegionalFiguresSchema,
  type OpenCasesFigure,
  type RegionalFigures,
} from '@herorientatie/domain';
import { principalOf } from '../../context/actor.ts';
import { AuditService } from '../audit/audit.service.ts';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { RegionalRepository } from './regional.repository.ts';

const cell = (row: { open_cases: number | null; suppressed: boolean }) => ({
  value: row.suppressed ? null : row.open_cases,
  suppressed: row.suppressed,
});

export function regionalRouter(
  uow: TenantUnitOfWork,
  threshold: number,
  repository = new RegionalRepository(),
  audit = new AuditService(),
) {
  return routeTable(uow, 'Regio', [
    route({
      method: 'get',
      path: '/regional/open-cases',
      summary: 'Open dossiers per gemeente van de regio (kleine aantallen onderdrukt)',
      permission: 'figures:region',
      response: OpenCasesFigureSchema,
      handle: async (): Promise<OpenCasesFigure> => {
        const rows = await repository.openCases(threshold);
        const region = rows.find((r) => r.municipality_id === null)!;
        return {
          threshold,
          municipalities: rows
            .filter((r) => r.municipality_id !== null)
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
        'Bereik, dienstverlening en uitkomsten per gemeente over hele maanden (onderdrukt en afgerond op 5)',
      permission: 'figures:region',
      query: RegionalFiguresQuerySchema,
      response: RegionalFiguresSchema,
      handle: async ({ actor, query }): Promise<RegionalFigures> => {
        const from = `${query.from}-01`;
        const last = new Date(
          Date.UTC(Number(query.to.slice(0, 4)), Number(query.to.slice(5, 7)), 0),
        );
        const to = last.toISOString().slice(0, 10);
        const user = principalOf(actor.user);
        // A user who sees the own municipality's cases sees its figures exactly.
        const ownKnown = can(user, 'case:read');
        // A manager compares the own municipality with the region, not with each other one.
        const perMunicipality = user.roles.some((r) => r === 'analyst' || r === 'coordinator');
        const keep = (id: string | null) =>
          id === null || perMunicipality || id === actor.municipalityId;
        const rows = (await repository.figures(from, to, threshold, ownKnown)).filter((r) =>
          keep(r.municipality_id),
        );
        const durations = (await repository.durations(from, to, threshold, ownKnown)).filter((r) =>
          keep(r.municipality_id),
        );
        await audit.record({
          action: 'read',
          objectType: 'regional-figures',
          objectId: null,
          query,
        });
        const refreshed = await repository.refreshedAt();
        return {
          from: query.from,
          to: query.to,
          threshold,
          rounding: 5,
          refreshedAt: refreshed ? refreshed.toISOString() : null,
          rows: rows.map((r) => ({
            municipalityCode: r.municipality_code,
            municipalityName: r.municipality_name,
            measure: r.measure as RegionalFigures['rows'][number]['measure'],
            dimension: r.dimension,
            value: r.value,
            suppressed: r.suppressed,
            exact: r.exact,
          })),
          durations: durations.map((d) => ({
            municipalityCode: d.municipality_code,
            municipalityName: d.municipality_name,
            toIntakeDays: d.to_intake_days === null ? null : Number(d.to_intake_days),
            toRouteDays: d.to_route_days === null ? null : Number(d.to_route_days),
          })),
        };
      },
    }),
  ]);
}
