/**
 * Dates and times as the municipality reads them: Dutch, in Dutch time, whatever the time
 * zone of the server or the device. One place for the pages, letters, PDFs and exports.
 */
export const DUTCH_TIME_ZONE = 'Europe/Amsterdam';

/** A calendar date (YYYY-MM-DD) is read at noon, so no time zone moves it to another day. */
const instant = (value: string | Date) =>
  value instanceof Date ? value : new Date(value.length === 10 ? `${value}T12:00:00Z` : value);

/** "5 mrt 2021" */
export function formatDateNl(value: string | Date | null | undefined): string {
  return value
    ? instant(value).toLocaleDateString('nl-NL', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: DUTCH_TIME_ZONE,
      })
    : '—';
}

/** "5 mrt 2021, 09:30" */
export function formatDateTimeNl(value: string | Date | null | undefined): string {
  return value
    ? instant(value).toLocaleString('nl-NL', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: DUTCH_TIME_ZONE,
      })
    : '—';
}

/** "5 maart 2021", for letters and reports. */
export function longDateNl(value: string | Date | null | undefined): string {
  return value
    ? instant(value).toLocaleDateString('nl-NL', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: DUTCH_TIME_ZONE,
      })
    : '—';
}

/** "vrijdag 5 maart 2021 om 09:30 uur", for an appointment in a letter. */
export function dayAndTimeNl(value: string | Date): string {
  const d = instant(value);
  const day = d.toLocaleDateString('nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: DUTCH_TIME_ZONE,
  });
  const time = d.toLocaleTimeString('nl-NL', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: DUTCH_TIME_ZONE,
  });
  return `${day} om ${time} uur`;
}

/** The calendar day (YYYY-MM-DD) in Dutch time: today by default. */
export function dutchDay(value: string | Date = new Date()): string {
  return instant(value).toLocaleDateString('sv-SE', { timeZone: DUTCH_TIME_ZONE });
}

/** The Monday of the week a calendar day (YYYY-MM-DD) lies in: the start of an agenda week. */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}
