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

const VISIT_KIND: Record<string, string> = {
  lesson: 'Lesbezoek',
  work: 'Werkbezoek',
  meeting: 'Bezoek aan een overleg',
};
const VISIT_STATUS: Record<string, string> = {
  planned: 'gepland',
  observed: 'bezoek gedaan',
  discussed: 'nagesprek gehouden',
  cancelled: 'afgezegd',
};
const PREPARATION_KIND: Record<string, string> = { lesson: 'Lesvoorbereiding', work: 'Werkvoorbereiding' };
const PREPARATION_STATUS: Record<string, string> = { planned: 'gepland', done: 'afgerond', cancelled: 'geannuleerd' };
const LIBRARY_KIND: Record<string, string> = {
  procedure: 'standaardwerkwijze',
  checklist: 'checklist',
  lesson_design: 'lesontwerp',
  other: 'product',
};
const ACTION_STATUS: Record<string, string> = { todo: 'te doen', doing: 'bezig', done: 'klaar' };
const TEAM_GOAL_STATUS: Record<string, string> = { active: 'loopt', achieved: 'behaald', stopped: 'gestopt' };
const BOARD_ITEM_KIND: Record<string, string> = {
  success: 'Succes',
  parking: 'Parkeerplaats',
  norm: 'Afspraak',
  note: 'Notitie',
};
const INTERVENTION: Record<string, string> = {
  session: 'Bordsessie',
  visits: 'Bij elkaar kijken',
  preparation: 'Samen voorbereiden',
};
const PHASE: Record<string, string> = { start: 'eerste 8 weken', deepening: 'verdiepen' };
const PROGRAMME_STATUS: Record<string, string> = { running: 'loopt', finished: 'afgerond', stopped: 'gestopt' };
const EVENT_KIND: Record<string, string> = {
  kickoff: 'Kick-off',
  linking: 'Verbindingssessie',
  pizza: 'Pizzasessie',
  other: 'Datum',
};

type LabelledAnswer = PersonalExport['visits']['visits'][number]['form']['answers'][number];

/** A form's answer in words: a scale as "3 van 4", null as "niet gezien", yes/no, or the text itself. */
function answerText(a: LabelledAnswer): string {
  if (!('answer' in a) || a.answer === undefined) return 'niet ingevuld';
  if (a.answer === null) return 'niet gezien of niet van toepassing';
  if (typeof a.answer === 'boolean') return a.answer ? 'ja' : 'nee';
  if (typeof a.answer === 'number' && a.kind === 'scale') return `${a.answer} van 4`;
  return String(a.answer);
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

function moment(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: SCHOOL_TIME_ZONE }).format(
    new Date(iso),
  );
}

