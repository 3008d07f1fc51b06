import { fileTypeFromBuffer } from 'file-type';

/** Types accepted as case documents, recognised from their content (magic bytes). */
export const ALLOWED_TYPES: Record<string, { label: string; extensions: string[] }> = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'image/png': { label: 'PNG-afbeelding', extensions: ['png'] },
  'image/jpeg': { label: 'JPEG-afbeelding', extensions: ['jpg', 'jpeg'] },
  'image/gif': { label: 'GIF-afbeelding', extensions: ['gif'] },
  'image/webp': { label: 'WebP-afbeelding', extensions: ['webp'] },
  'image/heic': { label: 'HEIC-foto', extensions: ['heic', 'heif'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'Word-document',
    extensions: ['docx'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'Excel-werkblad',
    extensions: ['xlsx'],
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    label: 'PowerPoint-presentatie',
    extensions: ['pptx'],
  },
  'application/vnd.oasis.opendocument.text': { label: 'OpenDocument-tekst', extensions: ['odt'] },
  'application/vnd.oasis.opendocument.spreadsheet': {
    label: 'OpenDocument-rekenblad',
    extensions: ['ods'],
  },
  'application/x-cfb': {
    label: 'Office-document (oud formaat)',
    extensions: ['doc', 'xls', 'ppt', 'msg'],
  },
};

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The detected MIME type when allowed, otherwise null, whatever the file name says. */
export async function detectAllowedType(content: Buffer): Promise<string | null> {
  const detected = await fileTypeFromBuffer(content);
  return detected && ALLOWED_TYPES[detected.mime] ? detected.mime : null;
}

/** Whether the file name's extension belongs to the type found in the content. */
export function extensionMatches(filename: string, mime: string): boolean {
  const extension = /\.([^.]+)$/.exec(filename)?.[1]?.toLowerCase();
  return extension !== undefined && (ALLOWED_TYPES[mime]?.extensions.includes(extension) ?? false);
}

// Control characters, and the bidi controls that make "gpj.exe" display as "exe.jpg".
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A file name safe to store and send back in Content-Disposition. */
export function safeFilename(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? 'document';
  const cleaned = base
    .replace(UNSAFE, '')
    .replace(/["<>|:*?]/g, '_')
    .trim()
    .slice(0, 200);
  return cleaned || 'document';
}
