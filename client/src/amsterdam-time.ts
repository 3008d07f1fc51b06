/**
 * Times as the municipality means them: a datetime-local field shows and takes Dutch time,
 * whatever time zone the device is set to, like every date the pages show.
 */
const ZONE = 'Europe/Amsterdam';
const parts = new Intl.DateTimeFormat('sv-SE', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** ISO instant → "YYYY-MM-DDTHH:mm" in Dutch time (the value of a datetime-local input). */
export function toAmsterdamInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return parts.format(d).replace(' ', 'T');
}

/** "YYYY-MM-DDTHH:mm" in Dutch time → ISO instant; null when it is no valid time. */
export function fromAmsterdamInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const asUtc = Date.parse(`${value}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  // The offset of Dutch time at that moment (one hour in winter, two in summer).
  const offsetAt = (t: number) =>
    Date.parse(`${toAmsterdamInput(new Date(t).toISOString())}:00Z`) - t;
  let instant = asUtc - offsetAt(asUtc);
  instant = asUtc - offsetAt(instant);
  return new Date(instant).toISOString();
}
