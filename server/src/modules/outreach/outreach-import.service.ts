import type { OutreachImportReport, OutreachRowError } from '@herorientatie/domain';
import type { UserActor } from '../../context/actor.ts';
import { ValidationFailed } from '../../errors.ts';
import { AuditService } from '../audit/audit.service.ts';
import { OutreachImportRepository, type ExistingRecipient } from './outreach-import.repository.ts';
import { readRecipientCsv, type RecipientRow } from './recipient-csv.ts';

const MAX_REPORTED_ERRORS = 1000;

interface Plan {
  fresh: RecipientRow[];
  changed: (RecipientRow & { id: string })[];
  unchanged: number;
  conflicts: OutreachRowError[];
}

/** Matches each row on KvK number, then BSN, against the recipients already known. */
function plan(rows: RecipientRow[], existing: ExistingRecipient[]): Plan {
  const byKvk = new Map<string, ExistingRecipient>();
  const byBsn = new Map<string, ExistingRecipient>();
  for (const e of existing) {
    if (e.kvk_number) byKvk.set(e.kvk_number, e);
    if (e.bsn) byBsn.set(e.bsn, e);
  }
  const result: Plan = { fresh: [], changed: [], unchanged: 0, conflicts: [] };
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
    if (!match) result.fresh.push(row);
    else if (match.content_hash === row.contentHash) result.unchanged++;
    else result.changed.push({ ...row, id: match.id });
  }
  return result;
}

/**
 * Imports the municipality's Tozo recipients from CSV: a dry run that reports every bad
 * row, then an import in one transaction — all rows or none, or only the valid ones, as the
 * user chooses. A re-import matches on KvK number, then BSN, and creates no duplicates.
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
