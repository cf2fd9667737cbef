import { date, day, fileKind, fileSize, moment, number, type PdfWriter } from './me.export-pdf.format.ts';
import type { PersonalExport } from './me.export.ts';

// The team practice sections of the personal export's PDF: visits, joint preparation and the library, the team
// board and its sessions, the programme and the pizzasessies.

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

/** A filled form as lines: its headings, and each question with its answer in words. */
function formText(answers: readonly LabelledAnswer[]): string {
  return answers.map((a) => (a.kind === 'heading' ? a.label : `• ${a.label}: ${answerText(a)}`)).join('\n');
}

/** Writes the team practice sections, in the order the document has them. */
export function writeTeamPractice({ heading, sub, field, line }: PdfWriter, data: PersonalExport): void {
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
      field(`Kijkwijzer: ${v.form.title}`, formText(v.form.answers));
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
      field(`Formulier: ${p.form.title}`, formText(p.form.answers));
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
}
