import { z } from 'zod';
import { required } from './text.ts';

/** A message of the region's coordinator to the staff of every member municipality. */
export const AnnouncementInputSchema = z.object({
  title: required('Geef het bericht een titel.', 200),
  body: required('Schrijf het bericht.', 5000, true),
});
export type AnnouncementInput = z.infer<typeof AnnouncementInputSchema>;

export const AnnouncementSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.iso.datetime(),
  publisherName: z.string(),
  publisherMunicipality: z.string(),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;
