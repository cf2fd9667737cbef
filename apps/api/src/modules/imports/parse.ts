import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { IMPORT_MAX_ROWS } from '@groeipad/contracts';
import { AppError } from '../../platform/http/errors.ts';

export type ParsedSheet = { columns: string[]; rows: string[][] };

/** HR systems export CSV in UTF-8 or in Windows-1252 (Excel on Windows); read both. */
function decode(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

function isXlsx(buffer: Buffer): boolean {
  // An .xlsx file is a zip archive: it starts with "PK\x03\x04".
  return buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlinks, such as e-mail cells
    if ('result' in value) return cellText(value.result); // formulas
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'validation',
      'Dit Excel-bestand kon niet worden gelezen. Sla het opnieuw op als .xlsx of als CSV.',
    );
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return [];
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= sheet.actualColumnCount; c++) values.push(cellText(row.getCell(c).value).trim());
    out.push(values);
  });
  return out;
}

function readCsv(buffer: Buffer): string[][] {
  try {
    const records: string[][] = parseCsv(decode(buffer), {
      bom: true,
      delimiter: [';', ',', '\t'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
    return records;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new AppError(
      'validation',
      `Dit CSV-bestand kon niet worden gelezen${line ? ` (rond regel ${line})` : ''}: controleer aanhalingstekens en scheidingstekens.`,
    );
  }
}

/** Reads a CSV or XLSX staff file into a header row and data rows of equal width. */
export async function parseStaffFile(buffer: Buffer): Promise<ParsedSheet> {
  const table = isXlsx(buffer) ? await readXlsx(buffer) : readCsv(buffer);
  const nonEmpty = table.filter((r) => r.some((c) => c !== ''));
  const [header, ...rows] = nonEmpty;
  if (!header) throw new AppError('validation', 'Het bestand is leeg.');
  if (rows.length === 0) throw new AppError('validation', 'Het bestand bevat alleen een kopregel en geen medewerkers.');
  if (rows.length > IMPORT_MAX_ROWS) {
    throw new AppError(
      'payload_too_large',
      `Het bestand heeft ${rows.length} regels; het maximum is ${IMPORT_MAX_ROWS}. Splits het bestand.`,
    );
  }
  const columns = header.map((h, i) => h.trim() || `Kolom ${i + 1}`);
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.toLowerCase())) throw new AppError('validation', `De kolom "${c}" staat twee keer in de kopregel.`);
    seen.add(c.toLowerCase());
  }
  const width = columns.length;
  return { columns, rows: rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim())) };
}
