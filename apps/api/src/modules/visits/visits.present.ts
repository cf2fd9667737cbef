import type { SharedVisit, VisitDetail, VisitKind, VisitPerson, VisitStatus, VisitSummary } from '@groeipad/contracts';
import { AppError } from '../../platform/http/errors.ts';
import { schoolDay, weekStartOf } from '../../platform/time.ts';
import { displayName } from '../organisation/index.ts';
import type { SharedVisitRow, VisitRow, VisitSummaryRow } from './visits.repository.ts';
import { visitAbilities, type VisitRelation } from './visits.policy.ts';

// Rows of visits as the contracts show them: the summary for the team, the detail for the two of them.

const person = (id: string, firstName: string, infix: string | null, lastName: string): VisitPerson => ({
  id,
  displayName: displayName({ firstName, infix, lastName }),
});

export function presentSummary(row: VisitSummaryRow, actorId: string): VisitSummary {
  const day = schoolDay(row.scheduledAt);
  return {
    id: row.id,
    teamId: row.teamId,
    observer: person(row.observerId, row.observerFirstName, row.observerInfix, row.observerLastName),
    observed: person(row.observedId, row.observedFirstName, row.observedInfix, row.observedLastName),
    kind: row.kind as VisitKind,
    scheduledAt: row.scheduledAt.toISOString(),
    day,
    weekStart: weekStartOf(day),
    durationMinutes: row.durationMinutes,
    status: row.status as VisitStatus,
    rescheduled: row.rescheduledAt !== null,
    mine: row.observerId === actorId || row.observedId === actorId,
  };
}

/** A visit in a leidinggevende's list of what their people shared: who, when, what kind, read yet. */
export function presentShared(row: SharedVisitRow): SharedVisit {
  return {
    id: row.id,
    team: { id: row.teamId, name: row.teamName },
    observer: person(row.observerId, row.observerFirstName, row.observerInfix, row.observerLastName),
    observed: person(row.observedId, row.observedFirstName, row.observedInfix, row.observedLastName),
    kind: row.kind as VisitKind,
    scheduledAt: row.scheduledAt.toISOString(),
    day: schoolDay(row.scheduledAt),
    status: row.status as VisitStatus,
    sharedAt: (row.sharedAt ?? row.scheduledAt).toISOString(),
    readAt: row.sharedReadAt?.toISOString() ?? null,
  };
}

export function presentDetail(
  row: VisitRow,
  opts: { actorId: string; relation: Exclude<VisitRelation, 'none'>; today: string; evidenceId: string | null },
): VisitDetail {
  const summary = presentSummary(row, opts.actorId);
  return {
    ...summary,
    location: row.location,
    learningQuestion: row.learningQuestion,
    form: { id: row.formId, title: row.formTitle, fields: row.formFields },
    answers: row.answers,
    observedAt: row.observedAt?.toISOString() ?? null,
    feedback: {
      observation: row.feedbackObservation,
      effect: row.feedbackEffect,
      reaction: row.feedbackReaction,
      suggestions: row.feedbackSuggestions,
      recordedAt: row.feedbackAt?.toISOString() ?? null,
      recordedBy:
        row.feedbackById && row.feedbackByFirstName !== null && row.feedbackByLastName !== null
          ? person(row.feedbackById, row.feedbackByFirstName, row.feedbackByInfix, row.feedbackByLastName)
          : null,
    },
    teamGoal: row.teamGoalId && row.teamGoalTitle !== null ? { id: row.teamGoalId, title: row.teamGoalTitle } : null,
    developmentGoal:
      row.developmentGoalId && row.developmentGoalTitle !== null
        ? { id: row.developmentGoalId, title: row.developmentGoalTitle }
        : null,
    cancelledReason: row.cancelledReason,
    rescheduledAt: row.rescheduledAt?.toISOString() ?? null,
    // Why it moved is for the two of them; a leidinggevende reading along sees only that it moved.
    rescheduledReason: opts.relation === 'manager' ? null : row.rescheduledReason,
    sharedAt: row.sharedAt?.toISOString() ?? null,
    sharedReadAt: row.sharedReadAt?.toISOString() ?? null,
    evidenceId: opts.evidenceId,
    role: opts.relation,
    abilities: visitAbilities(opts.relation, {
      status: row.status,
      day: summary.day,
      today: opts.today,
      hasEvidence: opts.evidenceId !== null,
    }),
    version: row.version,
  };
}

/** Someone else changed the visit first: a 409 that carries the visit as it is now. */
export function staleVisit(current: VisitDetail): AppError {
  return new AppError('conflict', 'Iemand anders heeft dit bezoek net aangepast.', { reason: 'stale', current });
}
