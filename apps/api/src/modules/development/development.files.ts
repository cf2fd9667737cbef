import { EVIDENCE_FILE_EXTENSIONS, EVIDENCE_FILE_MAX_BYTES } from '@groeipad/contracts';

// Pure rules for evidence files: which kinds are allowed, how a kind is recognised from the content, and how a
// file name is made safe to store and to offer for download. The client's Content-Type is never trusted.

export type FileKind = (typeof EVIDENCE_FILE_EXTENSIONS)[number];

const MEDIA_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain',
};

export const MAX_NAME_LENGTH = 120;
export const FILE_TOO_LARGE = `Het bestand is groter dan ${EVIDENCE_FILE_MAX_BYTES / 1024 / 1024} MB. Verklein het (bijvoorbeeld een foto) of voeg een link toe.`;
export const FILE_KIND_REFUSED =
  'Dit soort bestand kan niet. Kies een PDF, een afbeelding (PNG, JPEG, WebP, GIF), een Word-, Excel-, PowerPoint- of OpenDocument-tekstbestand, of een tekstbestand (.txt).';

const startsWith = (bytes: Uint8Array, signature: number[] | string, at = 0) => {
  const sig = typeof signature === 'string' ? [...signature].map((c) => c.charCodeAt(0)) : signature;
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
};

/** The kinds with an unmistakable signature in their first bytes. */
function sniffSignature(bytes: Uint8Array): 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'zip' | null {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'gif';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'webp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  return null;
}

/** An OpenDocument file starts with an uncompressed entry `mimetype` holding its media type (ODF 1.2, 3.3). */
function isOpenDocumentText(buf: Buffer): boolean {
  if (buf.length < 30) return false;
  const nameLength = buf.readUInt16LE(26);
  const extraLength = buf.readUInt16LE(28);
  const size = buf.readUInt32LE(18);
  const name = buf.subarray(30, 30 + nameLength).toString('latin1');
  const start = 30 + nameLength + extraLength;
  return name === 'mimetype' && buf.subarray(start, start + size).toString('latin1') === MEDIA_TYPES.odt;
}

/** Which Office Open XML document a zip is, from the part names it holds. */
function officeKind(buf: Buffer): 'docx' | 'xlsx' | 'pptx' | null {
  if (!buf.includes('[Content_Types].xml', 0, 'latin1')) return null;
  if (buf.includes('word/document', 0, 'latin1')) return 'docx';
  if (buf.includes('xl/workbook', 0, 'latin1')) return 'xlsx';
  if (buf.includes('ppt/presentation', 0, 'latin1')) return 'pptx';
  return null;
}

function isUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function withExtension(name: string, ext: string): string {
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  return `${base}.${ext}`;
}

const isKind = (ext: string): ext is FileKind => (EVIDENCE_FILE_EXTENSIONS as readonly string[]).includes(ext);

export type Detected = { ok: true; name: string; mediaType: string } | { ok: false; message: string };

/**
 * Decides what a file is from its content. A picture or PDF with the wrong extension (a phone's .jpg that is a
 * PNG) keeps its content and gets the right extension; a text file must hold no NUL bytes. Anything else is
 * refused, so what is stored and later served is always one of the allowed kinds.
 */
export function detectFile(cleanName: string, bytes: Buffer): Detected {
  const ext = extensionOf(cleanName);
  const signature = sniffSignature(bytes);
  const named = (kind: FileKind, mediaType = MEDIA_TYPES[kind]): Detected => ({
    ok: true,
    name: ext === kind || (kind === 'jpeg' && ext === 'jpg') ? cleanName : withExtension(cleanName, kind),
    mediaType,
  });
  if (signature === 'pdf' || signature === 'png' || signature === 'gif' || signature === 'webp') {
    return named(signature);
  }
  if (signature === 'jpeg') return ext === 'jpg' ? named('jpg') : named('jpeg');
  if (signature === 'zip') {
    if (isOpenDocumentText(bytes)) return named('odt');
    const office = officeKind(bytes);
    if (office) return named(office);
    return { ok: false, message: FILE_KIND_REFUSED };
  }
  if (ext === 'txt' && !bytes.includes(0)) {
    return named('txt', isUtf8(bytes) ? 'text/plain; charset=utf-8' : 'text/plain');
  }
  if (isKind(ext)) {
    return {
      ok: false,
      message: `De inhoud van dit bestand is geen geldig .${ext}-bestand. Controleer of het bestand heel is en de juiste extensie heeft.`,
    };
  }
  return { ok: false, message: FILE_KIND_REFUSED };
}

/**
 * A file name safe to store and show: no folders, no control or direction-changing characters (which can
 * disguise "gpj.exe" as "exe.jpg"), none of the characters Windows refuses, at most 120 characters with the
 * extension kept. Never empty.
 */
export function cleanFileName(raw: string): string {
  let name = raw.normalize('NFC');
  name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  name = name
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const ext = extensionOf(name);
  const base = ext ? name.slice(0, -(ext.length + 1)) : name;
  const keepExt = ext && ext.length <= 10 ? `.${ext}` : '';
  const room = MAX_NAME_LENGTH - keepExt.length;
  const chars = [...(keepExt ? base : name)];
  const shortBase = chars.slice(0, room).join('').trim() || 'bestand';
  return `${shortBase}${keepExt}`;
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
