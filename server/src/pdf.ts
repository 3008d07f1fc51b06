import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * The fonts of every PDF (letters, dossier summaries, statements, reports): DejaVu Sans,
 * embedded as a subset, so that names such as Şükrü Yılmaz, Łukasz or Дмитрий print as
 * written. pdfkit's built-in Helvetica knows only Western European characters.
 */
export const FONT = 'DejaVuSans';
export const FONT_BOLD = 'DejaVuSans-Bold';

const require = createRequire(import.meta.url);
const FILES = {
  [FONT]: require.resolve('@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff'),
  [FONT_BOLD]: require.resolve('@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff'),
};

/** A new PDF with our fonts, and the promise of its bytes once `doc.end()` is called. */
export function pdfDocument(options: PDFKit.PDFDocumentOptions): {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument(options);
  for (const [name, file] of Object.entries(FILES)) doc.registerFont(name, file);
  doc.font(FONT);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  return { doc, done };
}
