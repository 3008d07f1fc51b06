import {
  BudgetInputSchema,
  BudgetOverviewSchema,
  ContractInputSchema,
  ContractSchema,
  CostLineSchema,
  CreditInputSchema,
  UncostedServiceSchema,
  StatementQuerySchema,
  StatementSchema,
  StatementStatusInputSchema,
} from '@herorientatie/domain';
import type { Response } from 'express';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import type { FinanceService } from './finance.service.ts';

const YearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const sendFile = (
  res: Response,
  file: { filename: string; contentType: string; content: Buffer },
) => {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  res.send(file.content);
};

export function financeRouter(uow: TenantUnitOfWork, service: FinanceService) {
  return routeTable(uow, 'Kosten en dekking', [
    route({
      method: 'get',
      path: '/finance/contracts',
      summary: 'Contracten: aanbieder, dienst, prijs per cliënt, geldigheid',
      permission: 'finance:manage',
      response: z.array(ContractSchema),
      handle: () => service.contracts(),
    }),
    route({
      method: 'post',
      path: '/finance/contracts',
      summary: 'Contract vastleggen (manager)',
      permission: 'finance:manage',
      body: ContractInputSchema,
      response: z.array(ContractSchema),
      status: 201,
      idempotent: true,
      handle: ({ actor, body }) => service.addContract(actor, body),
    }),
    route({
      method: 'get',
      path: '/finance/budgets/{year}',
      summary: 'Begroting: gepland, verplicht, gerealiseerd, resterend en de prognose',
      permission: 'finance:manage',
      params: YearParam,
      notFound: 'De begroting',
      response: BudgetOverviewSchema,
      handle: ({ params }) => service.overview(params.year),
    }),
    route({
      method: 'put',
      path: '/finance/budgets/{year}',
      summary: 'Dekking, geplande bedragen en aannames van de prognose vastleggen',
      permission: 'finance:manage',
      params: YearParam,
      notFound: 'De begroting',
      body: BudgetInputSchema,
      response: BudgetOverviewSchema,
      handle: ({ actor, params, body }) => service.saveBudget(actor, params.year, body),
    }),
    route({
      method: 'get',
      path: '/finance/warnings',
      summary: 'Kostenregels zonder geldig contract of boven het maximum',
      permission: 'finance:manage',
      response: z.array(CostLineSchema),
      handle: () => service.warnings(),
    }),
    route({
      method: 'get',
      path: '/cases/{id}/cost-lines',
      summary: 'Kosten van een dossier (ook diensten zonder kosten)',
      permission: 'finance:read',
      params: z.object({ id: z.uuid() }),
      notFound: 'Het dossier',
      response: z.array(CostLineSchema),
      handle: ({ actor, params }) => service.linesForCase(actor, params.id),
    }),
    route({
      method: 'get',
      path: '/cases/{id}/uncosted-services',
      summary:
        'Diensten van een dossier zonder kostenregel: kosteloos voor de gemeente of betaald uit een Bbz-krediet',
      permission: 'finance:read',
      params: z.object({ id: z.uuid() }),
      notFound: 'Het dossier',
      response: z.array(UncostedServiceSchema),
      handle: ({ actor, params }) => service.uncostedServices(actor, params.id),
    }),
    route({
      method: 'post',
      path: '/finance/cost-lines/{id}/credit',
      summary: 'Kostenregel crediteren met een reden (nooit wijzigen)',
      permission: 'finance:manage',
      params: z.object({ id: z.uuid() }),
      notFound: 'De kostenregel',
      body: CreditInputSchema,
      response: CostLineSchema,
      status: 201,
      handle: ({ actor, params, body }) => service.credit(actor, params.id, body.reason),
    }),
    route({
      method: 'get',
      path: '/finance/statements',
      summary: 'Specificatie per aanbieder en maand (cliënten gepseudonimiseerd)',
      permission: 'finance:manage',
      query: StatementQuerySchema,
      response: StatementSchema,
      handle: ({ query }) => service.statement(query.provider, query.month),
    }),
    ...(['csv', 'pdf'] as const).map((format) =>
      route({
        method: 'get',
        path: `/finance/statements.${format}`,
        summary: `Specificatie als ${format.toUpperCase()}`,
        permission: 'finance:manage',
        query: StatementQuerySchema,
        produces: format === 'pdf' ? 'application/pdf' : 'text/csv',
        send: sendFile,
        handle: ({ query }) => service.statementFile(query.provider, query.month, format),
      }),
    ),
    route({
      method: 'put',
      path: '/finance/statements/status',
      summary: 'Specificatie markeren als gefactureerd of betaald',
      permission: 'finance:manage',
      query: StatementQuerySchema,
      body: StatementStatusInputSchema,
      response: StatementSchema,
      handle: ({ actor, query, body }) =>
        service.setStatementStatus(actor, query.provider, query.month, body.status),
    }),
  ]);
}
