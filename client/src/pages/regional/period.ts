/** Months as YYYY-MM, the form the figures are asked for in. */

const monthOf = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;

/** The last twelve months, this month included. */
export function lastTwelveMonths(today = new Date()): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth() - 11, 1);
  return { from: monthOf(from), to: monthOf(today) };
}

/** From January of this year up to and including this month. */
export function thisYear(today = new Date()): { from: string; to: string } {
  return { from: `${today.getFullYear()}-01`, to: monthOf(today) };
}

const MONTH_NAME = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric' });

/** "maart 2021" */
export function monthText(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return MONTH_NAME.format(new Date(year!, number! - 1, 1));
}

/** "januari 2021 t/m december 2021", or one month. */
export function periodText(from: string, to: string): string {
  return from === to ? monthText(from) : `${monthText(from)} t/m ${monthText(to)}`;
}
