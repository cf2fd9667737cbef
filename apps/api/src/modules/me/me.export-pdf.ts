import PDFDocument from 'pdfkit';
import { SCHOOL_TIME_ZONE } from '../../platform/time.ts';
import type { PersonalExport } from './me.export.ts';

const MARGIN = 56;
const INK = '#1f2933';
const MUTED = '#52606d';
const RULE = '#cbd2d9';

const STATE: Record<string, string> = {
  planned: 'gepland',
  preparing: 'in voorbereiding',
  held: 'gehouden',
  report_draft: 'verslag in concept',
  agreed: 'door beiden ondertekend',
  closed: 'afgerond',
  cancelled: 'afgezegd',
};
const ROLE: Record<string, string> = {
  beheerder: 'Beheerder',
  bestuurder: 'Bestuurder',
  hr: 'HR',
  schoolleider: 'Schoolleider',
  mt_lid: 'MT-lid',
  teamleider: 'Teamleider',
  docent: 'Docent',
  oop: 'Onderwijsondersteuner',
  coach: 'Coach',
  werkplekbegeleider: 'Werkplekbegeleider',
  schoolopleider: 'Schoolopleider',
  student: 'Student',
};
const GOAL_STATUS: Record<string, string> = {
  open: 'open',
  on_track: 'op schema',
  behind: 'achter',
  achieved: 'bereikt',
  stopped: 'gestopt',
};

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

function fileKind(mediaType: string): string {
  return FILE_KIND[mediaType.split(';')[0]!.trim()] ?? mediaType;
}

function fileSize(bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat('nl-NL', {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mb ? 1 : 0,
  }).format(mb ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024)));
}

type Evidence = NonNullable<PersonalExport['developmentPlan']>['evidence'][number];

/** One line per piece of evidence: its title and its link, or its file by name, kind and size (never the bytes). */
function evidenceLine(e: Evidence, conversations: PersonalExport['conversations']): string {
  const what = e.file ? `bestand ${e.file.name} (${fileKind(e.file.mediaType)}, ${fileSize(e.file.size)})` : e.url;
  const conversation = e.conversationId ? conversations.find((c) => c.id === e.conversationId) : undefined;
  const at = conversation ? `bij ${conversation.kind} van ${conversation.scheduledOn}` : '';
  return `• ${[e.title, what, at].filter(Boolean).join(' – ')}`;
}

function day(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: SCHOOL_TIME_ZONE }).format(new Date(iso));
}

