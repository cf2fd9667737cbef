import { randomInt } from 'node:crypto';
import { NAMED_RATER_GROUPS, type FeedbackAnswer, type FeedbackInstrument, type RaterGroup } from '@groeipad/contracts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { FeedbackInstrument as StoredInstrument } from './feedback.schema.ts';
import { SCHOOL_TIME_ZONE, schoolDay } from '../../platform/time.ts';

// Pure rules of the feedback module: what a valid questionnaire and a valid answer are, and dates.

/** Everything wrong with an instrument a school wants to publish or save, as field errors. */
export function instrumentErrors(instrument: FeedbackInstrument, opts: { publishing: boolean }): FieldError[] {
  const errors: FieldError[] = [];
  const labels = instrument.scale.labels;
  if (labels.length < 2 || labels.length > 7) {
    errors.push({ path: 'scale.labels', message: 'Een antwoordschaal heeft 2 tot 7 antwoorden.' });
  }
  if (new Set(labels.map((l) => l.toLowerCase())).size !== labels.length) {
    errors.push({ path: 'scale.labels', message: 'Elk antwoord op de schaal moet anders zijn.' });
  }
  const seenSections = new Set<string>();
  const seenItems = new Set<string>();
  instrument.sections.forEach((section, s) => {
    if (seenSections.has(section.id)) {
      errors.push({ path: `sections.${s}.id`, message: 'Twee onderdelen hebben dezelfde code.' });
    }
    seenSections.add(section.id);
    section.items.forEach((item, i) => {
      if (seenItems.has(item.id)) {
        errors.push({ path: `sections.${s}.items.${i}.id`, message: `De code "${item.id}" komt twee keer voor.` });
      }
      seenItems.add(item.id);
    });
  });
  if (new Set(instrument.raterGroups).size !== instrument.raterGroups.length) {
    errors.push({ path: 'raterGroups', message: 'Elke groep beoordelaars mag één keer voorkomen.' });
  }
  if (opts.publishing) {
    if (instrument.sections.length === 0) {
      errors.push({ path: 'sections', message: 'Voeg minstens één onderdeel toe.' });
    }
    if (!instrument.sections.some((s) => s.items.some((i) => i.type === 'scale'))) {
      errors.push({ path: 'sections', message: 'Voeg minstens één uitspraak met een antwoordschaal toe.' });
    }
    instrument.sections.forEach((section, s) => {
      if (section.items.length === 0) {
        errors.push({
          path: `sections.${s}.items`,
          message: `Het onderdeel "${section.title}" heeft nog geen vragen.`,
        });
      }
    });
    if (!instrument.raterGroups.some((g) => !NAMED_RATER_GROUPS.includes(g))) {
      errors.push({
        path: 'raterGroups',
        message: 'Kies minstens één groep die anoniem feedback geeft, zoals collega’s of studenten.',
      });
    }
  }
  return errors;
}

export type CleanAnswer = { scores: Record<string, number | 'dk'>; open: Record<string, string> };

/** Checks a rater's answers against the instrument; returns the cleaned answer or field errors. */
export function checkAnswer(
  instrument: FeedbackInstrument,
  answer: FeedbackAnswer,
): { ok: true; value: CleanAnswer } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const items = instrument.sections.flatMap((s) => s.items);
  const scaleIds = new Set(items.filter((i) => i.type === 'scale').map((i) => i.id));
  const openIds = new Set(items.filter((i) => i.type === 'open').map((i) => i.id));
  const max = instrument.scale.labels.length;
  const scores: Record<string, number | 'dk'> = {};
  for (const id of Object.keys(answer.scores)) {
    if (!scaleIds.has(id)) errors.push({ path: `scores.${id}`, message: 'Deze vraag hoort niet bij de vragenlijst.' });
  }
  for (const id of scaleIds) {
    const value = answer.scores[id];
    if (value === undefined) {
      errors.push({ path: `scores.${id}`, message: 'Kies een antwoord.' });
    } else if (value === 'dk') {
      if (instrument.scale.dontKnowLabel === null) {
        errors.push({ path: `scores.${id}`, message: 'Kies een antwoord op de schaal.' });
      } else scores[id] = 'dk';
    } else if (!Number.isInteger(value) || value < 1 || value > max) {
      errors.push({ path: `scores.${id}`, message: `Kies een antwoord van 1 tot ${max}.` });
    } else scores[id] = value;
  }
  const open: Record<string, string> = {};
  for (const [id, text] of Object.entries(answer.open)) {
    if (!openIds.has(id)) {
      errors.push({ path: `open.${id}`, message: 'Deze vraag hoort niet bij de vragenlijst.' });
      continue;
    }
    const trimmed = text.trim();
    if (trimmed.length > 2000) errors.push({ path: `open.${id}`, message: 'Houd je antwoord onder 2000 tekens.' });
    else if (trimmed) open[id] = trimmed;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: { scores, open } };
}

const ZONE = SCHOOL_TIME_ZONE;

/** The last moment of a Dutch calendar day, as an instant. */
export function endOfDutchDay(day: string): Date {
  // Find the zone's offset around that day's end, then step back one millisecond from next midnight.
  const probe = new Date(`${day}T23:00:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' })
    .formatToParts(probe)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(offset ?? '');
  const minutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return new Date(new Date(`${day}T23:59:59.999Z`).getTime() - minutes * 60_000);
}

/** Days from one YYYY-MM-DD to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Why a closing date cannot be used, or null. */
export function closesOnError(closesOn: string, now: Date): string | null {
  if (Number.isNaN(Date.parse(`${closesOn}T00:00:00Z`))) return 'Dit is geen geldige datum.';
  const days = daysBetween(schoolDay(now), closesOn);
  if (days < 1) return 'Kies een datum in de toekomst.';
  if (days > 90) return 'Een feedbackronde loopt hoogstens 90 dagen.';
  return null;
}

/** A uniform random permutation (Fisher–Yates with a cryptographic source). */
export function shuffled<T>(items: readonly T[], random: (n: number) => number = randomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** How many more answers a group needs before it can be shown on its own. */
export function answersNeeded(group: RaterGroup, answered: number, minGroupSize: number): number {
  if (NAMED_RATER_GROUPS.includes(group)) return 0;
  return Math.max(0, minGroupSize - answered);
}

/** A stored instrument in the contract's shape: its rater groups were checked against the list on save. */
export function asInstrument(stored: StoredInstrument): FeedbackInstrument {
  return stored as FeedbackInstrument;
}
