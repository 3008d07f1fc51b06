import Holidays from 'date-holidays';

/** Dutch public holidays (New Year, Easter, King's Day, Ascension, Whitsun, Christmas). */
const holidays = new Holidays('NL');

/** Whether a calendar day (YYYY-MM-DD) is a working day: not a weekend, not a public holiday. */
export function isWorkingDay(day: string): boolean {
  const date = new Date(`${day}T12:00:00Z`);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const found = holidays.isHoliday(new Date(`${day}T12:00:00`));
  return !(found && found.some((h) => h.type === 'public'));
}

/**
 * The day `count` working days after `from` (YYYY-MM-DD): a promise of "within five working
 * days" made on a Friday before Easter ends on the Friday after it.
 */
export function addWorkingDays(from: string, count: number): string {
  const date = new Date(`${from}T12:00:00Z`);
  let left = count;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isWorkingDay(date.toISOString().slice(0, 10))) left--;
  }
  return date.toISOString().slice(0, 10);
}
