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

/**
 * The layout kit every multi-page report uses: rows of a label and its value that never
 * split over two pages, section headings that never stand alone at the foot of a page and
 * are repeated ("vervolg") when a section goes on, and page numbers with a footer on
 * every page. Create the document with `bufferPages: true`.
 */
export class PdfLayout {
  private section: string | null = null;
  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly margin = 56,
  ) {}

  get width(): number {
    return this.doc.page.width - 2 * this.margin;
  }

  private get bottom(): number {
    return this.doc.page.height - this.margin - 20;
  }

  /** A new page when `height` does not fit below the current position. */
  ensureSpace(height: number): boolean {
    if (this.doc.y + height <= this.bottom) return false;
    this.doc.addPage();
    return true;
  }

  /** A section heading, with room for at least `firstRows` rows below it. */
  heading(title: string, firstRows = 2): void {
    this.ensureSpace(24 + firstRows * 16);
    this.section = title;
    this.doc.font(FONT_BOLD).fontSize(12).fillColor('black').text(title, this.margin);
    this.doc.moveDown(0.3);
  }

  /**
   * A label and its value on one line (or more), always on the same page. Figures align
   * right after a wide label; `labelWidth` with `align: 'left'` suits a record of text.
   */
  row(
    label: string,
    value: string,
    options: { indent?: boolean; labelWidth?: number; align?: 'left' | 'right' } = {},
  ): void {
    const doc = this.doc;
    const column = options.labelWidth ?? 300;
    const labelX = this.margin + (options.indent ? 16 : 0);
    const labelWidth = column - (options.indent ? 16 : 0);
    const valueX = this.margin + column + 20;
    const valueWidth = this.width - column - 20;
    doc.font(options.indent ? FONT : FONT_BOLD).fontSize(10);
    const height = Math.max(
      doc.heightOfString(label, { width: labelWidth }),
      doc.font(FONT).heightOfString(value, { width: valueWidth }),
    );
    if (this.ensureSpace(height + 4) && this.section) {
      doc
        .font(FONT_BOLD)
        .fontSize(12)
        .fillColor('black')
        .text(`${this.section} (vervolg)`, this.margin);
      doc.moveDown(0.3);
    }
    const y = doc.y;
    doc
      .font(options.indent ? FONT : FONT_BOLD)
      .fontSize(10)
      .fillColor(options.indent ? '#333' : 'black')
      .text(label, labelX, y, { width: labelWidth });
    doc
      .font(FONT)
      .fillColor('black')
      .text(value, valueX, y, { width: valueWidth, align: options.align ?? 'right' });
    doc.x = this.margin;
    doc.y = y + height + 4;
  }

  /** A paragraph that moves to the next page whole when it is short enough to. */
  paragraph(text: string, options: { size?: number; color?: string } = {}): void {
    const doc = this.doc;
    doc.font(FONT).fontSize(options.size ?? 10);
    const height = doc.heightOfString(text, { width: this.width });
    if (height < 200) this.ensureSpace(height);
    doc.fillColor(options.color ?? 'black').text(text, this.margin, doc.y, { width: this.width });
  }

  endSection(): void {
    this.section = null;
    this.doc.moveDown();
  }

  /** "Pagina 1 van 3" and the footer on every page; call once, before `doc.end()`. */
  finish(footer: string): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font(FONT)
        .fontSize(8)
        .fillColor('#666')
        .text(`${footer} · Pagina ${i + 1} van ${range.count}`, this.margin, doc.page.height - 36, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      doc.page.margins.bottom = bottomMargin;
    }
  }
}
