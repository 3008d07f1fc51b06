import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A piece of text on a page, with its place in points from the top left corner. */
export interface PlacedText {
  str: string;
  x: number;
  /** From the top of the page to the baseline. */
  y: number;
}

/** Every piece of text of every page with its position, to check where a letter prints what. */
export async function pdfTextItems(bytes: Uint8Array): Promise<PlacedText[][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: PlacedText[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const height = page.getViewport({ scale: 1 }).height;
    const content = await page.getTextContent();
    pages.push(
      content.items
        .filter((item) => 'str' in item && item.str.trim() !== '')
        .map((item) => {
          const t = item as { str: string; transform: number[] };
          return { str: t.str, x: t.transform[4]!, y: height - t.transform[5]! };
        }),
    );
  }
  await pdf.destroy();
  return pages;
}

/** jsqr is CommonJS with a default export: as ESM it may arrive wrapped once more. */
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const wrapped = jsQRModule as unknown as Decode & { default?: Decode };
const jsQR: Decode = typeof wrapped.default === 'function' ? wrapped.default : wrapped;

/** The text of a page as lines (pieces on one baseline joined), each with its position. */
export function linesOf(page: PlacedText[]): PlacedText[] {
  const rows = new Map<number, PlacedText[]>();
  for (const item of page) {
    const key = Math.round(item.y);
    rows.set(key, [...(rows.get(key) ?? []), item]);
  }
  return [...rows.values()].map((items) => {
    const sorted = items.sort((a, b) => a.x - b.x);
    return { str: sorted.map((i) => i.str).join(' '), x: sorted[0]!.x, y: sorted[0]!.y };
  });
}

/** Reads a binary PGM (P5) as pdftoppm -gray writes it, as RGBA for jsQR. */
function pgmToRgba(buffer: Buffer): { width: number; height: number; data: Uint8ClampedArray } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buffer.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('Geen PGM-bestand.');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = buffer.subarray(header[0].length);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = data[i * 4 + 1] = data[i * 4 + 2] = pixels[i]!;
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}

/** The QR code of each page as a phone camera reads it (rendered at 150 dpi), or null. */
export async function qrCodesOf(bytes: Uint8Array): Promise<(string | null)[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'herorientatie-qr-'));
  try {
    await writeFile(path.join(dir, 'doc.pdf'), bytes);
    execFileSync('pdftoppm', [
      '-gray',
      '-r',
      '150',
      path.join(dir, 'doc.pdf'),
      path.join(dir, 'p'),
    ]);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
    const codes: (string | null)[] = [];
    for (const f of files) {
      const image = pgmToRgba(await readFile(path.join(dir, f)));
      codes.push(jsQR(image.data, image.width, image.height)?.data ?? null);
    }
    return codes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
