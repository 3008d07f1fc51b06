import { access } from './access.sql.ts';
import { campaignAttribution } from './campaign-attribution.sql.ts';
import { cellKey } from './cell-key.sql.ts';
import { openCases } from './open-cases.sql.ts';
import { refreshMonthly } from './refresh-monthly.sql.ts';
import { regionCosts } from './region-costs.sql.ts';
import { regionDurations } from './region-durations.sql.ts';
import { regionFigures } from './region-figures.sql.ts';
import { regionPlans } from './region-plans.sql.ts';

export { applyFiguresSql, restoreFiguresFunctions, snapshotFiguresFunctions } from './kit.ts';
export type { FiguresSql } from './kit.ts';

/** Every function of the figures schema, in the order they depend on each other. */
export const FIGURES_SQL = [
  access,
  cellKey,
  refreshMonthly,
  regionFigures,
  regionDurations,
  regionCosts,
  openCases,
  campaignAttribution,
  regionPlans,
];
