import { addressOneLine, formatResponseCode, longDateNl, postalLines } from '@herorientatie/domain';
import QRCode from 'qrcode';
import type { Table } from '../../http/tabular.ts';
import { lettersPdf as printLetters, type LetterContent } from '../letters/letter-pdf.ts';
import type { LetterheadRow } from '../letters/letters.repository.ts';
import type { LetterRecipient } from './waves.repository.ts';

const DEFAULT_MESSAGE = [
  'Als ondernemer heeft u de afgelopen tijd te maken gehad met de gevolgen van corona. Misschien twijfelt u over de toekomst van uw bedrijf.',
  'De gemeente biedt gratis hulp bij heroriëntatie. In een persoonlijk gesprek met een bedrijfsadviseur kijkt u samen naar uw bedrijf en uw mogelijkheden: doorgaan, uw bedrijf versterken, schulden oplossen of een (bij)baan vinden.',
  'Wilt u meer weten of een gesprek aanvragen? Hieronder staat hoe u reageert. Dat kan ook als u nu nog geen problemen heeft.',
].join('\n\n');

/** The page where people answer, with their personal code filled in. */
export function responseUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/aanmelden?code=${formatResponseCode(code)}`;
}

/**
 * One letter per recipient, as one PDF to print and post (mail merge): the municipality's
 * letterhead, the address in the envelope window, and how to answer — the personal code,
 * the link and its QR code, and the phone and e-mail of the letterhead.
 */
export async function lettersPdf(
  recipients: LetterRecipient[],
  letter: {
    letterhead: LetterheadRow;
    waveName: string;
    message: string | null;
    date: Date;
    publicUrl: string;
  },
): Promise<Buffer> {
  const letters: LetterContent[] = [];
  for (const r of recipients) {
    const url = responseUrl(letter.publicUrl, r.responseCode);
    letters.push({
      letterhead: letter.letterhead,
      recipient: { name: r.name, businessName: r.businessName, address: r },
      reference: `${letter.waveName.slice(0, 40)} · ${formatResponseCode(r.responseCode)}`,
      dateText: longDateNl(letter.date),
      subject: 'Gratis hulp voor ondernemers na corona',
      body: `Beste ${r.name ?? 'ondernemer'},\n\n${letter.message ?? DEFAULT_MESSAGE}`,
      reply: {
        code: formatResponseCode(r.responseCode),
        url: `${letter.publicUrl}/aanmelden`,
        qrPng: await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 1, width: 240 }),
      },
    });
  }
  return printLetters(letters, `Brieven ${letter.waveName}`);
}

/** The same recipients as a table for a mail-merge in Word or a mailing house. */
export function lettersTable(recipients: LetterRecipient[], publicUrl: string): Table {
  return {
    title: 'Brieven',
    header: [
      'Naam',
      'Bedrijfsnaam',
      'Adresregel 1',
      'Adresregel 2',
      'Adres compleet',
      'Antwoordcode',
      'Antwoordlink',
      'E-mailadres',
      'Telefoonnummer',
    ],
    rows: recipients.map((r) => {
      const lines = postalLines(r);
      return [
        r.name ?? '',
        r.businessName ?? '',
        lines?.[0] ?? addressOneLine(r),
        lines?.[1] ?? '',
        lines ? 'ja' : 'nee',
        formatResponseCode(r.responseCode),
        responseUrl(publicUrl, r.responseCode),
        r.email ?? '',
        r.phone ?? '',
      ];
    }),
  };
}

export { DEFAULT_MESSAGE };
