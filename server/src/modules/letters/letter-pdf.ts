import { postalLines, type PostalAddress } from '@herorientatie/domain';
import type { LetterheadRow } from './letters.repository.ts';
import { FONT, FONT_BOLD, pdfDocument } from '../../pdf.ts';

/** How to answer a wave letter: the personal code, the link with it, and its QR code. */
export interface LetterReply {
  code: string;
  url: string;
  /** The QR code of `url`, as PNG. */
  qrPng: Buffer;
}

export interface LetterContent {
  letterhead: LetterheadRow;
  recipient: { name: string | null; businessName: string | null; address: PostalAddress };
  reference: string;
  dateText: string;
  subject: string;
  /** Paragraphs separated by blank lines. */
  body: string;
  reply?: LetterReply;
}

const MM = 72 / 25.4;
const LEFT = 72;
const WIDTH = 451;

/**
 * The window of a standard Dutch window envelope (EA5/6 and C5/6, window on the left): 20 mm
 * from the left, 45 mm from the top, 90 × 45 mm. The address block stays within it with a
 * margin, whatever the letter says; tests check the printed lines against this box.
 */
export const ENVELOPE_WINDOW = { x: 20 * MM, y: 45 * MM, width: 90 * MM, height: 45 * MM };
const ADDRESS = { x: 25 * MM, y: 52 * MM, width: 80 * MM };

/** The lines of the address block: name, business, street and number, postcode and TOWN. */
export function addressBlock(recipient: LetterContent['recipient']): string[] {
  const lines = postalLines(recipient.address);
  return [recipient.name, recipient.businessName, ...(lines ?? [])].filter(
    (l): l is string => typeof l === 'string' && l.trim() !== '',
  );
}

/** One letter on the pages of `doc`, which must be on a fresh page. */
function renderLetter(doc: PDFKit.PDFDocument, letter: LetterContent): void {
  const h = letter.letterhead;
  const top = 40;
  if (h.logo) {
    try {
      doc.image(h.logo, LEFT, top, { fit: [150, 48] });
    } catch {
      // An image pdfkit cannot read: the name below still says who sends the letter.
    }
  }
  const nameY = h.logo ? top + 52 : top + 8;
  doc
    .font(FONT_BOLD)
    .fontSize(h.logo ? 12 : 18)
    .fillColor('black');
  doc.text(`Gemeente ${h.municipality}`, LEFT, nameY, { width: 280 });
  doc
    .font(FONT)
    .fontSize(9)
    .fillColor('#444')
    .text(h.department ?? 'Heroriëntatie zelfstandig ondernemers', LEFT, doc.y + 1, {
      width: 280,
    });
  const contact = [
    ...(h.addressLines ? h.addressLines.split('\n') : []),
    h.phone ? `T ${h.phone}` : null,
    h.email,
    h.website,
  ].filter((l): l is string => Boolean(l));
  doc.fontSize(8.5).text(contact.join('\n'), 380, top + 2, { width: 143, align: 'left' });

  // The return address in small print, then the addressee, both inside the window.
  const returnAddress = h.addressLines?.split('\n').join(', ');
  if (returnAddress) {
    doc
      .fontSize(6.5)
      .fillColor('#444')
      .text(`Retour: Gemeente ${h.municipality}, ${returnAddress}`, ADDRESS.x, ADDRESS.y - 10, {
        width: ADDRESS.width,
        lineBreak: false,
        ellipsis: true,
      });
  }
  doc.fillColor('black').font(FONT).fontSize(10.5);
  doc.text(addressBlock(letter.recipient).join('\n'), ADDRESS.x, ADDRESS.y, {
    width: ADDRESS.width,
    lineGap: 1,
    height: ENVELOPE_WINDOW.y + ENVELOPE_WINDOW.height - ADDRESS.y - 4,
    ellipsis: true,
  });

  doc.fontSize(9).fillColor('#444');
  const meta = (label: string, value: string, y: number) => {
    doc.font(FONT_BOLD).text(label, LEFT, y, { width: 100 });
    doc.font(FONT).text(value, LEFT + 100, y, { width: WIDTH - 100 });
  };
  const metaTop = 100 * MM;
  meta('Datum', letter.dateText, metaTop);
  meta('Ons kenmerk', letter.reference, metaTop + 14);
  meta('Onderwerp', letter.subject, metaTop + 28);
  doc.fillColor('black');

  doc.font(FONT).fontSize(11);
  doc.y = metaTop + 62;
  const paragraphs = letter.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const p of paragraphs) {
    doc.text(p, LEFT, doc.y, { width: WIDTH, lineGap: 2 });
    doc.moveDown(0.8);
  }
  if (letter.reply) renderReply(doc, letter.reply, h);
  doc.moveDown(0.6);
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.font(FONT).fontSize(11).fillColor('black');
  doc.text('Met vriendelijke groet,', LEFT, doc.y, { width: WIDTH });
  doc.moveDown(2.5);
  doc.text(h.signatoryName ?? 'Team Heroriëntatie', { width: WIDTH });
  if (h.signatoryTitle) doc.text(h.signatoryTitle, { width: WIDTH });
  doc.text(`Gemeente ${h.municipality}`, { width: WIDTH });
}

