import {
  AnnouncementInputSchema,
  AnnouncementSchema,
  type Announcement,
  type OpenCasesFigure,
  type RegionalCosts,
  type RegionalFigures,
} from '@herorientatie/domain';
import { z } from 'zod';
import { createMutation, createQueryHook } from './hooks.ts';
import { STALE_AFTER } from './invalidation.ts';

export const useAnnouncements = createQueryHook<Announcement[]>(
  'announcements',
  () => 'announcements',
);
export const usePublishAnnouncement = createMutation({
  method: 'POST',
  path: () => 'announcements',
  input: AnnouncementInputSchema,
  output: AnnouncementSchema,
  invalidates: STALE_AFTER.announcementChange,
  idempotent: true,
});
export const useRemoveAnnouncement = createMutation({
  method: 'DELETE',
  path: ({ id }: { id: string }) => `announcements/${id}`,
  input: z.undefined(),
  output: z.undefined(),
  invalidates: STALE_AFTER.announcementChange,
});

export const useOpenCases = createQueryHook<OpenCasesFigure>(
  'regional-open-cases',
  () => 'regional/open-cases',
);

export const useRegionalFigures = createQueryHook<RegionalFigures, [string, string]>(
  'regional-figures',
  (from, to) => `regional/figures?${new URLSearchParams({ from, to })}`,
);

export const useRegionalCosts = createQueryHook<RegionalCosts, [string, string]>(
  'regional-costs',
  (from, to) => `regional/costs?${new URLSearchParams({ from, to })}`,
);

/** The evaluation report for the region (`regio`) or one municipality (its CBS code). */
export const evaluationReportUrl = (
  format: 'pdf' | 'csv',
  query: { from: string; to: string; scope: string },
) => `/api/v1/regional/evaluation.${format}?${new URLSearchParams(query)}`;
