import { currentManager } from '../../db/unit-of-work.ts';

export interface OpenCasesRow {
  municipality_id: string | null;
  municipality_code: string | null;
  municipality_name: string;
  open_cases: number | null;
  suppressed: boolean;
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
}
