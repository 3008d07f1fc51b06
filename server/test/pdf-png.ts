import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Whether poppler's pdftoppm is on this machine (`.ci/run` installs poppler-utils). */
export function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Renders every page of a PDF to PNG (72 dpi) and returns the size in bytes of each image. */
export async function pdfToPngs(bytes: Uint8Array): Promise<number[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'herorientatie-pdf-'));
  try {
    await writeFile(path.join(dir, 'doc.pdf'), bytes);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '72',
      path.join(dir, 'doc.pdf'),
      path.join(dir, 'page'),
    ]);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const { statSync } = await import('node:fs');
    return files.map((f) => statSync(path.join(dir, f)).size);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
