import PDFDocument from 'pdfkit';
import { day, fileKind, fileSize, INK, MARGIN, MUTED, pdfWriter } from './me.export-pdf.format.ts';
import { writeTeamPractice } from './me.export-pdf.team-practice.ts';
import type { PersonalExport } from './me.export.ts';

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

type Evidence = NonNullable<PersonalExport['developmentPlan']>['evidence'][number];

/** One line per piece of evidence: its title and its link, or its file by name, kind and size (never the bytes). */
function evidenceLine(e: Evidence, conversations: PersonalExport['conversations']): string {
  const what = e.file ? `bestand ${e.file.name} (${fileKind(e.file.mediaType)}, ${fileSize(e.file.size)})` : e.url;
  const conversation = e.conversationId ? conversations.find((c) => c.id === e.conversationId) : undefined;
  const at = conversation ? `bij ${conversation.kind} van ${conversation.scheduledOn}` : '';
  return `• ${[e.title, what, at].filter(Boolean).join(' – ')}`;
}

/** The personal export as a readable A4 document: who I am, my conversations, my plan, my feedback, my team practice. */
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

  const writer = pdfWriter(doc, width);
  const { heading, sub, field, line } = writer;

  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(data.person.board.toUpperCase(), { characterSpacing: 0.5 });
  doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text('Mijn gegevens in Groeipad');
  doc.moveDown(0.3);
  line([data.person.name, data.person.email, data.person.phone, data.person.jobTitle].filter(Boolean).join(' · '));
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

  writeTeamPractice(writer, data);

  heading('Wie keek naar je gegevens');
  line(
    `${data.auditLog.length} vermeldingen in het auditlog; het JSON-bestand en "Mijn gegevens" tonen ze allemaal.`,
    true,
  );

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer stands below the bottom margin: without lifting it, pdfkit would start a new page for it.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(`Groeipad · ${data.person.name} · pagina ${i + 1} van ${range.count}`, MARGIN, doc.page.height - MARGIN, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
