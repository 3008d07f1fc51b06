import type { DataSource } from 'typeorm';
import { currentManager } from '../../db/unit-of-work.ts';

export interface OpenCasesRow {
  municipality_id: string | null;
  municipality_code: string | null;
  municipality_name: string;
  open_cases: number | null;
  suppressed: boolean;
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

/**
 * Figures across the municipalities of the caller's region. They come only from the
 * SECURITY DEFINER functions of the aggregate role (schema `figures`), which return counts,
 * never rows; the application role cannot read another municipality's rows itself.
 */
export class RegionalRepository {
  openCases(threshold: number): Promise<OpenCasesRow[]> {
    return currentManager().query(
      'select * from figures.open_cases_by_municipality($1) order by municipality_name',
      [threshold],
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

  async refreshedAt(): Promise<Date | null> {
    const rows = await currentManager().query('select at from figures.refreshed_at()');
    return rows[0]?.at ?? null;
  }
}

/** Rebuilds the rollup; runs as a job, outside any municipality (the function sets each). */
export async function refreshRegionalFigures(dataSource: DataSource): Promise<number> {
  const rows = await dataSource.query('select figures.refresh_monthly() as n');
  return rows[0].n;
}
