import { and, asc, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { developmentTables as dt } from '../development/index.ts';
import { displayName, organisationTables as ot } from '../organisation/index.ts';
import { teamTables as tt } from '../team/index.ts';
import { teamForms, teamVisits, type TeamFormAnswers, type TeamFormField } from './visits.schema.ts';

// The person's own part of the data export: the visits they were one of the two parties in, with everything the
// two of them see on the visit page, and the team forms they made.

/** One field of a copied form with the answer given to it. No `answer`: not answered (or a heading). */
export type LabelledAnswer = {
  label: string;
  kind: TeamFormField['kind'] | 'unknown';
  answer?: string | number | boolean | null;
};

/**
 * The answers of a filled form labelled with the copy's own fields, in the form's order. An answer whose field is
 * not in the copy (never accepted by the checks, but stored is stored) follows under its field id.
 */
export function labelAnswers(fields: TeamFormField[], answers: TeamFormAnswers): LabelledAnswer[] {
  const known = new Set(fields.map((f) => f.id));
  const out: LabelledAnswer[] = fields.map((f) =>
    f.kind !== 'heading' && Object.hasOwn(answers, f.id)
      ? { label: f.label, kind: f.kind, answer: answers[f.id] }
      : { label: f.label, kind: f.kind },
  );
  for (const [id, answer] of Object.entries(answers))
    if (!known.has(id)) out.push({ label: id, kind: 'unknown', answer });
  return out;
}

export type VisitsExport = {
  about: string;
  visits: {
    team: string;
    role: 'observer' | 'observed';
    kind: string;
    scheduledAt: string;
    durationMinutes: number;
    location: string;
    observer: string;
    observed: string;
    /** The other party: the observed person when you visited, the visitor when you were visited. */
    with: string;
    status: string;
    plannedBy: string | null;
    learningQuestion: string;
    teamGoal: string | null;
    developmentGoal: string | null;
    form: { title: string; answers: LabelledAnswer[] };
    observedAt: string | null;
    talk: {
      observation: string;
      effect: string;
      reaction: string;
      suggestions: string;
      recordedAt: string | null;
      recordedBy: string | null;
    };
    sharedWithManagerAt: string | null;
    firstReadByManagerAt: string | null;
    rescheduledAt: string | null;
    rescheduledReason: string | null;
    cancelledReason: string | null;
  }[];
  formsMade: { team: string; purpose: string; title: string; createdAt: string; archivedAt: string | null }[];
};

const observer = alias(ot.people, 'observer');
const observed = alias(ot.people, 'observed');
const recorder = alias(ot.people, 'recorder');
const planner = alias(ot.people, 'planner');

type Name = { firstName: string; infix: string | null; lastName: string };
/** A left-joined person comes back as null as a whole when there is none. */
const nameOf = (p: Name | null): string | null => (p ? displayName(p) : null);

/** For the person's own data export: every visit they observed or were observed in, and the forms they made. */
export async function exportVisits(db: Db, boardId: string, personId: string): Promise<VisitsExport> {
  const [rows, forms] = await Promise.all([
    db
      .select({
        visit: teamVisits,
        team: ot.teams.name,
        observer: { firstName: observer.firstName, infix: observer.infix, lastName: observer.lastName },
        observed: { firstName: observed.firstName, infix: observed.infix, lastName: observed.lastName },
        recorder: { firstName: recorder.firstName, infix: recorder.infix, lastName: recorder.lastName },
        planner: { firstName: planner.firstName, infix: planner.infix, lastName: planner.lastName },
        teamGoal: tt.teamGoals.title,
        developmentGoal: dt.developmentGoals.title,
      })
      .from(teamVisits)
      .innerJoin(ot.teams, eq(ot.teams.id, teamVisits.teamId))
      .innerJoin(observer, eq(observer.id, teamVisits.observerId))
      .innerJoin(observed, eq(observed.id, teamVisits.observedId))
      .leftJoin(recorder, eq(recorder.id, teamVisits.feedbackBy))
      .leftJoin(planner, eq(planner.id, teamVisits.createdBy))
      .leftJoin(tt.teamGoals, eq(tt.teamGoals.id, teamVisits.teamGoalId))
      .leftJoin(dt.developmentGoals, eq(dt.developmentGoals.id, teamVisits.developmentGoalId))
      .where(
        and(
          eq(teamVisits.boardId, boardId),
          or(eq(teamVisits.observerId, personId), eq(teamVisits.observedId, personId)),
        ),
      )
      .orderBy(asc(teamVisits.scheduledAt), asc(teamVisits.id)),
    db
      .select({
        team: ot.teams.name,
        purpose: teamForms.purpose,
        title: teamForms.title,
        createdAt: teamForms.createdAt,
        archivedAt: teamForms.archivedAt,
      })
      .from(teamForms)
      .innerJoin(ot.teams, eq(ot.teams.id, teamForms.teamId))
      .where(and(eq(teamForms.boardId, boardId), eq(teamForms.createdBy, personId)))
      .orderBy(asc(teamForms.createdAt), asc(teamForms.id)),
  ]);
  return {
    about:
      'Bij elk bezoek waarin je keek of werd bezocht: alles wat jullie twee op de bezoekpagina zien. Je team ziet alleen wie wie bezoekt, wanneer en hoe lang.',
    visits: rows.map(({ visit: v, ...r }) => {
      const role = v.observerId === personId ? 'observer' : 'observed';
      const observerName = displayName(r.observer);
      const observedName = displayName(r.observed);
      return {
        team: r.team,
        role,
        kind: v.kind,
        scheduledAt: v.scheduledAt.toISOString(),
        durationMinutes: v.durationMinutes,
        location: v.location,
        observer: observerName,
        observed: observedName,
        with: role === 'observer' ? observedName : observerName,
        status: v.status,
        plannedBy: nameOf(r.planner),
        learningQuestion: v.learningQuestion,
        teamGoal: r.teamGoal,
        developmentGoal: r.developmentGoal,
        form: { title: v.formTitle, answers: labelAnswers(v.formFields, v.answers) },
        observedAt: v.observedAt?.toISOString() ?? null,
        talk: {
          observation: v.feedbackObservation,
          effect: v.feedbackEffect,
          reaction: v.feedbackReaction,
          suggestions: v.feedbackSuggestions,
          recordedAt: v.feedbackAt?.toISOString() ?? null,
          recordedBy: nameOf(r.recorder),
        },
        sharedWithManagerAt: v.sharedAt?.toISOString() ?? null,
        firstReadByManagerAt: v.sharedReadAt?.toISOString() ?? null,
        rescheduledAt: v.rescheduledAt?.toISOString() ?? null,
        rescheduledReason: v.rescheduledReason,
        cancelledReason: v.cancelledReason,
      };
    }),
    formsMade: forms.map((f) => ({
      team: f.team,
      purpose: f.purpose,
      title: f.title,
      createdAt: f.createdAt.toISOString(),
      archivedAt: f.archivedAt?.toISOString() ?? null,
    })),
  };
}
