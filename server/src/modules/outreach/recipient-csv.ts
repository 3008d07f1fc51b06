import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  EntrepreneurInputSchema,
  isCleanText,
  isValidBsn,
  isValidKvk,
  normalisePostcode,
  postcodeProblem,
  OUTREACH_COLUMNS,
  TOZO_PERIODS,
  type OutreachColumn,
  type OutreachRowError,
} from '@herorientatie/domain';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { ValidationFailed } from '../../errors.ts';

/**
 * A recipient as read from one valid line of the file. Null means "no value in the file"
 * (the column is absent or the cell is empty): an import never erases a stored value.
 */
export interface RecipientRow {
  line: number;
  kvkNumber: string | null;
  bsn: string | null;
  name: string | null;
  businessName: string | null;
  email: string | null;
  phone: string | null;
  street: string | null;
  postcode: string | null;
  houseNumber: string | null;
  houseNumberAddition: string | null;
  town: string | null;
  sbiCode: string | null;
  /** Null when the file says nothing about the periods. */
  tozoPeriods: string[] | null;
  contentHash: string;
}

export interface ParsedFile {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: ';' | ',';
  columns: string[];
  ignoredColumns: string[];
  lines: number;
  rows: RecipientRow[];
  errors: OutreachRowError[];
  warnings: OutreachRowError[];
}

export const MAX_ROWS = 50_000;

const normaliseHeader = (h: string) =>
  h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const COLUMN_BY_ALIAS = new Map<string, OutreachColumn>();
for (const [key, column] of Object.entries(OUTREACH_COLUMNS) as [
  OutreachColumn,
  { label: string; aliases: readonly string[] },
][]) {
  COLUMN_BY_ALIAS.set(normaliseHeader(column.label), key);
  for (const alias of column.aliases) COLUMN_BY_ALIAS.set(alias, key);
}

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), else Windows-1252 (Excel). */
export function detectEncoding(buffer: Buffer): 'utf-8' | 'windows-1252' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, 1_000_000));
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The separator of the header line: Dutch Excel writes `;`, others `,`. */
function detectDelimiter(text: string): ';' | ',' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => header.split(ch).length - 1;
  return count(';') >= count(',') ? ';' : ',';
}

const EMAIL = EntrepreneurInputSchema.shape.email;
const PHONE = /^\+?[0-9 ()-]{10,20}$/;
const HOUSE_NUMBER = /^[1-9][0-9]{0,4}(\s?[a-zA-Z0-9-]{1,6})?$/;
const ADDITION = /^[a-zA-Z0-9-]{1,6}$/;
/** A character Excel could not store in Windows-1252 becomes "?"; a broken byte becomes U+FFFD. */
const LOST_CHARACTER = /[?\uFFFD]/;
const masked = (bsn: string) => `******${bsn.slice(-3)}`;

function tozoPeriods(value: string): string[] | null {
  if (!value) return [];
  const found: string[] = [];
  // "Tozo 3", "tozo1, tozo3", "3/4" and "Tozo-5" all name periods.
  const numbers = value.toLowerCase().replace(/tozo\s*-?\s*/g, ' ');
  for (const part of numbers.split(/[\s,;/+&]+|\ben\b/).filter(Boolean)) {
    const n = /^([1-5])$/.exec(part)?.[1];
    if (!n) return null;
    const period = `tozo${n}`;
    if ((TOZO_PERIODS as readonly string[]).includes(period) && !found.includes(period))
      found.push(period);
  }
  return found.sort();
}

/**
 * Reads a CSV of Tozo recipients as users export it from Excel, streamed: UTF-8 or
 * Windows-1252, `;` or `,`, Dutch header names in any order, quoted fields. Returns every
 * valid row and, for every bad one, the line, column and reason; a KvK number or BSN that
 * occurs twice in the file rejects the later line.
 */