/** A plain date (yyyy-mm-dd) as a Dutch date, read as that day and not as an instant. */
function date(isoDate: string | null): string {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

const number = (n: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }).format(n);

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

  const { visits, preparations, teamBoard, programme } = data;
  heading(`Bezoeken (${visits.visits.length})`);
  line(visits.about, true);
  if (visits.visits.length === 0) line('Je hebt nog niemand bezocht en bent nog niet bezocht.', true);
  for (const v of visits.visits) {
    const who = v.role === 'observer' ? `jij bij ${v.with}` : `${v.with} bij jou`;
    sub(`${VISIT_KIND[v.kind] ?? v.kind} · ${who} · ${moment(v.scheduledAt)} · ${VISIT_STATUS[v.status] ?? v.status}`);
    line(
      [`${v.durationMinutes} min.`, v.team, v.location, v.plannedBy ? `gepland door ${v.plannedBy}` : '']
        .filter(Boolean)
        .join(' · '),
      true,
    );
    field('Leervraag', v.learningQuestion);
    field('Teamdoel', v.teamGoal ?? '');
    field('Ontwikkeldoel', v.developmentGoal ?? '');
    if (v.form.answers.some((a) => 'answer' in a)) {
      field(
        `Kijkwijzer: ${v.form.title}`,
        v.form.answers.map((a) => (a.kind === 'heading' ? `${a.label}` : `• ${a.label}: ${answerText(a)}`)).join('\n'),
      );
    }
    field('Waarneming', v.talk.observation);
    field('Effect', v.talk.effect);
    field('Reactie', v.talk.reaction);
    field('Tips', v.talk.suggestions);
    if (v.talk.recordedAt)
      line(
        `Nagesprek vastgelegd op ${day(v.talk.recordedAt)}${v.talk.recordedBy ? ` door ${v.talk.recordedBy}` : ''}.`,
        true,
      );
    if (v.sharedWithManagerAt)
      line(
        `Gedeeld met de leidinggevende sinds ${day(v.sharedWithManagerAt)}${v.firstReadByManagerAt ? `, gelezen op ${day(v.firstReadByManagerAt)}` : ''}.`,
        true,
      );
    field('Reden van verzetten', v.rescheduledReason ?? '');
    field('Reden van afzeggen', v.cancelledReason ?? '');
  }
  if (visits.formsMade.length > 0) {
    sub(`Formulieren die je maakte (${visits.formsMade.length})`);
    for (const f of visits.formsMade)
      line(
        `• ${f.title} – ${f.purpose === 'visit' ? 'kijkwijzer' : 'voorbereidingsformulier'}, ${f.team}, ${day(f.createdAt)}${f.archivedAt ? ' (gearchiveerd)' : ''}`,
      );
  }

  heading(`Gezamenlijke voorbereiding (${preparations.preparations.length})`);
  if (preparations.preparations.length === 0) line('Je hebt nog niet samen voorbereid.', true);
  for (const p of preparations.preparations) {
    sub(`${p.title} · ${moment(p.plannedAt)} · ${PREPARATION_STATUS[p.status] ?? p.status}`);
    line(
      [PREPARATION_KIND[p.kind] ?? p.kind, `${p.durationMinutes} min.`, p.team, p.participant ? '' : 'door jou gepland']
        .filter(Boolean)
        .join(' · '),
      true,
    );
    field('Met', p.participants.join(', '));
    field('Teamdoel', p.teamGoal ?? '');
    if (p.form.answers.some((a) => 'answer' in a)) {
      field(
        `Formulier: ${p.form.title}`,
        p.form.answers.map((a) => (a.kind === 'heading' ? `${a.label}` : `• ${a.label}: ${answerText(a)}`)).join('\n'),
      );
    }
    field('Resultaat', p.result);
  }
  if (preparations.libraryVersions.length > 0) {
    sub(`Versies die je aan de teambibliotheek toevoegde (${preparations.libraryVersions.length})`);
    for (const v of preparations.libraryVersions) {
      field(
        `${v.product} (${LIBRARY_KIND[v.productKind] ?? v.productKind}), versie ${v.number} · ${v.team} · ${day(v.createdAt)}`,
        [
          v.note ? `Wat er veranderde: ${v.note}` : '',
          v.file
            ? `Bestand ${v.file.name}${v.file.mediaType ? ` (${fileKind(v.file.mediaType)}${v.file.size !== null ? `, ${fileSize(v.file.size)}` : ''})` : ''}`
            : '',
          v.text,
        ]
          .filter(Boolean)
          .join('\n') || '(geen tekst)',
      );
    }
    line('De bibliotheek is van het team: de bestanden zelf staan daar.', true);
  }

  heading('Teambord en bordsessies');
  line(teamBoard.about, true);
  if (teamBoard.actions.length > 0) {
    sub(`Verbeteracties (${teamBoard.actions.length})`);
    for (const a of teamBoard.actions) {
      const whose = [
        a.ownedByYou ? 'jij bent eigenaar' : a.owner ? `eigenaar ${a.owner}` : '',
        a.createdByYou ? 'door jou gemaakt' : '',
      ]
        .filter(Boolean)
        .join(', ');
      line(
        `• ${a.title} – ${ACTION_STATUS[a.status] ?? a.status}${a.dueOn ? `, vóór ${date(a.dueOn)}` : ''} (${a.team}${whose ? `; ${whose}` : ''})${a.archivedAt ? ' – gearchiveerd' : ''}`,
      );
      if (a.nextStep) line(`   Volgende stap: ${a.nextStep}`, true);
    }
  }
  if (teamBoard.goals.length > 0) {
    sub(`Teamdoelen (${teamBoard.goals.length})`);
    for (const g of teamBoard.goals)
      line(
        `• ${g.title} – ${g.startValue !== null ? `van ${number(g.startValue)} ` : ''}naar ${number(g.targetValue)}${g.unit ? ` ${g.unit}` : ''}${g.targetDate ? ` vóór ${date(g.targetDate)}` : ''}, ${TEAM_GOAL_STATUS[g.status] ?? g.status} (${g.team}; ${g.ownedByYou ? 'jij bent eigenaar' : 'door jou gemaakt'})`,
      );
  }
  if (teamBoard.measurements.length > 0) {
    sub(`Metingen die je invoerde (${teamBoard.measurements.length})`);
    for (const m of teamBoard.measurements)
      line(`• ${date(m.measuredOn)}: ${m.goal} ${number(m.value)}${m.note ? ` – ${m.note}` : ''} (${m.team})`);
  }
  if (teamBoard.items.length > 0) {
    sub(`Wat je op het bord zette (${teamBoard.items.length})`);
    for (const i of teamBoard.items)
      line(
        `• ${BOARD_ITEM_KIND[i.kind] ?? i.kind}, ${day(i.createdAt)}: ${i.text} (${i.team})${i.archivedAt ? ' – gearchiveerd' : ''}`,
      );
  }
  // Per team a count and the days absent: a daily rhythm makes a line per session too long to read.
  sub('Bordsessies');
  if (teamBoard.sessions.length === 0) line('Er zijn nog geen bordsessies van je team gehouden.', true);
  for (const team of [...new Set(teamBoard.sessions.map((x) => x.team))]) {
    const held = teamBoard.sessions.filter((x) => x.team === team);
    const absent = held.filter((x) => !x.present);
    const started = held.filter((x) => x.startedByYou).length;
    line(
      `• ${team}: aanwezig bij ${held.length - absent.length} van ${held.length} sessies, ${date(held[0]!.heldOn)} – ${date(held.at(-1)!.heldOn)}${started > 0 ? `; ${started} door jou gestart` : ''}.`,
    );
    if (absent.length > 0) line(`   Afwezig op ${absent.map((x) => date(x.heldOn)).join(', ')}.`, true);
  }
  if (teamBoard.actions.length + teamBoard.goals.length + teamBoard.measurements.length + teamBoard.items.length === 0)
    line('Er staan geen acties, doelen of teksten van jou op een teambord.', true);

  heading('Programma en pizzasessies');
  line(programme.about, true);
  sub(`Pizzasessies waarvoor je je aanmeldde (${programme.registrations.length})`);
  if (programme.registrations.length === 0) line('Je hebt je nog niet aangemeld.', true);
  for (const r of programme.registrations)
    line(
      `• ${r.title}, ${moment(r.startsAt)}${r.location ? `, ${r.location}` : ''} (aangemeld op ${day(r.registeredAt)})`,
    );
  if (programme.programmes.length > 0) {
    sub('Programma’s die je startte of stopte');
    for (const p of programme.programmes) {
      line(
        `• ${p.team}, vanaf ${date(p.startsOn)}: ${PROGRAMME_STATUS[p.status] ?? p.status}${p.startedByYou ? ' (door jou gestart)' : ''}${p.stoppedByYou && p.stoppedAt ? ` (door jou gestopt op ${day(p.stoppedAt)})` : ''}`,
      );
      if (p.stoppedByYou && p.stoppedReason) line(`   Reden: ${p.stoppedReason}`, true);
    }
  }
  if (programme.weeks.length > 0) {
    sub(`Programmaweken die je bijwerkte (${programme.weeks.length})`);
    for (const w of programme.weeks)
      line(
        `• ${w.team}, week ${w.week}${w.sessionHeldOn ? `: teamsessie op ${date(w.sessionHeldOn)}` : ''}${w.note ? ` – ${w.note}` : ''}`,
      );
  }
  if (programme.progressScores.length > 0) {
    sub(`Voortgangsmeter: scores die je invoerde (${programme.progressScores.length})`);
    for (const p of programme.progressScores) {
      const values = Object.values(p.scores);
      const average = values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0;
      line(
        `• ${date(p.scoredOn)}, ${p.team}: ${INTERVENTION[p.intervention] ?? p.intervention} (${PHASE[p.phase] ?? p.phase}), gemiddeld ${number(average)} van 5 over ${values.length} punten${p.note ? ` – ${p.note}` : ''}`,
      );
    }
    line('De score per punt staat in het JSON-bestand.', true);
  }
  if (programme.eventsPlanned.length > 0) {
    sub(`Data die je in het jaarplan zette (${programme.eventsPlanned.length})`);
    for (const e of programme.eventsPlanned)
      line(
        `• ${EVENT_KIND[e.kind] ?? e.kind}: ${e.title}, ${moment(e.startsAt)}${e.location ? `, ${e.location}` : ''}`,
      );
  }

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
