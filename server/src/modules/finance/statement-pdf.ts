import {
  formatDateNl,
  formatEuro,
  SERVICE_TYPE_LABELS,
  type ServiceType,
  type Statement,
} from '@herorientatie/domain';
import { FONT, FONT_BOLD, PdfLayout, pdfDocument } from '../../pdf.ts';
import type { LetterheadRow } from '../letters/letters.repository.ts';

const STATUS_LABELS: Record<Statement['status'], string> = {
  open: 'Open',
  invoiced: 'Gefactureerd',
  paid: 'Betaald',
};

const MARGIN = 56;
/** Column left edges and widths of the lines table. */
const COLUMNS = [
  { title: 'Cliënt', x: 0, width: 110, align: 'left' },
  { title: 'Dienst', x: 115, width: 170, align: 'left' },
  { title: 'Datum', x: 290, width: 100, align: 'left' },
  { title: 'Bedrag', x: 395, width: 88, align: 'right' },
] as const;

const monthName = (month: string) =>
  new Date(`${month}-15T12:00:00Z`).toLocaleDateString('nl-NL', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/**
 * The provider statement a provider checks an invoice against: the municipality as sender,
 * the month and status in words, the contracts and prices the lines were priced with, one
 * line per client and service with column headings (repeated on every page), a subtotal per
 * service and the total; clients only by their pseudonym.
 */
export function statementPdf(
  s: Statement,
  h: LetterheadRow,
  contracts: {
    id: string;
    service_type: string;
    price_cents: number;
    valid_from: string;
    valid_to: string | null;
  }[],
): Promise<Buffer> {
  const { doc, done } = pdfDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Specificatie ${s.provider} ${s.month}`, Author: `Gemeente ${h.municipality}` },
  });
  const layout = new PdfLayout(doc);
  doc.font(FONT_BOLD).fontSize(14).text(`Gemeente ${h.municipality}`, MARGIN, MARGIN);
  doc
    .font(FONT)
    .fontSize(9)
    .fillColor('#444')
    .text(
      [
        h.department,
        ...(h.addressLines?.split('\n') ?? []),
        h.phone ? `T ${h.phone}` : null,
        h.email,
      ]
        .filter(Boolean)
        .join(' · '),
    )
    .fillColor('black')
    .moveDown();
  doc.font(FONT_BOLD).fontSize(16).text(`Specificatie ${s.provider}`);
  doc.moveDown(0.3);
  layout.row('Maand', monthName(s.month), { labelWidth: 150, align: 'left' });
  layout.row('Status', STATUS_LABELS[s.status], { labelWidth: 150, align: 'left' });
  layout.row('Aantal regels', String(s.lines.length), { labelWidth: 150, align: 'left' });

  layout.endSection();
  layout.heading('Contracten en prijzen', contracts.length || 1);
  if (contracts.length === 0) layout.paragraph('Geen regels met een contract in deze maand.');
  for (const c of contracts) {
    layout.row(
      SERVICE_TYPE_LABELS[c.service_type as ServiceType] ?? c.service_type,
      `${formatEuro(c.price_cents)} per cliënt · geldig vanaf ${formatDateNl(c.valid_from)}${c.valid_to ? ` t/m ${formatDateNl(c.valid_to)}` : ''} · contract ${c.id.slice(0, 8)}`,
      { labelWidth: 150, align: 'left' },
    );
  }

  layout.endSection();
  const header = () => {
    const y = doc.y;
    doc.font(FONT_BOLD).fontSize(9.5);
    for (const col of COLUMNS)
      doc.text(col.title, MARGIN + col.x, y, { width: col.width, align: col.align });
    doc
      .moveTo(MARGIN, y + 13)
      .lineTo(MARGIN + 483, y + 13)
      .lineWidth(0.5)
      .strokeColor('#999')
      .stroke();
    doc.y = y + 17;
    doc.font(FONT);
  };
  layout.heading('Regels', 3);
  header();
  for (const l of s.lines) {
    if (layout.ensureSpace(16)) header();
    const y = doc.y;
    const cells = [
      l.clientReference,
      SERVICE_TYPE_LABELS[l.serviceType],
      formatDateNl(l.occurredOn),
      formatEuro(l.amountCents),
    ];
    doc.fontSize(9.5);
    COLUMNS.forEach((col, i) =>
      doc.text(cells[i]!, MARGIN + col.x, y, { width: col.width, align: col.align }),
    );
    doc.y = y + 14;
  }
  doc.x = MARGIN;
  layout.endSection();
  const perService = new Map<ServiceType, { count: number; cents: number }>();
  for (const l of s.lines) {
    const sum = perService.get(l.serviceType) ?? { count: 0, cents: 0 };
    perService.set(l.serviceType, { count: sum.count + 1, cents: sum.cents + l.amountCents });
  }
  layout.heading('Totalen', perService.size + 1);
  for (const [service, sum] of perService) {
    layout.row(`${SERVICE_TYPE_LABELS[service]} (${sum.count} regels)`, formatEuro(sum.cents));
  }
  layout.row('Totaal', formatEuro(s.totalCents));
  layout.finish(`Specificatie ${s.provider} · ${monthName(s.month)}`);
  doc.end();
  return done;
}
