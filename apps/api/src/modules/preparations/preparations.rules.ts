import {
  PREPARATION_MAX_PEOPLE,
  PREPARATION_MIN_PEOPLE,
  type PreparationAnswers,
  type PreparationFormField,
  type PreparationStatus,
} from '@groeipad/contracts';

// Pure rules of a joint preparation: who takes part, what a filled form may hold, and which step may follow which.

export type FieldIssue = { path: string; message: string };

/**
 * Everyone who prepares together: the planner is always one of them (added when missing), each person once,
 * between 2 and 6 people. Returns the list in a stable order (the planner first) or the problem.
 */
export function participantsOf(
  plannerId: string,
  chosen: readonly string[],
): { ok: true; ids: string[] } | { ok: false; message: string } {
  const ids = [plannerId, ...chosen.filter((id) => id !== plannerId)];
  if (new Set(ids).size !== ids.length) return { ok: false, message: 'Je hebt iemand twee keer gekozen.' };
  if (ids.length < PREPARATION_MIN_PEOPLE)
    return { ok: false, message: 'Kies minstens één collega om samen mee voor te bereiden.' };
  if (ids.length > PREPARATION_MAX_PEOPLE)
    return { ok: false, message: `Met maximaal ${PREPARATION_MAX_PEOPLE} mensen (jij meegeteld).` };
  return { ok: true, ids };
}

/** A changed list of participants (while rescheduling): each person once, 2 to 6 of them. */
export function checkParticipantList(ids: readonly string[]): string | null {
  if (new Set(ids).size !== ids.length) return 'Je hebt iemand twee keer gekozen.';
  if (ids.length < PREPARATION_MIN_PEOPLE) return 'Een gezamenlijke voorbereiding doe je met minstens twee mensen.';
  if (ids.length > PREPARATION_MAX_PEOPLE) return `Met maximaal ${PREPARATION_MAX_PEOPLE} mensen.`;
  return null;
}

/**
 * Checks answers against the form's fields (the snapshot the preparation keeps): only fields of the form, no answer
 * to a heading; scale 1–4 or null; text a string; check true/false (or null); choice one of the options (or null).
 * An empty text answer is stored as given. Returns the issues with paths like `answers.<fieldId>`.
 */
export function checkAnswers(fields: readonly PreparationFormField[], answers: PreparationAnswers): FieldIssue[] {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const issues: FieldIssue[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const path = `answers.${id}`;
    const field = byId.get(id);
    if (!field) {
      issues.push({ path, message: 'Deze vraag staat niet (meer) op het formulier.' });
      continue;
    }
    if (value === null) {
      if (field.kind === 'heading') issues.push({ path, message: 'Een kopje heeft geen antwoord.' });
      continue;
    }
    switch (field.kind) {
      case 'heading':
        issues.push({ path, message: 'Een kopje heeft geen antwoord.' });
        break;
      case 'scale':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 4)
          issues.push({ path, message: 'Kies een score van 1 tot en met 4, of laat de vraag open.' });
        break;
      case 'text':
        if (typeof value !== 'string') issues.push({ path, message: 'Vul hier tekst in.' });
        break;
      case 'check':
        if (typeof value !== 'boolean') issues.push({ path, message: 'Vink aan of niet.' });
        break;
      case 'choice':
        if (typeof value !== 'string' || !(field.options ?? []).includes(value))
          issues.push({ path, message: 'Kies een van de mogelijkheden.' });
        break;
    }
  }
  return issues;
}

/** The steps a preparation can take from its status. */
export function allowedSteps(status: PreparationStatus): {
  reschedule: boolean;
  fill: boolean;
  markDone: boolean;
  cancel: boolean;
} {
  return {
    reschedule: status === 'planned',
    // The result can still be sharpened after it is done; a cancelled preparation is history.
    fill: status !== 'cancelled',
    markDone: status === 'planned',
    cancel: status === 'planned',
  };
}
