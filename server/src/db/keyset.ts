import { ValidationFailed } from '../errors.ts';

/**
 * Keyset (cursor) paging: a page ends with the sort value and id of its last row; the next
 * page starts after them. The cursor is opaque to clients and checked on the way back in,
 * so a tampered cursor is a 400, never a database error or a silent first page.
 */
export function encodeCursor(value: Date, id: string): string {
  return Buffer.from(JSON.stringify([value.toISOString(), id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MIN = Date.UTC(1900, 0, 1);
const MAX = Date.UTC(2100, 0, 1);

/** The sort value and id in a cursor, or null when it is not one of ours. */
export function decodeCursor(cursor: string): { value: string; id: string } | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [value, id] = parsed as unknown[];
    if (typeof value !== 'string' || typeof id !== 'string' || !UUID.test(id)) return null;
    const ms = Date.parse(value);
    // Only what encodeCursor writes: an ISO time that reads back the same, in a sane range.
    if (Number.isNaN(ms) || ms < MIN || ms >= MAX || new Date(ms).toISOString() !== value) {
      return null;
    }
    return { value, id };
  } catch {
    return null;
  }
}

/**
 * The condition "after the cursor" for `order by column, id` in the given direction.
 * `bind` adds a parameter and returns its placeholder.
 */
export function afterCursor(
  cursor: string,
  column: string,
  idColumn: string,
  descending: boolean,
  bind: (value: unknown) => string,
): string {
  const decoded = decodeCursor(cursor);
  if (!decoded) {
    throw new ValidationFailed([
      {
        name: 'cursor',
        code: 'invalid_cursor',
        reason: 'Deze vervolgpagina bestaat niet. Begin opnieuw bij de eerste pagina.',
      },
    ]);
  }
  const op = descending ? '<' : '>';
  return `(${column}, ${idColumn}) ${op} (${bind(decoded.value)}::timestamptz, ${bind(decoded.id)}::uuid)`;
}

/** Cuts the one extra row fetched to know whether a next page exists. */
export function pageOf<T>(
  rows: T[],
  pageSize: number,
  key: (row: T) => { value: Date; id: string },
): { rows: T[]; nextCursor: string | null } {
  const more = rows.length > pageSize;
  const page = more ? rows.slice(0, pageSize) : rows;
  const last = page.at(-1);
  if (!more || !last) return { rows: page, nextCursor: null };
  const { value, id } = key(last);
  return { rows: page, nextCursor: encodeCursor(value, id) };
}