export async function readRecipientCsv(buffer: Buffer): Promise<ParsedFile> {
  const encoding = detectEncoding(buffer);
  const head = iconv.decode(buffer.subarray(0, 4096), encoding).replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(head);
  const parser = Readable.from([buffer])
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(
      parse({
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
        bom: true,
        max_record_size: 10_000,
      }),
    );

  const rows: RecipientRow[] = [];
  const errors: OutreachRowError[] = [];
  const warnings: OutreachRowError[] = [];
  const seenKvk = new Map<string, number>();
  const seenBsn = new Map<string, number>();
  let columns: (OutreachColumn | null)[] | undefined;
  let headerNames: string[] = [];
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (!columns) {
        headerNames = record;
        columns = record.map((h) => COLUMN_BY_ALIAS.get(normaliseHeader(h)) ?? null);
        if (!columns.includes('kvkNumber') && !columns.includes('bsn')) {
          throw new ValidationFailed([
            {
              name: 'file',
              code: 'missing_columns',
              reason:
                'De eerste regel moet de kolomnamen bevatten, met ten minste "KvK-nummer" of "BSN".',
            },
          ]);
        }
        continue;
      }
      if (line - 1 > MAX_ROWS) {
        throw new ValidationFailed([
          {
            name: 'file',
            code: 'too_many_rows',
            reason: `Het bestand heeft meer dan ${MAX_ROWS.toLocaleString('nl-NL')} rijen. Splits het in delen.`,
          },
        ]);
      }
      const value = (key: OutreachColumn) => {
        const index = columns!.indexOf(key);
        return index >= 0 ? (record[index] ?? '').trim() : '';
      };
      const rowErrors: OutreachRowError[] = [];
      const fail = (key: OutreachColumn, reason: string) =>
        rowErrors.push({ row: line, column: OUTREACH_COLUMNS[key].label, reason });
      const warn = (key: OutreachColumn | null, reason: string) =>
        warnings.push({ row: line, column: key ? OUTREACH_COLUMNS[key].label : '(rij)', reason });

      // A row of separators only (";;;;" as Excel writes an empty row) is no recipient.
      if (record.every((cell) => cell.trim() === '')) {
        warn(null, 'Lege regel overgeslagen.');
        continue;
      }

      for (const cell of record) {
        if (!isCleanText(cell)) {
          rowErrors.push({
            row: line,
            column: '(rij)',
            reason: 'De rij bevat tekens die niet zijn toegestaan.',
          });
          break;
        }
      }
      const kvkRaw = value('kvkNumber').replace(/[\s.]/g, '');
      // Excel drops a leading zero from numbers: 7 digits for a KvK number, 8 for a BSN.
      const kvk = kvkRaw === '' ? null : kvkRaw.length === 7 ? `0${kvkRaw}` : kvkRaw;
      if (kvk !== null && !isValidKvk(kvk))
        fail('kvkNumber', `"${value('kvkNumber')}": een KvK-nummer bestaat uit 8 cijfers.`);
      else if (kvk !== null && kvk !== kvkRaw)
        warn(
          'kvkNumber',
          `${kvkRaw} heeft 7 cijfers; gelezen als ${kvk} (Excel laat een voorloopnul weg). Controleer het nummer.`,
        );
      const bsnRaw = value('bsn').replace(/[\s.]/g, '');
      const bsn = bsnRaw === '' ? null : bsnRaw.length === 8 ? `0${bsnRaw}` : bsnRaw;
      if (bsn !== null && !isValidBsn(bsn))
        fail('bsn', `${masked(bsnRaw.padStart(9, '*'))}: dit BSN klopt niet (elfproef).`);
      else if (bsn !== null && bsn !== bsnRaw)
        warn('bsn', `${masked(bsn)} had 8 cijfers; aangevuld met een voorloopnul.`);
      if (kvk === null && bsn === null) fail('kvkNumber', 'Vul een KvK-nummer of een BSN in.');
      const postcodeRaw = value('postcode');
      const postcode = postcodeRaw ? normalisePostcode(postcodeRaw) : null;
      if (postcodeRaw && !postcode) fail('postcode', postcodeProblem(postcodeRaw)!);
      const email = value('email').toLowerCase() || null;
      if (email && !EMAIL.safeParse(email).success)
        fail('email', `"${value('email')}": dit is geen geldig e-mailadres.`);
      const phone = value('phone') || null;
      if (phone && !PHONE.test(phone))
        fail('phone', `"${phone}": een telefoonnummer heeft 10 cijfers, zoals 06 12345678.`);
      const houseNumber = value('houseNumber') || null;
      if (houseNumber && !HOUSE_NUMBER.test(houseNumber))
        fail(
          'houseNumber',
          `"${houseNumber}": een huisnummer begint met een cijfer, zoals 14 of 14A.`,
        );
      const houseNumberAddition = value('houseNumberAddition') || null;
      if (houseNumberAddition && !ADDITION.test(houseNumberAddition))
        fail(
          'houseNumberAddition',
          `"${houseNumberAddition}": een toevoeging is een letter of kort nummer, zoals A of 2.`,
        );
      const sbiCode = value('sbiCode').replace(/\D/g, '') || null;
      if (value('sbiCode') && (!sbiCode || sbiCode.length < 2 || sbiCode.length > 5)) {
        fail('sbiCode', `"${value('sbiCode')}": een SBI-code bestaat uit 2 tot 5 cijfers.`);
      }
      const periods = tozoPeriods(value('tozoPeriods'));
      if (!periods)
        fail(
          'tozoPeriods',
          `"${value('tozoPeriods')}": gebruik Tozo 1 tot en met Tozo 5, bijvoorbeeld "Tozo 3".`,
        );
      for (const [key, max] of [
        ['name', 200],
        ['businessName', 200],
        ['street', 120],
        ['town', 80],
      ] as const) {
        if (value(key).length > max)
          fail(key, `Maximaal ${max} tekens; dit veld heeft er ${value(key).length}.`);
      }
      for (const key of ['name', 'businessName', 'street', 'town'] as const) {
        if (LOST_CHARACTER.test(value(key)))
          warn(
            key,
            `"${value(key)}" bevat een ? of �: een letter als ë of é is bij het opslaan verloren gegaan. Sla het bestand in Excel op als "CSV UTF-8" en lees het opnieuw in.`,
          );
      }
      if (kvk && seenKvk.has(kvk)) {
        fail('kvkNumber', `Dit KvK-nummer staat ook op regel ${seenKvk.get(kvk)}.`);
      }
      if (bsn && seenBsn.has(bsn)) fail('bsn', `Dit BSN staat ook op regel ${seenBsn.get(bsn)}.`);
      if (rowErrors.length > 0) {
        errors.push(...rowErrors);
        continue;
      }
      if (kvk) seenKvk.set(kvk, line);
      if (bsn) seenBsn.set(bsn, line);
      const row = {
        kvkNumber: kvk,
        bsn,
        name: value('name') || null,
        businessName: value('businessName') || null,
        email,
        phone,
        street: value('street') || null,
        postcode,
        houseNumber,
        houseNumberAddition,
        town: value('town') || null,
        sbiCode,
        tozoPeriods: periods && periods.length > 0 ? periods : null,
      };
      rows.push({
        line,
        ...row,
        contentHash: createHash('sha256').update(JSON.stringify(row)).digest('base64url'),
      });
    }
  } catch (err) {
    if (err instanceof ValidationFailed) throw err;
    const e = err as { code?: string; lines?: number; message?: string };
    throw new ValidationFailed([
      {
        name: 'file',
        code: 'unreadable',
        reason: `Het bestand kon niet worden gelezen als CSV${e.lines ? ` (rond regel ${e.lines})` : ''}. Sla het in Excel op als "CSV (gescheiden door lijstscheidingsteken)".`,
      },
    ]);
  }
  if (!columns) {
    throw new ValidationFailed([{ name: 'file', code: 'empty', reason: 'Het bestand is leeg.' }]);
  }
  return {
    encoding,
    delimiter,
    columns: headerNames.filter((_, i) => columns![i] !== null),
    ignoredColumns: headerNames.filter((_, i) => columns![i] === null),
    lines: line,
    rows,
    errors,
    warnings,
  };
}