/** The personal export as a readable A4 document: who I am, my conversations, my plan, my feedback. */
export function renderPersonalExportPdf(data: PersonalExport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `Mijn gegevens in Groeipad – ${data.person.name}`, Creator: 'Groeipad' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;

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
  const line = (text: string, muted = false) =>
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor(muted ? MUTED : INK)
      .text(text, MARGIN, undefined, { width });

  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(data.person.board.toUpperCase(), { characterSpacing: 0.5 });
  doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text('Mijn gegevens in Groeipad');
  doc.moveDown(0.3);
  line(`${data.person.name} · ${data.person.email}${data.person.jobTitle ? ` · ${data.person.jobTitle}` : ''}`);
  line(
    `Gemaakt op ${day(data.exportedAt)}. Het JSON-bestand van dezelfde export bevat alles in machineleesbare vorm.`,
    true,
  );

  heading('Organisatie');
  for (const m of data.person.memberships)
    line(`• ${[ROLE[m.role] ?? m.role, m.teamName, m.schoolName].filter(Boolean).join(', ')}`);
  if (data.person.managers.length > 0)
    line(`Leidinggevende: ${data.person.managers.map((p) => p.displayName).join(', ')}`);

  heading(`Gesprekken (${data.conversations.length})`);
  if (data.conversations.length === 0) line('Er zijn geen gesprekken over jou vastgelegd.', true);
  for (const c of data.conversations) {
    sub(`${c.kind} · ${c.scheduledOn} · ${STATE[c.state] ?? c.state}`);
    line(`Met ${c.manager}, ${c.school}`, true);
    const report = c.reports.at(-1);
    if (!report) continue;
    field('Wat goed gaat', report.goingWell);
    field('Wat je wilt ontwikkelen', report.toDevelop);
    field('Wat je nodig hebt', report.employeeNeeds);
    field('Wat je leidinggevende biedt', report.managerOffers);
    for (const a of report.agreements) {
      field(
        `Afspraak: ${a.title}`,
        [
          a.description,
          a.measure ? `Meetbaar: ${a.measure}` : '',
          a.targetDate ? `Streefdatum: ${day(a.targetDate)}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }
    field('Jouw kijk', report.employeeView + (report.employeeDisagrees ? '\n(Niet eens met het verslag)' : ''));
  }

  const plan = data.developmentPlan;
  heading('Ontwikkelplan');
  if (!plan || plan.goals.length === 0) line('Je ontwikkelplan heeft nog geen doelen.', true);
  else {
    field('Ambitie', plan.plan.ambition ?? '');
    for (const g of plan.goals) {
      sub(`${g.title} · ${GOAL_STATUS[g.status] ?? g.status}`);
      field('Meetbaar', g.measure);
      for (const a of g.actions) line(`${a.doneAt ? '☑' : '☐'} ${a.title}${a.dueOn ? ` (vóór ${day(a.dueOn)})` : ''}`);
      for (const ch of g.checkins.slice(0, 5))
        line(`${day(ch.createdAt)}: ${GOAL_STATUS[ch.status] ?? ch.status}${ch.note ? ` – ${ch.note}` : ''}`, true);
      for (const e of g.evidence) line(evidenceLine(e, data.conversations));
    }
  }
  // Evidence not tied to a goal: on the plan itself or for a conversation.
  if (plan && plan.evidence.length > 0) {
    sub(`Bewijs en materiaal (${plan.evidence.length})`);
    for (const e of plan.evidence) line(evidenceLine(e, data.conversations));
  }
  const files = plan ? [...plan.goals.flatMap((g) => g.evidence), ...plan.evidence].filter((e) => e.file).length : 0;
  if (files > 0) {
    const where = 'vanuit je ontwikkelplan of het gesprek';
    line(
      files === 1
        ? `Het bestand zelf staat in Groeipad; download het ${where}.`
        : `De ${files} bestanden zelf staan in Groeipad; download ze ${where}.`,
      true,
    );
  }

  heading(`Feedback (${data.feedback.length} rondes)`);
  if (data.feedback.length === 0) line('Je hebt nog geen feedback gevraagd.', true);
  for (const r of data.feedback) {
    sub(`${r.title} · ${r.status === 'closed' ? 'gesloten' : 'open'}`);
    line(`${r.answered} van ${r.invited} uitgenodigden antwoordden.`, true);
    if (!r.results) continue;
    for (const section of r.results.sections)
      for (const item of section.items) {
        if (item.type !== 'scale') continue;
        const cells = item.cells.map(
          (c) => `${c.group === 'all' ? 'alle groepen' : c.group} ${c.mean.toFixed(1)} (n=${c.n})`,
        );
        line(`${item.text}`);
        line(
          `   ${[item.self !== null ? `zelf ${item.self}` : '', ...cells].filter(Boolean).join(' · ') || 'te weinig antwoorden'}`,
          true,
        );
      }
  }

  heading(`Barometer (${data.barometer.rounds.length} rondes)`);
  line(data.barometer.about, true);
  for (const r of data.barometer.rounds)
    line(
      `• ${r.team}, ${day(r.opensOn)} – ${day(r.closesOn)}: ${r.answered ? 'ingevuld' : 'niet ingevuld'}${r.reminded ? ' (herinnering gestuurd)' : ''}`,
    );

  heading('Wie keek naar je gegevens');
  line(
    `${data.auditLog.length} vermeldingen in het auditlog; het JSON-bestand en "Mijn gegevens" tonen ze allemaal.`,
    true,
  );

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(`Groeipad · ${data.person.name} · pagina ${i + 1} van ${range.count}`, MARGIN, doc.page.height - MARGIN, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
