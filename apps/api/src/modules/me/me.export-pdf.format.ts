import type PDFDocument from 'pdfkit';
import { SCHOOL_TIME_ZONE } from '../../platform/time.ts';

// The look and the wording shared by the sections of the personal export's PDF: margins and colours, the four
// ways of writing (a heading, a sub-heading, a labelled field, a line) and how dates, numbers and files are said.

export const MARGIN = 56;
export const INK = '#1f2933';
export const MUTED = '#52606d';
export const RULE = '#cbd2d9';

/** The ways a section writes into the document. */
export type PdfWriter = {
  heading: (text: string) => void;
  sub: (text: string) => void;
  /** A label with its value; nothing when the value is empty. */
  field: (label: string, value: string) => void;
  line: (text: string, muted?: boolean) => void;
};

/** The writer for one document, `width` points wide between the margins. */
export function pdfWriter(doc: InstanceType<typeof PDFDocument>, width: number): PdfWriter {
  const heading = (text: string) => {
    doc.moveDown(1);
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(14).fillColor(INK).text(text, MARGIN);
    const y = doc.y + 2;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .strokeColor(RULE)
      .lineWidth(0.7)
      .stroke();
    doc.moveDown(0.5);
  };
  const sub = (text: string) => {
    doc.moveDown(0.5);
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(text, MARGIN);
    doc.moveDown(0.15);
  };
  const field = (label: string, value: string) => {
    if (!value.trim()) return;
    doc.font('Helvetica-Bold').fontSize(9.5).fillColor(MUTED).text(label, MARGIN);
    doc.font('Helvetica').fontSize(10).fillColor(INK).text(value, MARGIN, undefined, { width });
    doc.moveDown(0.3);
  };
  const line = (text: string, muted = false) => {
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor(muted ? MUTED : INK)
      .text(text, MARGIN, undefined, { width });
  };
  return { heading, sub, field, line };
}

/** What kind of file it is, in words; the stored media type was decided by the server from the content. */
const FILE_KIND: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG-afbeelding',
  'image/jpeg': 'JPEG-afbeelding',
  'image/webp': 'WebP-afbeelding',
  'image/gif': 'GIF-afbeelding',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word-document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel-werkmap',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint-presentatie',
  'application/vnd.oasis.opendocument.text': 'OpenDocument-tekst',
  'text/plain': 'tekstbestand',
};

export function fileKind(mediaType: string): string {
  return FILE_KIND[mediaType.split(';')[0]!.trim()] ?? mediaType;
}

export function fileSize(bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat('nl-NL', {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mb ? 1 : 0,
  }).format(mb ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024)));
}

export function day(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: SCHOOL_TIME_ZONE }).format(new Date(iso));
}

export function moment(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: SCHOOL_TIME_ZONE }).format(
    new Date(iso),
  );
}

/** A plain date (yyyy-mm-dd) as a Dutch date, read as that day and not as an instant. */
export function date(isoDate: string | null): string {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

export const number = (n: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }).format(n);
