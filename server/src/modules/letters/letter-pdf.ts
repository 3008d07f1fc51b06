import type { LetterheadRow } from './letters.repository.ts';
import { FONT, FONT_BOLD, pdfDocument } from '../../pdf.ts';

export interface LetterContent {
  letterhead: LetterheadRow;
  recipient: { name: string; businessName: string | null; addressLine: string | null };
  reference: string;
  dateText: string;
  subject: string;
  /** Paragraphs separated by blank lines. */
  body: string;
}

const LEFT = 72;
const WIDTH = 451;

/**
 * A letter on the municipality's letterhead: sender block top left, contact details on the
 * right, the addressee where a window envelope shows it, then date, reference, subject,
 * the text and the signature.
 */
export function letterPdf(letter: LetterContent): Promise<Buffer> {
  const { doc, done } = pdfDocument({
    size: 'A4',
    bufferPages: true,
    margins: { top: 56, bottom: 64, left: LEFT, right: 72 },
    info: { Title: letter.subject, Author: `Gemeente ${letter.letterhead.municipality}` },
  });
  const h = letter.letterhead;

  doc.font(FONT_BOLD).fontSize(18).text(`Gemeente ${h.municipality}`, LEFT, 56);
  doc
    .font(FONT)
    .fontSize(9)
    .fillColor('#444')
    .text(h.department ?? 'Heroriëntatie zelfstandig ondernemers', LEFT, doc.y + 2);
  const contact = [
    ...(h.addressLines ? h.addressLines.split('\n') : []),
    h.phone ? `T ${h.phone}` : null,
    h.email,
    h.website,
  ].filter((l): l is string => Boolean(l));
  doc.fontSize(8.5).text(contact.join('\n'), 380, 58, { width: 143, align: 'left' });
  doc.fillColor('black');

  // Window envelope position (DL/C5 left window): about 50 mm from the top.
  doc.fontSize(11);
  const address = [
    letter.recipient.name,
    letter.recipient.businessName,
    letter.recipient.addressLine,
  ].filter((l): l is string => Boolean(l));
  doc.text(address.join('\n'), LEFT, 150, { width: 260 });

  doc.fontSize(9).fillColor('#444');
  const meta = (label: string, value: string, y: number) => {
    doc.font(FONT_BOLD).text(label, LEFT, y, { width: 100 });
    doc.font(FONT).text(value, LEFT + 100, y, { width: WIDTH - 100 });
  };
  meta('Datum', letter.dateText, 250);
  meta('Ons kenmerk', letter.reference, 264);
  meta('Onderwerp', letter.subject, 278);
  doc.fillColor('black');

  doc.font(FONT).fontSize(11);
  doc.y = 320;
  const paragraphs = letter.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const p of paragraphs) {
    doc.text(p, LEFT, doc.y, { width: WIDTH, lineGap: 2 });
    doc.moveDown(0.8);
  }
  doc.moveDown(0.6);
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.text('Met vriendelijke groet,', LEFT, doc.y, { width: WIDTH });
  doc.moveDown(2.5);
  doc.text(h.signatoryName ?? 'Team Heroriëntatie', { width: WIDTH });
  if (h.signatoryTitle) doc.text(h.signatoryTitle, { width: WIDTH });
  doc.text(`Gemeente ${h.municipality}`, { width: WIDTH });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin: without this pdfkit would start a new page for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor('#666')
      .text(
        `Kenmerk ${letter.reference} · pagina ${i + 1} van ${range.count}`,
        LEFT,
        doc.page.height - 48,
        { width: WIDTH, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
