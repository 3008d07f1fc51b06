import type {
  OutreachImportReport,
  OutreachRowChange,
  OutreachRowError,
} from '@herorientatie/domain';
import type { UserActor } from '../../context/actor.ts';
import { ValidationFailed } from '../../errors.ts';
import { AuditService } from '../audit/audit.service.ts';
import { OutreachImportRepository, type ExistingRecipient } from './outreach-import.repository.ts';
import { readRecipientCsv, type RecipientRow } from './recipient-csv.ts';

const MAX_REPORTED_ERRORS = 1000;
const MAX_REPORTED_CHANGES = 1000;

/** The fields a re-import may change, with their column names for the preview. */
const FIELDS = [
  ['kvkNumber', 'kvk_number', 'KvK-nummer'],
  ['bsn', 'bsn', 'BSN'],
  ['name', 'name', 'Naam'],
  ['businessName', 'business_name', 'Bedrijfsnaam'],
  ['email', 'email', 'E-mailadres'],
  ['phone', 'phone', 'Telefoonnummer'],
  ['street', 'street', 'Straat'],
  ['postcode', 'postcode', 'Postcode'],
  ['houseNumber', 'house_number', 'Huisnummer'],
  ['houseNumberAddition', 'house_number_addition', 'Toevoeging'],
  ['town', 'town', 'Woonplaats'],
  ['sbiCode', 'sbi_code', 'SBI-code'],
] as const satisfies readonly (readonly [keyof RecipientRow, keyof ExistingRecipient, string])[];

const maskBsn = (v: string | null) => (v ? `******${v.slice(-3)}` : null);

interface Plan {
  fresh: RecipientRow[];
  changed: (RecipientRow & { id: string })[];
  changes: OutreachRowChange[];
  unchanged: number;
  conflicts: OutreachRowError[];
}

/** What a row changes on a known recipient: only fields the file gives a different value. */
function fieldChanges(row: RecipientRow, known: ExistingRecipient): OutreachRowChange['fields'] {
  const fields: OutreachRowChange['fields'] = [];
  for (const [key, column, label] of FIELDS) {
    const next = row[key] as string | null;
    const old = known[column] as string | null;
    if (next === null || next === old) continue;
    fields.push(
      key === 'bsn'
        ? { column: label, old: maskBsn(old), new: maskBsn(next)! }
        : { column: label, old, new: next },
    );
  }
  if (row.tozoPeriods !== null) {
    const next = [...row.tozoPeriods].sort().join(', ');
    const old = [...known.tozo_periods].sort().join(', ');
    if (next !== old) fields.push({ column: 'Tozo', old: old || null, new: next });
  }
  return fields;
}

/** Matches each row on KvK number, then BSN, against the recipients already known. */
function plan(rows: RecipientRow[], existing: ExistingRecipient[]): Plan {
  const byKvk = new Map<string, ExistingRecipient>();
  const byBsn = new Map<string, ExistingRecipient>();
  for (const e of existing) {
    if (e.kvk_number) byKvk.set(e.kvk_number, e);
    if (e.bsn) byBsn.set(e.bsn, e);
  }
  const result: Plan = { fresh: [], changed: [], changes: [], unchanged: 0, conflicts: [] };
  for (const row of rows) {
    const onKvk = row.kvkNumber ? byKvk.get(row.kvkNumber) : undefined;
    const onBsn = row.bsn ? byBsn.get(row.bsn) : undefined;
    if (onKvk && onBsn && onKvk.id !== onBsn.id) {
      result.conflicts.push({
        row: row.line,
        column: 'BSN',
        reason: 'Dit BSN hoort in de lijst bij een ander KvK-nummer.',
      });
      continue;
    }
    const match = onKvk ?? onBsn;
    if (!match) {
      result.fresh.push(row);
      continue;
    }
    const fields = fieldChanges(row, match);
    if (fields.length === 0) {
      result.unchanged++;
      continue;
    }
    result.changed.push({ ...row, id: match.id });
    result.changes.push({
      row: row.line,
      recipient: match.kvk_number ?? match.business_name ?? match.name ?? maskBsn(match.bsn)!,
      fields,
    });
  }
  return result;
}

/**
 * Imports the municipality's Tozo recipients from CSV: a dry run that reports every bad
 * row, then an import in one transaction — all rows or none, or only the valid ones, as the
 * user chooses. A re-import matches on KvK number, then BSN, and creates no duplicates; it
 * changes only the fields the file gives a value for, and the preview lists each change.
 */
export class OutreachImportService {
  constructor(
    private readonly repository = new OutreachImportRepository(),
    private readonly audit = new AuditService(),
  ) {}

  async run(
    actor: UserActor,
    file: { originalname: string; buffer: Buffer },
    options: { dryRun: boolean; mode: 'all-or-nothing' | 'valid-rows' },
  ): Promise<OutreachImportReport> {
    const parsed = await readRecipientCsv(file.buffer);
    const planned = plan(parsed.rows, await this.repository.existingKeys());
    const errors = [...parsed.errors, ...planned.conflicts].sort((a, b) => a.row - b.row);
    const rejectedLines = new Set(errors.map((e) => e.row)).size;
    const counts = {
      new: planned.fresh.length,
      updated: planned.changed.length,
      unchanged: planned.unchanged,
      rejected: rejectedLines,
    };
    const report: OutreachImportReport = {
      id: null,
      dryRun: options.dryRun,
      filename: file.originalname,
      encoding: parsed.encoding,
      delimiter: parsed.delimiter,
      columns: parsed.columns,
      ignoredColumns: parsed.ignoredColumns,
      rows: parsed.lines - 1,
      counts,
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
      errorsTruncated: errors.length > MAX_REPORTED_ERRORS,
      warnings: parsed.warnings.slice(0, MAX_REPORTED_ERRORS),
      warningsTruncated: parsed.warnings.length > MAX_REPORTED_ERRORS,
      changes: planned.changes.slice(0, MAX_REPORTED_CHANGES),
      changesTruncated: planned.changes.length > MAX_REPORTED_CHANGES,
    };
    if (options.dryRun) {
      await this.audit.record({
        action: 'read',
        objectType: 'outreach-import-preview',
        objectId: null,
      });
      return report;
    }
    if (options.mode === 'all-or-nothing' && errors.length > 0) {
      throw new ValidationFailed(
        errors.slice(0, 50).map((e) => ({
          name: `regel ${e.row}: ${e.column}`,
          code: 'invalid_row',
          reason: e.reason,
        })),
      );
    }
    const id = await this.repository.recordImport({
      filename: file.originalname,
      encoding: parsed.encoding,
      mode: options.mode,
      rows: report.rows,
      counts,
      importedBy: actor.user.id,
    });
    await this.repository.insertMany(planned.fresh, id);
    await this.repository.updateMany(planned.changed, id);
    await this.audit.record({
      action: 'create',
      objectType: 'outreach-import',
      objectId: id,
      query: { filename: file.originalname, mode: options.mode, ...counts },
    });
    return { ...report, id };
  }

  listImports() {
    return this.repository.listImports();
  }
}
