import type { DataSource } from 'typeorm';
import { currentManager } from '../../db/unit-of-work.ts';

export interface OpenCasesRow {
  municipality_id: string | null;
  municipality_code: string | null;
  municipality_name: string;
  open_cases: number | null;
  suppressed: boolean;
  exact: boolean;
  as_of: string;
}

export interface FigureRow {
  municipality_id: string | null;
  municipality_code: string | null;
  municipality_name: string;
  measure: string;
  dimension: string;
  value: number | null;
  suppressed: boolean;
  exact: boolean;
}

export interface DurationRow {
  municipality_id: string;
  municipality_code: string;
  municipality_name: string;
  to_intake_days: string | null;
  to_route_days: string | null;
}

export interface ReferralDurationRow {
  municipality_id: string | null;
  municipality_code: string | null;
  municipality_name: string;
  days: string | null;
}

export interface CostRow {
  municipality_id: string | null;
  municipality_code: string | null;
  municipality_name: string;
  service_type: string;
  clients: number | null;
  per_client_cents: number | null;
  suppressed: boolean;
  exact: boolean;
}

export interface BudgetRow {
  municipality_id: string | null;
  municipality_code: string | null;
  municipality_name: string;
  planned_cents: number | null;
  realised_cents: number | null;
  suppressed: boolean;
  exact: boolean;
}

/**
 * Figures across the municipalities of the caller's region. They come only from the
 * SECURITY DEFINER functions of the aggregate role (schema `figures`), which return counts,
 * never rows; the application role cannot read another municipality's rows itself.
 */
export class RegionalRepository {
  openCases(threshold: number, ownKnown: boolean): Promise<OpenCasesRow[]> {
    return currentManager().query(
      `select municipality_id, municipality_code, municipality_name, open_cases, suppressed, exact,
              to_char(as_of, 'YYYY-MM-DD') as as_of
         from figures.open_cases_by_municipality($1, $2) order by municipality_name`,
      [threshold, ownKnown],
    );
  }

  figures(from: string, to: string, threshold: number, ownKnown: boolean): Promise<FigureRow[]> {
    return currentManager().query('select * from figures.region_figures($1, $2, $3, $4)', [
      from,
      to,
      threshold,
      ownKnown,
    ]);
  }

  durations(
    from: string,
    to: string,
    threshold: number,
    ownKnown: boolean,
  ): Promise<DurationRow[]> {
    return currentManager().query('select * from figures.region_durations($1, $2, $3, $4)', [
      from,
      to,
      threshold,
      ownKnown,
    ]);
  }

  referralDurations(
    from: string,
    to: string,
    threshold: number,
    ownKnown: boolean,
  ): Promise<ReferralDurationRow[]> {
    return currentManager().query(
      'select * from figures.region_referral_durations($1, $2, $3, $4)',
      [from, to, threshold, ownKnown],
    );
  }

  costs(from: string, to: string, threshold: number, ownKnown: boolean): Promise<CostRow[]> {
    return currentManager().query(
      `select municipality_id, municipality_code, municipality_name, service_type, clients,
              per_client_cents::float8 as per_client_cents, suppressed, exact
         from figures.region_costs($1, $2, $3, $4)`,
      [from, to, threshold, ownKnown],
    );
  }

  budget(year: number, threshold: number, ownKnown: boolean): Promise<BudgetRow[]> {
    return currentManager().query(
      `select municipality_id, municipality_code, municipality_name, planned_cents::float8 as planned_cents,
              realised_cents::float8 as realised_cents, suppressed, exact
         from figures.region_budget($1, $2, $3)`,
      [year, threshold, ownKnown],
    );
  }

  /** What each municipality of the region expected for a year (its budget's assumptions). */
  plans(year: number): Promise<
    {
      municipality_code: string;
      municipality_name: string;
      response_rate_percent: string | null;
      expected_campaign_sign_ups: number | null;
    }[]
  > {
    return currentManager().query('select * from figures.region_plans($1)', [year]);
  }

  /** The partner organisations of the caller's region (reference data), for their names. */
  partners(regionId: string): Promise<{ code: string; name: string }[]> {
    return currentManager().query(
      'select code, name from partner_organisation where region_id = $1 order by name',
      [regionId],
    );
  }

  async refreshedAt(): Promise<Date | null> {
    const rows = await currentManager().query('select at from figures.refreshed_at()');
    return rows[0]?.at ?? null;
  }

  /** The last month published for other municipalities (YYYY-MM), null before any rebuild. */
  async publishedThrough(): Promise<string | null> {
    const rows = await currentManager().query(
      `select to_char(date_trunc('month', at at time zone 'Europe/Amsterdam') - interval '1 month', 'YYYY-MM') as month
         from figures.refreshed_at()`,
    );
    return rows[0]?.month ?? null;
  }
}

/** Rebuilds the rollup; runs as a job, outside any municipality (the function sets each). */
export async function refreshRegionalFigures(dataSource: DataSource): Promise<number> {
  const rows = await dataSource.query('select figures.refresh_monthly() as n');
  return rows[0].n;
}
