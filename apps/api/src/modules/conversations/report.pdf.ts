import PDFDocument from 'pdfkit';
import type { ConversationState } from '@groeipad/contracts';
import type { ReportRow } from './conversations.repository.ts';
import { formatDay, formatMoment } from './conversations.mails.ts';

export type ReportPdfInput = {
  schoolName: string;
  kindName: string;
  employeeName: string;
  managerName: string;
  scheduledAt: Date;
  state: ConversationState;
  report: ReportRow;
  supersededRevision: number | null;
  generatedAt: Date;
};

const STATE_TEXT: Record<ConversationState, string> = {
  planned: 'Gepland',
  preparing: 'In voorbereiding',
  held: 'Gehouden',
  report_draft: 'Verslag in concept',
  agreed: 'Door beiden ondertekend',
  closed: 'Afgerond',
  cancelled: 'Afgezegd',
};

const MARGIN = 56;
const INK = '#1f2933';
const MUTED = '#52606d';
const RULE = '#cbd2d9';

/** A plain, printable A4 report, the way a school would hand it to an inspector. */
export function renderReportPdf(input: ReportPdfInput): Promise<Buffer> {
  const { report } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: `Verslag ${input.kindName} – ${input.employeeName}`,
      Author: input.managerName,
      Subject: `Gespreksverslag ${input.schoolName}`,
      Creator: 'Groeipad',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;

  // Header
  doc.fillColor(MUTED).font('Helvetica').fontSize(10).text(input.schoolName.toUpperCase(), { characterSpacing: 0.5 });
  doc.moveDown(0.2);
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(20).text(`Verslag ${input.kindName.toLowerCase()}`);
  doc.moveDown(0.5);

  const meta: [string, string][] = [
    ['Medewerker', input.employeeName],
    ['Leidinggevende', input.managerName],
    ['Datum gesprek', formatMoment(input.scheduledAt)],
    ['Status', `${STATE_TEXT[input.state]}${report.lockedAt ? ' (vastgelegd)' : ''}`],
    ['Versie', String(report.revision)],
  ];
  if (report.nextDate) meta.push(['Volgend gesprek', formatDay(report.nextDate)]);
  doc.fontSize(10);
  for (const [label, value] of meta) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fillColor(MUTED).text(label, MARGIN, y, { width: 120 });
    doc
      .font('Helvetica')
      .fillColor(INK)
      .text(value, MARGIN + 130, y, { width: width - 130 });
    doc.moveDown(0.15);
  }
  if (input.supersededRevision !== null) {
    doc.moveDown(0.5);
    doc
      .font('Helvetica-Oblique')
      .fillColor(INK)
      .text(
        `Gecorrigeerde versie van versie ${input.supersededRevision}.${report.correctionReason ? ` Reden van de correctie: ${report.correctionReason}` : ''}`,
        MARGIN,
        doc.y,
        { width },
      );
  }
  rule(doc, width);

  const section = (title: string, body: string) => {
    heading(doc, title);
    doc
      .font('Helvetica')
      .fontSize(11)
      .fillColor(body.trim() ? INK : MUTED)
      .text(body.trim() || 'Niets ingevuld.', MARGIN, doc.y, { width, lineGap: 2 });
    doc.moveDown(0.6);
  };
  section('Wat goed gaat en zo moet blijven', report.goingWell);
  section('Wat zich verder mag ontwikkelen', report.toDevelop);
  section('Wat de medewerker nodig heeft', report.employeeNeeds);
  section('Wat de leidinggevende biedt', report.managerOffers);

  heading(doc, 'Afspraken');
  if (report.agreements.length === 0) {
    doc.font('Helvetica').fontSize(11).fillColor(MUTED).text('Geen afspraken vastgelegd.', MARGIN, doc.y, { width });
  }
  report.agreements.forEach((a, i) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor(INK)
      .text(`${i + 1}. ${a.title}`, MARGIN, doc.y, { width });
    if (a.description.trim()) doc.font('Helvetica').text(a.description, MARGIN + 14, doc.y, { width: width - 14 });
    doc
      .font('Helvetica')
      .fillColor(INK)
      .text(`Meetbaar aan: ${a.measure}`, MARGIN + 14, doc.y, { width: width - 14 });
    doc.text(`Streefdatum: ${a.targetDate ? formatDay(a.targetDate) : 'geen'}`, MARGIN + 14, doc.y, {
      width: width - 14,
    });
    if (a.actions.length > 0) {
      doc.moveDown(0.2);
      doc
        .font('Helvetica-Bold')
        .fillColor(MUTED)
        .fontSize(10)
        .text('Acties', MARGIN + 14, doc.y);
      for (const x of a.actions) {
        const who = x.owner === 'employee' ? input.employeeName : input.managerName;
        doc
          .font('Helvetica')
          .fontSize(10)
          .fillColor(INK)
          .text(`• ${x.title} — ${who}${x.dueOn ? `, uiterlijk ${formatDay(x.dueOn)}` : ''}`, MARGIN + 24, doc.y, {
            width: width - 24,
          });
      }
    }
    doc.moveDown(0.6);
  });
  doc.moveDown(0.2);
  section('Zo zien we de voortgang volgende keer', report.progressEvidence);

  heading(doc, 'Kijk van de medewerker');
  doc
    .font('Helvetica')
    .fontSize(11)
    .fillColor(report.employeeView.trim() ? INK : MUTED)
    .text(report.employeeView.trim() || 'Geen eigen kijk toegevoegd.', MARGIN, doc.y, { width, lineGap: 2 });
  if (report.employeeDisagrees) {
    doc.moveDown(0.3);
    doc
      .font('Helvetica-Bold')
      .fillColor(INK)
      .text(
        'De medewerker is het niet eens met (een deel van) dit verslag en heeft dat laten vastleggen.',
        MARGIN,
        doc.y,
        {
          width,
        },
      );
  }
  doc.moveDown(0.8);

  heading(doc, 'Ondertekening');
  const sign = (who: string, role: string, at: Date | null, note?: string) => {
    doc
      .font('Helvetica')
      .fontSize(11)
      .fillColor(INK)
      .text(
        `${role}: ${who} — ${at ? `ondertekend op ${formatMoment(at)}` : 'nog niet ondertekend'}${note ?? ''}`,
        MARGIN,
        doc.y,
        { width },
      );
  };
  sign(input.managerName, 'Leidinggevende', report.managerSignedAt);
  sign(
    input.employeeName,
    'Medewerker',
    report.employeeSignedAt,
    report.employeeSignedAt && report.employeeDisagrees ? ' (gezien, niet mee eens)' : '',
  );

  // Footer with page numbers on every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - MARGIN;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `${input.kindName} ${input.employeeName} · versie ${report.revision} · gemaakt op ${formatMoment(input.generatedAt)}`,
        MARGIN,
        bottom,
        { width: width - 80, lineBreak: false },
      )
      .text(`Pagina ${i - range.start + 1} van ${range.count}`, MARGIN + width - 80, bottom, {
        width: 80,
        align: 'right',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, title: string) {
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(13).fillColor(INK).text(title, MARGIN, doc.y);
  doc.moveDown(0.3);
}

function rule(doc: PDFKit.PDFDocument, width: number) {
  doc.moveDown(0.6);
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + width, doc.y)
    .strokeColor(RULE)
    .lineWidth(1)
    .stroke();
  doc.moveDown(0.8);
}