/** A framed block: sign up with the code via the link or the QR code, or call or mail. */
function renderReply(doc: PDFKit.PDFDocument, reply: LetterReply, h: LetterheadRow): void {
  const height = 112;
  if (doc.y + height > doc.page.height - 170) doc.addPage();
  const y = doc.y + 4;
  doc.save().lineWidth(0.8).strokeColor('#154273').rect(LEFT, y, WIDTH, height).stroke();
  doc.restore();
  doc.image(reply.qrPng, LEFT + WIDTH - 100, y + 8, { width: 92, height: 92 });
  const textWidth = WIDTH - 120;
  doc.font(FONT_BOLD).fontSize(10.5).fillColor('black');
  doc.text('Reageren kan zo', LEFT + 10, y + 8, { width: textWidth });
  doc.font(FONT).fontSize(9.5);
  doc.text(`Meld u aan op ${reply.url}`, { width: textWidth });
  doc.text('of scan de QR-code met de camera van uw telefoon.', { width: textWidth });
  doc.font(FONT_BOLD).text(`Uw persoonlijke code: ${reply.code}`, { width: textWidth });
  doc.font(FONT);
  const call = [h.phone ? `bel ${h.phone}` : null, h.email ? `mail naar ${h.email}` : null]
    .filter(Boolean)
    .join(' of ');
  if (call)
    doc.text(`Liever persoonlijk contact? ${call[0]!.toUpperCase()}${call.slice(1)}.`, {
      width: textWidth,
    });
  doc.y = y + height + 10;
  doc.x = LEFT;
}

function footers(doc: PDFKit.PDFDocument, footer: (page: number) => string | null): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    const text = footer(i);
    if (!text) continue;
    doc.switchToPage(i);
    // Below the bottom margin: without this pdfkit would start a new page for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor('#666')
      .text(text, LEFT, doc.page.height - 48, { width: WIDTH, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

const pageOptions = (title: string, author: string): PDFKit.PDFDocumentOptions => ({
  size: 'A4',
  bufferPages: true,
  margins: { top: 56, bottom: 64, left: LEFT, right: 72 },
  info: { Title: title, Author: author },
});

/**
 * A letter on the municipality's letterhead: logo and sender top left, contact details on
 * the right, the addressee in the window of the envelope, then date, reference, subject,
 * the text, how to reply (wave letters) and the signature.
 */
export function letterPdf(letter: LetterContent): Promise<Buffer> {
  const { doc, done } = pdfDocument(
    pageOptions(letter.subject, `Gemeente ${letter.letterhead.municipality}`),
  );
  renderLetter(doc, letter);
  const count = doc.bufferedPageRange().count;
  footers(doc, (i) => `Kenmerk ${letter.reference} · pagina ${i + 1} van ${count}`);
  doc.end();
  return done;
}

/** Many letters in one PDF to print and post (mail merge); each starts on a new page. */
export function lettersPdf(letters: LetterContent[], title: string): Promise<Buffer> {
  const author = letters[0] ? `Gemeente ${letters[0].letterhead.municipality}` : 'Gemeente';
  const { doc, done } = pdfDocument(pageOptions(title, author));
  const firstPage: number[] = [];
  letters.forEach((letter, index) => {
    if (index > 0) doc.addPage();
    firstPage.push(doc.bufferedPageRange().count - 1);
    renderLetter(doc, letter);
  });
  if (letters.length === 0) doc.font(FONT).text('Deze ronde heeft geen ontvangers.');
  footers(doc, (i) => {
    const n = firstPage.filter((p) => p <= i).length - 1;
    return n >= 0 ? `Kenmerk ${letters[n]!.reference}` : null;
  });
  doc.end();
  return done;
}
