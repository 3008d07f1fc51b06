import { INTAKE_MODE_LABELS, intakePlace, type CaseDetail } from '@herorientatie/domain';
import { createEvent } from 'ics';
import type { LetterheadRow } from './letters.repository.ts';

/**
 * The calendar invitation (iCalendar, RFC 5545) sent with an e-mailed intake invitation: the
 * planned time in UTC, an hour long, the place or video link, and the municipality as
 * organiser, so that the entrepreneur's agenda holds the appointment. Null when no intake
 * is planned.
 */
export function intakeCalendar(detail: CaseDetail, h: LetterheadRow): string | null {
  if (!detail.intakeScheduledAt) return null;
  const place = intakePlace(detail);
  const { error, value } = createEvent({
    uid: `intake-${detail.id}@herorientatie`,
    start: Date.parse(detail.intakeScheduledAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { hours: 1 },
    title: `Intakegesprek heroriëntatie (gemeente ${h.municipality})`,
    description: [
      `${detail.intakeMode ? INTAKE_MODE_LABELS[detail.intakeMode] : 'Intakegesprek'} met ${detail.advisorName ?? 'de bedrijfsadviseur'}.`,
      `Dossiernummer ${detail.reference}.`,
      h.phone ? `Verhinderd? Bel ${h.phone}.` : null,
    ]
      .filter(Boolean)
      .join('\n'),
    ...(place && detail.intakeMode !== 'video' ? { location: place } : {}),
    ...(detail.intakeMode === 'video' && detail.intakeVideoLink
      ? { url: detail.intakeVideoLink, location: 'Videogesprek' }
      : {}),
    ...(h.email ? { organizer: { name: `Gemeente ${h.municipality}`, email: h.email } } : {}),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    method: 'REQUEST',
    productId: 'herorientatie/intake',
  });
  if (error || !value) throw error ?? new Error('De agenda-uitnodiging kon niet worden gemaakt.');
  return value;
}
