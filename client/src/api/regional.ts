import {
  AnnouncementInputSchema,
  AnnouncementSchema,
  type Announcement,
  type OpenCasesFigure,
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
