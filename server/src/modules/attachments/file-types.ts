import { fileTypeFromBuffer } from 'file-type';

/** Types accepted as case documents, recognised from their content (magic bytes). */
export const ALLOWED_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG-afbeelding',
  'image/jpeg': 'JPEG-afbeelding',
  'image/gif': 'GIF-afbeelding',
  'image/webp': 'WebP-afbeelding',
  'image/heic': 'HEIC-foto',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word-document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel-werkblad',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation':
    'PowerPoint-presentatie',
  'application/vnd.oasis.opendocument.text': 'OpenDocument-tekst',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument-rekenblad',
  'application/x-cfb': 'Office-document (oud formaat)',
};

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The detected MIME type when allowed, otherwise null, whatever the file name says. */
export async function detectAllowedType(content: Buffer): Promise<string | null> {
  const detected = await fileTypeFromBuffer(content);
  return detected && ALLOWED_TYPES[detected.mime] ? detected.mime : null;
}

/** A file name safe to store and send back in Content-Disposition. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'document';
  const cleaned = [...base]
    .map((ch) =>
      ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 || '"<>|:*?'.includes(ch) ? '_' : ch,
    )
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || 'document';
}
