import type { Table } from '../../http/tabular.ts';
import { longDateNl } from '@herorientatie/domain';
import type { LetterRecipient } from './waves.repository.ts';
import { FONT, FONT_BOLD, pdfDocument } from '../../pdf.ts';

const DEFAULT_MESSAGE = [
  'Als ondernemer heeft u de afgelopen tijd te maken gehad met de gevolgen van corona. Misschien twijfelt u over de toekomst van uw bedrijf.',
  'De gemeente biedt gratis hulp bij heroriëntatie. In een persoonlijk gesprek met een bedrijfsadviseur kijkt u samen naar uw bedrijf en uw mogelijkheden: doorgaan, uw bedrijf versterken, schulden oplossen of een (bij)baan vinden.',
  'Wilt u meer weten of een gesprek aanvragen? Neem dan contact met ons op. Dat kan ook als u nu nog geen problemen heeft.',
].join('\n\n');

const dutchDate = longDateNl;

/** One letter per recipient, as one PDF to print and post (mail merge). */
export function lettersPdf(
  recipients: LetterRecipient[],
  letter: { municipality: string; waveName: string; message: string | null; date: Date },
): Promise<Buffer> {
  const { doc, done } = pdfDocument({
    size: 'A4',
    margin: 72,
    info: { Title: `Brieven ${letter.waveName}` },
  });
  recipients.forEach((r, index) => {
    if (index > 0) doc.addPage();
    doc.font(FONT_BOLD).fontSize(16).text(`Gemeente ${letter.municipality}`);
    doc
      .font(FONT)
      .fontSize(9)
      .fillColor('#555')
      .text('Heroriëntatie zelfstandig ondernemers')
      .fillColor('black');
    doc.moveDown(3).fontSize(11);
    for (const line of [
      r.name,
      r.businessName,
      [r.postcode, r.houseNumber ? `nr. ${r.houseNumber}` : null].filter(Boolean).join('  '),
    ]) {
      if (line) doc.text(line);
    }
    doc.moveDown(2).text(`${letter.municipality}, ${dutchDate(letter.date)}`);
    doc.text('Onderwerp: hulp voor ondernemers na corona');
    doc.moveDown().text(`Beste ${r.name ?? 'ondernemer'},`);
    doc.moveDown().text(letter.message ?? DEFAULT_MESSAGE, { align: 'left', lineGap: 2 });
    doc.moveDown(2).text('Met vriendelijke groet,');
    doc.moveDown(2).text(`Gemeente ${letter.municipality}`);
  });
  if (recipients.length === 0) doc.text('Deze ronde heeft geen ontvangers.');
  doc.end();
  return done;
}

/** The same recipients as a table for a mail-merge in Word or a mailing house. */
export function lettersTable(recipients: LetterRecipient[]): Table {
  return {
    title: 'Brieven',
    header: ['Naam', 'Bedrijfsnaam', 'Postcode', 'Huisnummer', 'E-mailadres', 'Telefoonnummer'],
    rows: recipients.map((r) =>
      [r.name, r.businessName, r.postcode, r.houseNumber, r.email, r.phone].map((v) => v ?? ''),
    ),
  };
}

export { DEFAULT_MESSAGE };
