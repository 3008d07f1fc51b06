import {
  addressOneLine,
  CASE_SOURCE_LABELS,
  CASE_STATUS_LABELS,
  CLOSING_OUTCOME_LABELS,
  CONTACT_CHANNEL_LABELS,
  ROUTE_OUTCOME_LABELS,
  ROUTE_TYPE_LABELS,
  URGENCY_LABELS,
  VIABILITY_LABELS,
  DOCUMENT_TYPE_LABELS,
  type Attachment,
  type CaseDetail,
  type Contact,
  type Intake,
  type NextAction,
  type Note,
  type Route,
  type TimelineEvent,
} from '@herorientatie/domain';
import { longDateNl } from '@herorientatie/domain';
import { FONT, FONT_BOLD, PdfLayout, pdfDocument } from '../../pdf.ts';

const date = longDateNl;

export interface DossierParts {
  detail: CaseDetail;
  intake: Intake | null;
  routes: Route[];
  contacts: Contact[];
  notes: Note[];
  actions: NextAction[];
  timeline: TimelineEvent[];
  documents: Attachment[];
  municipality: string;
}

/**
 * A printable summary of a case, without the BSN, for the paper file or a meeting: two
 * pages for a normal case, a label never apart from its value, and "Vertrouwelijk" with
 * the page number on every page.
 */
export function dossierSummaryPdf(p: DossierParts): Promise<Buffer> {
  const { doc, done } = pdfDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: `Dossier ${p.detail.reference}` },
  });
  const layout = new PdfLayout(doc);
  const e = p.detail.entrepreneur;
  const field = (label: string, value: string | null | undefined) =>
    layout.row(label, value || '—', { labelWidth: 150, align: 'left' });
  const section = (title: string, rows: number) => {
    layout.endSection();
    layout.heading(title, Math.min(rows, 3));
  };

  doc.font(FONT_BOLD).fontSize(18).text(`Dossier ${p.detail.reference}`);
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor('#444')
    .text(`Gemeente ${p.municipality} · afgedrukt op ${date(new Date().toISOString())}`)
    .fillColor('black');

  section('Ondernemer', 4);
  field('Naam', e.name);
  field('Bedrijf', `${e.businessName}${e.kvkNumber ? ` (KvK ${e.kvkNumber})` : ''}`);
  field('Adres', addressOneLine(e));
  field('Contact', [e.email, e.phone].filter(Boolean).join(' · '));

  section('Dossier', 5);
  field('Status', CASE_STATUS_LABELS[p.detail.status]);
  field('Aangemeld', `${date(p.detail.registeredAt)} via ${CASE_SOURCE_LABELS[p.detail.source]}`);
  field('Urgentie', URGENCY_LABELS[p.detail.urgency]);
  field('Consulent', p.detail.caseworkerName);
  field('Bedrijfsadviseur', p.detail.advisorName);
  if (p.detail.outcome)
    field('Uitkomst', `${CLOSING_OUTCOME_LABELS[p.detail.outcome]} (${date(p.detail.closedAt)})`);
  if (p.detail.withdrawnReason) field('Teruggetrokken', p.detail.withdrawnReason);

  if (p.intake) {
    section('Intake', 3);
    field('Datum', date(p.intake.date));
    field('Levensvatbaarheid', VIABILITY_LABELS[p.intake.viability]);
    field('Bevindingen', p.intake.findings);
  }
  if (p.routes.length > 0) {
    section('Routes', p.routes.length);
    for (const r of p.routes) {
      field(
        ROUTE_TYPE_LABELS[r.type].split(':')[0]!,
        `${date(r.startDate)}${r.endDate ? ` – ${date(r.endDate)}` : ' – loopt'}${r.outcome ? `: ${ROUTE_OUTCOME_LABELS[r.outcome] ?? r.outcome}` : ''}`,
      );
    }
  }
  const open = p.actions.filter((a) => a.status === 'open');
  if (open.length > 0) {
    section('Openstaande acties', open.length);
    for (const a of open)
      field(date(a.dueOn), `${a.title}${a.ownerName ? ` (${a.ownerName})` : ''}`);
  }
  if (p.contacts.length > 0) {
    section('Contacten (laatste 10)', p.contacts.length);
    for (const c of p.contacts.slice(0, 10))
      field(`${date(c.occurredAt)}, ${CONTACT_CHANNEL_LABELS[c.channel]}`, c.summary);
  }
  if (p.notes.length > 0) {
    section('Notities (laatste 10)', p.notes.length);
    for (const n of p.notes.slice(0, 10)) field(`${date(n.createdAt)}, ${n.authorName}`, n.text);
  }
  if (p.documents.length > 0) {
    section('Documenten', p.documents.length);
    for (const d of p.documents)
      field(
        date(d.createdAt),
        `${d.filename} (${DOCUMENT_TYPE_LABELS[d.documentType].toLowerCase()})${d.description ? `: ${d.description}` : ''}`,
      );
  }
  section('Tijdlijn (laatste 15)', p.timeline.length);
  for (const t of p.timeline.slice(0, 15)) field(date(t.occurredAt), t.summary);
  layout.finish(`Dossier ${p.detail.reference} · Vertrouwelijk`);
  doc.end();
  return done;
}
