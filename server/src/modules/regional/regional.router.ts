import { OpenCasesFigureSchema, type OpenCasesFigure } from '@herorientatie/domain';
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
  ]);
}
