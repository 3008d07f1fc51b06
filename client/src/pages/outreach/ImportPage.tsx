import { can, OUTREACH_COLUMNS, type Me, type OutreachImportReport } from '@herorientatie/domain';
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { ApiError, type UploadProgress } from '../../api/client.ts';
import { useImportHistory, useImportUpload, type ImportStep } from '../../api/outreach.ts';
import { formatDateTime } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { NOT_SENT, SESSION_ENDED } from '../../forms/field-errors.ts';
import { usePageTitle } from '../../page-focus.ts';
import { principalOf } from '../../principal.ts';
import { DataList } from '../case/data-list.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';

const MAX_BYTES = 20 * 1024 * 1024;
const MODE_LABELS: Record<string, string> = {
  'all-or-nothing': 'Alles of niets',
  'valid-rows': 'Alleen de goede rijen',
};
const ENCODING_LABELS = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252 (Excel)' } as const;
const DELIMITER_LABELS = { ';': 'puntkomma (;)', ',': 'komma (,)' } as const;

const megabytes = (bytes: number) =>
  `${(bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;

/** A refused upload in words: the server's reasons, one per line, or why it did not arrive. */
function problemLines(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [NOT_SENT];
  if (error.status === 401) return [SESSION_ENDED];
  if (error.fieldErrors.length > 0) {
    return error.fieldErrors.map((e) =>
      e.name.startsWith('regel ') ? `${e.name}: ${e.reason}` : e.reason,
    );
  }
  return [error.message];
}

/** How far the upload is; a screen reader hears the phase, not every percent. */
function Progress({ progress }: { progress: UploadProgress | undefined }) {
  const id = useId();
  if (progress === undefined) return null;
  return (
    <div className="app-progress">
      <div role="status">
        {progress ? 'Het bestand wordt verstuurd…' : 'Het bestand wordt gecontroleerd…'}
      </div>
      {progress && (
        <>
          <label id={id} className="utrecht-form-label">
            {megabytes(progress.sent)} van {megabytes(progress.total)} verstuurd
          </label>
          <progress aria-labelledby={id} max={progress.total} value={progress.sent} />
        </>
      )}
    </div>
  );
}

function Report({ report }: { report: OutreachImportReport }) {
  return (
    <>
      <DataList
        rows={[
          ['Bestand', report.filename],
          ['Rijen', String(report.rows)],
          ['Nieuwe ontvangers', String(report.counts.new)],
          ['Bij te werken', String(report.counts.updated)],
          ['Ongewijzigd', String(report.counts.unchanged)],
          ['Afgekeurde rijen', String(report.counts.rejected)],
          ['Tekenset', ENCODING_LABELS[report.encoding]],
          ['Scheidingsteken', DELIMITER_LABELS[report.delimiter]],
          ['Herkende kolommen', report.columns.join(', ') || 'Geen'],
          ['Genegeerde kolommen', report.ignoredColumns.join(', ') || 'Geen'],
        ]}
      />
      {report.errors.length > 0 && (
        <DataTable
          caption={`Rijen met fouten (${report.errors.length}${report.errorsTruncated ? ' of meer' : ''})`}
          columns={['Regel', 'Kolom', 'Reden']}
          rows={report.errors.map((e, index) => ({
            key: `${e.row}-${e.column}-${index}`,
            cells: [e.row, e.column, e.reason],
          }))}
        />
      )}
      {report.errorsTruncated && (
        <Paragraph>
          Hier staan alleen de eerste fouten. Verbeter ze in het bestand en controleer het opnieuw.
        </Paragraph>
      )}
      {report.warnings.length > 0 && (
        <DataTable
          caption={`Om te controleren (${report.warnings.length}${report.warningsTruncated ? ' of meer' : ''}): deze rijen worden wel ingelezen`}
          columns={['Regel', 'Kolom', 'Wat opvalt']}
          rows={report.warnings.map((w, index) => ({
            key: `w-${w.row}-${w.column}-${index}`,
            cells: [w.row, w.column, w.reason],
          }))}
        />
      )}
      {report.changes.length > 0 && (
        <>
          <DataTable
            caption={`Wat er verandert bij bekende ontvangers (${report.changes.length}${report.changesTruncated ? ' of meer' : ''})`}
            columns={['Regel', 'Ontvanger', 'Veld', 'Nu', 'Wordt']}
            rows={report.changes.flatMap((c) =>
              c.fields.map((f, index) => ({
                key: `c-${c.row}-${f.column}-${index}`,
                cells: [
                  index === 0 ? c.row : '',
                  index === 0 ? c.recipient : '',
                  f.column,
                  f.old ?? '(leeg)',
                  f.new,
                ],
              })),
            )}
          />
          <Paragraph>
            Een kolom die niet in het bestand staat, of een leeg vakje, laat de bewaarde waarde
            staan: een import wist nooit gegevens.
          </Paragraph>
        </>
      )}
    </>
  );
}

function Failure({
  failure,
  focusRef,
}: {
  failure: { step: ImportStep; lines: string[] };
  focusRef: RefObject<HTMLDivElement | null>;
}) {
  return (
    <div ref={focusRef} tabIndex={-1} className="app-error-summary">
      <Alert type="error">
        <strong>
          {failure.step === 'preview'
            ? 'Het bestand kon niet worden gecontroleerd'
            : 'Er is niets ingelezen'}
        </strong>
        <ul>
          {failure.lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}

function History() {
  const history = useImportHistory();
  return (
    <section aria-labelledby="history-heading" className="app-section">
      <Heading level={2} id="history-heading">
        Eerdere imports
      </Heading>
      {history.isPending && <Paragraph>Laden…</Paragraph>}
      {history.error && <Alert type="error">{history.error.message}</Alert>}
      {history.data?.length === 0 && <Paragraph>Er is nog niets geïmporteerd.</Paragraph>}
      {history.data && history.data.length > 0 && (
        <DataTable
          caption="Imports, nieuwste eerst"
          columns={[
            'Datum',
            'Bestand',
            'Manier',
            { label: 'Rijen', numeric: true },
            { label: 'Nieuw', numeric: true },
            { label: 'Bijgewerkt', numeric: true },
            { label: 'Ongewijzigd', numeric: true },
            { label: 'Afgekeurd', numeric: true },
            'Door',
          ]}
          rows={history.data.map((entry) => ({
            key: entry.id,
            cells: [
              formatDateTime(entry.importedAt),
              entry.filename,
              MODE_LABELS[entry.mode] ?? entry.mode,
              entry.rows,
              entry.counts.new,
              entry.counts.updated,
              entry.counts.unchanged,
              entry.counts.rejected,
              entry.importedBy,
            ],
          }))}
        />
      )}
    </section>
  );
}

/**
 * The import of a list of Tozo recipients in three steps: choose the file, read the dry
 * run's report, import all or only the good rows. Large files show how far the upload is.
 */
export function ImportPage({ me }: { me: Me }) {
  usePageTitle('Tozo-ontvangers importeren');
  const upload = useImportUpload();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | undefined>(undefined);
  const [preview, setPreview] = useState<OutreachImportReport | null>(null);
  const [result, setResult] = useState<OutreachImportReport | null>(null);
  const [mode, setMode] = useState<'all-or-nothing' | 'valid-rows'>('valid-rows');
  const [failure, setFailure] = useState<{ step: ImportStep; lines: string[] } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  // Each new outcome takes the focus, so a screen reader reads it out.
  useEffect(() => reportHeading.current?.focus(), [preview]);
  useEffect(() => resultHeading.current?.focus(), [result]);
  useEffect(() => failureRef.current?.focus(), [failure]);

  if (!can(principalOf(me), 'outreach:manage')) return <NotFoundPage />;

  const send = async (step: ImportStep) => {
    if (!file) return;
    setFailure(null);
    setProgress({ sent: 0, total: file.size });
    try {
      const report = await upload.mutateAsync({ step, file, onProgress: setProgress });
      if (step === 'preview') {
        setPreview(report);
        setMode(report.counts.rejected > 0 ? 'valid-rows' : 'all-or-nothing');
      } else {
        setResult(report);
        setPreview(null);
      }
    } catch (error) {
      setFailure({ step, lines: problemLines(error) });
    } finally {
      setProgress(undefined);
    }
  };

  const onCheck = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError('Kies een CSV-bestand.');
      inputRef.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError(`Het bestand is ${megabytes(file.size)}; dat is groter dan 20 MB.`);
      inputRef.current?.focus();
      return;
    }
    void send('preview');
  };

  const startOver = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setFailure(null);
    if (inputRef.current) inputRef.current.value = '';
  };

  const busy = upload.isPending;
  const good = preview ? preview.rows - preview.counts.rejected : 0;

  return (
    <>
      <Heading level={1}>Tozo-ontvangers importeren</Heading>
      <Paragraph>
        Lees de lijst met Tozo-ontvangers van uw gemeente in. Sla de lijst in Excel op als CSV
        (puntkomma of komma, UTF-8 of de standaard van Excel). Eerst controleren we het bestand; dan
        wordt er nog niets opgeslagen. Daarna kiest u hoe u importeert. Een bestand is hoogstens 20
        MB en 50.000 rijen. Wie al bekend is (zelfde KvK-nummer of BSN), wordt bijgewerkt.
      </Paragraph>
      <details className="app-details">
        <summary>Welke kolommen worden herkend?</summary>
        <ul>
          {Object.values(OUTREACH_COLUMNS).map((column) => (
            <li key={column.label}>{column.label}</li>
          ))}
        </ul>
        <Paragraph>Andere kolommen worden genegeerd; het verslag noemt ze.</Paragraph>
      </details>

      {result ? (
        <section aria-labelledby="result-heading" className="app-section">
          <h2 id="result-heading" ref={resultHeading} tabIndex={-1} className="utrecht-heading-2">
            Import klaar
          </h2>
          <Alert type="ok">
            {result.filename} is ingelezen: {result.counts.new} nieuw, {result.counts.updated}{' '}
            bijgewerkt, {result.counts.unchanged} ongewijzigd
            {result.counts.rejected > 0 ? `, ${result.counts.rejected} rijen overgeslagen` : ''}.
          </Alert>
          <Report report={result} />
          <Button appearance="secondary-action" onClick={startOver}>
            Nog een bestand importeren
          </Button>
        </section>
      ) : (
        <form onSubmit={onCheck} noValidate className="app-section app-form-panel">
          <Heading level={2}>1. Bestand kiezen</Heading>
          <div className={`utrecht-form-field${fileError ? ' utrecht-form-field--invalid' : ''}`}>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="import-file">
                CSV-bestand *
              </label>
            </div>
            {fileError && (
              <div className="utrecht-form-field-error-message" id="import-file-error">
                {fileError}
              </div>
            )}
            <input
              ref={inputRef}
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? 'import-file-error' : undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setFileError(null);
                setPreview(null);
                setFailure(null);
              }}
            />
          </div>
          <div className="utrecht-button-group app-submit-bar">
            <Button type="submit" disabled={busy} aria-busy={busy && !preview}>
              Bestand controleren
            </Button>
          </div>
        </form>
      )}

      <Progress progress={progress} />

      {failure?.step === 'preview' && <Failure failure={failure} focusRef={failureRef} />}

      {preview && !result && (
        <section aria-labelledby="report-heading" className="app-section">
          <h2 id="report-heading" ref={reportHeading} tabIndex={-1} className="utrecht-heading-2">
            2. Uitkomst van de controle
          </h2>
          <Paragraph>Er is nog niets opgeslagen.</Paragraph>
          <Report report={preview} />
          <Heading level={2}>3. Importeren</Heading>
          {preview.counts.rejected > 0 ? (
            <fieldset className="utrecht-form-fieldset app-radio-group">
              <legend className="utrecht-form-fieldset__legend">
                {preview.counts.rejected} rijen zijn afgekeurd. Hoe wilt u importeren?
              </legend>
              {(
                [
                  [
                    'valid-rows',
                    `Alleen de goede rijen: ${good} rijen worden ingelezen, de afgekeurde niet.`,
                  ],
                  [
                    'all-or-nothing',
                    'Alles of niets: omdat er fouten zijn, wordt niets ingelezen. Verbeter eerst het bestand.',
                  ],
                ] as const
              ).map(([value, label]) => (
                <div key={value} className="utrecht-form-field utrecht-form-field--radio">
                  <input
                    type="radio"
                    id={`import-mode-${value}`}
                    name="import-mode"
                    className="utrecht-radio-button utrecht-radio-button--html-input"
                    checked={mode === value}
                    onChange={() => setMode(value)}
                  />
                  <label
                    className="utrecht-form-label utrecht-form-label--radio"
                    htmlFor={`import-mode-${value}`}
                  >
                    {label}
                  </label>
                </div>
              ))}
            </fieldset>
          ) : (
            <Paragraph>Alle rijen zijn goed. Alles wordt in één keer ingelezen.</Paragraph>
          )}
          <div className="utrecht-button-group app-submit-bar">
            <Button onClick={() => void send(mode)} disabled={busy} aria-busy={busy}>
              {busy ? 'Bezig…' : 'Importeren'}
            </Button>
            <Button appearance="secondary-action" onClick={startOver} disabled={busy}>
              Ander bestand kiezen
            </Button>
          </div>
          {failure && failure.step !== 'preview' && (
            <Failure failure={failure} focusRef={failureRef} />
          )}
        </section>
      )}

      <History />
    </>
  );
}
