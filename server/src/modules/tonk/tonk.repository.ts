import type {
  BbzRequest,
  BbzRequestInput,
  DecisionInput,
  TonkApplication,
  TonkApplicationInput,
} from '@herorientatie/domain';
import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';

const q = (sql: string, params: unknown[]) => currentManager().query(sql, params);
const m = () => currentMunicipalityId();

const TONK = `
  select id, name, self_employed as "selfEmployed", business_name as "businessName",
         monthly_housing_costs_cents::float8 as "monthlyHousingCostsCents", requested_cents::float8 as "requestedCents",
         to_char(period_from, 'YYYY-MM-DD') as "periodFrom", to_char(period_to, 'YYYY-MM-DD') as "periodTo",
         to_char(received_on, 'YYYY-MM-DD') as "receivedOn", decision, granted_cents::float8 as "grantedCents",
         to_char(decided_on, 'YYYY-MM-DD') as "decidedOn", case_id as "caseId"
    from tonk_application`;
const BBZ = `
  select id, kind, amount_cents::float8 as "amountCents", to_char(requested_on, 'YYYY-MM-DD') as "requestedOn",
         decision, granted_cents::float8 as "grantedCents", to_char(decided_on, 'YYYY-MM-DD') as "decidedOn"
    from bbz_request`;

/** TONK applications and Bbz requests of the current municipality. */
export class TonkRepository {
  list(): Promise<TonkApplication[]> {
    return q(`${TONK} where municipality_id = $1 order by received_on desc, id limit 200`, [m()]);
  }

  async find(
    id: string,
    lock = false,
  ): Promise<
    | (TonkApplication & {
        email: string | null;
        postcode: string | null;
        kvkNumber: string | null;
      })
    | null
  > {
    const rows = await q(
      `select t.*, a.email, a.postcode, a.kvk_number as "kvkNumber" from (${TONK} where municipality_id = $1 and id = $2) t
         join tonk_application a on a.municipality_id = $1 and a.id = t.id${lock ? ' for update of a' : ''}`,
      [m(), id],
    );
    return rows[0] ?? null;
  }

  forCase(caseId: string): Promise<TonkApplication[]> {
    return q(`${TONK} where municipality_id = $1 and case_id = $2 order by received_on desc`, [
      m(),
      caseId,
    ]);
  }

  async insert(input: TonkApplicationInput, by: string): Promise<string> {
    const rows = await q(
      `insert into tonk_application (municipality_id, name, email, postcode, self_employed, business_name, kvk_number,
         monthly_housing_costs_cents, requested_cents, period_from, period_to, received_on, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
      [
        m(),
        input.name,
        input.email ?? null,
        input.postcode ?? null,
        input.selfEmployed,
        input.businessName ?? null,
        input.kvkNumber ?? null,
        input.monthlyHousingCostsCents,
        input.requestedCents,
        input.periodFrom,
        input.periodTo,
        input.receivedOn,
        by,
      ],
    );
    return rows[0].id;
  }

  async decide(
    table: 'tonk_application' | 'bbz_request',
    id: string,
    input: DecisionInput,
  ): Promise<boolean> {
    const [, affected]: [unknown[], number] = await q(
      `update ${table} set decision = $3, granted_cents = $4, decided_on = $5 where municipality_id = $1 and id = $2`,
      [
        m(),
        id,
        input.decision,
        input.decision === 'granted' ? input.grantedCents : null,
        input.decision === 'pending' ? null : input.decidedOn,
      ],
    );
    return affected > 0;
  }

  async linkCase(id: string, caseId: string) {
    await q('update tonk_application set case_id = $3 where municipality_id = $1 and id = $2', [
      m(),
      id,
      caseId,
    ]);
  }

  bbzForCase(caseId: string): Promise<BbzRequest[]> {
    return q(`${BBZ} where municipality_id = $1 and case_id = $2 order by requested_on desc, id`, [
      m(),
      caseId,
    ]);
  }

  async findBbz(caseId: string, id: string): Promise<BbzRequest | null> {
    const rows = await q(`${BBZ} where municipality_id = $1 and case_id = $2 and id = $3`, [
      m(),
      caseId,
      id,
    ]);
    return rows[0] ?? null;
  }

  async insertBbz(caseId: string, input: BbzRequestInput, by: string): Promise<string> {
    const rows = await q(
      `insert into bbz_request (municipality_id, case_id, kind, amount_cents, requested_on, created_by)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [m(), caseId, input.kind, input.amountCents ?? null, input.requestedOn, by],
    );
    return rows[0].id;
  }
}
