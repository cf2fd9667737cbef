import { and, asc, eq, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organisationTables as ot } from '../organisation/index.ts';
import {
  teamProgrammes,
  teamProgrammeWeeks,
  teamProgressScores,
  yearPlanEvents,
  yearPlanRegistrations,
} from './programme.schema.ts';

// The person's own part of the data export from the programme and year plan: their pizzasessie registrations, the
// programme weeks they noted, the progress-meter scores they entered, and what they started, stopped or planned.

export type ProgrammeExport = {
  about: string;
  registrations: { title: string; kind: string; startsAt: string; location: string; registeredAt: string }[];
  /** Programmes you started or stopped, with the reason you gave for stopping. */
  programmes: {
    team: string;
    startsOn: string;
    status: string;
    startedByYou: boolean;
    stoppedByYou: boolean;
    stoppedAt: string | null;
    stoppedReason: string | null;
  }[];
  /** Programme weeks whose last change was yours: only the last change is kept. */
  weeks: {
    team: string;
    programmeStartsOn: string;
    week: number;
    sessionHeldOn: string | null;
    note: string;
    changedAt: string;
  }[];
  progressScores: {
    team: string;
    intervention: string;
    phase: string;
    scoredOn: string;
    scores: Record<string, number>;
    note: string;
  }[];
  /** Dates you put in a school's year plan or organised for the board. */
  eventsPlanned: { title: string; kind: string; startsAt: string; location: string }[];
};

/** For the person's own data export: what the programme and the year plan hold about them. */
export async function exportProgramme(db: Db, boardId: string, personId: string): Promise<ProgrammeExport> {
  const [registrations, programmes, weeks, scores, events] = await Promise.all([
    db
      .select({
        title: yearPlanEvents.title,
        kind: yearPlanEvents.kind,
        startsAt: yearPlanEvents.startsAt,
        location: yearPlanEvents.location,
        registeredAt: yearPlanRegistrations.createdAt,
      })
      .from(yearPlanRegistrations)
      .innerJoin(yearPlanEvents, eq(yearPlanEvents.id, yearPlanRegistrations.eventId))
      .where(and(eq(yearPlanRegistrations.boardId, boardId), eq(yearPlanRegistrations.personId, personId)))
      .orderBy(asc(yearPlanEvents.startsAt), asc(yearPlanEvents.id)),
    db
      .select({ team: ot.teams.name, programme: teamProgrammes })
      .from(teamProgrammes)
      .innerJoin(ot.teams, eq(ot.teams.id, teamProgrammes.teamId))
      .where(
        and(
          eq(teamProgrammes.boardId, boardId),
          or(eq(teamProgrammes.createdBy, personId), eq(teamProgrammes.stoppedBy, personId)),
        ),
      )
      .orderBy(asc(teamProgrammes.startsOn), asc(teamProgrammes.id)),
    db
      .select({
        team: ot.teams.name,
        programmeStartsOn: teamProgrammes.startsOn,
        week: teamProgrammeWeeks.week,
        sessionHeldOn: teamProgrammeWeeks.sessionHeldOn,
        note: teamProgrammeWeeks.note,
        changedAt: teamProgrammeWeeks.updatedAt,
      })
      .from(teamProgrammeWeeks)
      .innerJoin(teamProgrammes, eq(teamProgrammes.id, teamProgrammeWeeks.programmeId))
      .innerJoin(ot.teams, eq(ot.teams.id, teamProgrammes.teamId))
      .where(and(eq(teamProgrammeWeeks.boardId, boardId), eq(teamProgrammeWeeks.updatedBy, personId)))
      .orderBy(asc(teamProgrammes.startsOn), asc(teamProgrammeWeeks.week)),
    db
      .select({
        team: ot.teams.name,
        intervention: teamProgressScores.intervention,
        phase: teamProgressScores.phase,
        scoredOn: teamProgressScores.scoredOn,
        scores: teamProgressScores.scores,
        note: teamProgressScores.note,
      })
      .from(teamProgressScores)
      .innerJoin(ot.teams, eq(ot.teams.id, teamProgressScores.teamId))
      .where(and(eq(teamProgressScores.boardId, boardId), eq(teamProgressScores.createdBy, personId)))
      .orderBy(asc(teamProgressScores.scoredOn), asc(teamProgressScores.createdAt)),
    db
      .select({
        title: yearPlanEvents.title,
        kind: yearPlanEvents.kind,
        startsAt: yearPlanEvents.startsAt,
        location: yearPlanEvents.location,
      })
      .from(yearPlanEvents)
      .where(and(eq(yearPlanEvents.boardId, boardId), eq(yearPlanEvents.createdBy, personId)))
      .orderBy(asc(yearPlanEvents.startsAt), asc(yearPlanEvents.id)),
  ]);
  return {
    about:
      'Van een programmaweek bewaart Groeipad alleen wie hem het laatst aanpaste. De scores van de voortgangsmeter zijn van het team; hier staan de keren dat jij ze invoerde.',
    registrations: registrations.map((r) => ({
      title: r.title,
      kind: r.kind,
      startsAt: r.startsAt.toISOString(),
      location: r.location,
      registeredAt: r.registeredAt.toISOString(),
    })),
    programmes: programmes.map(({ programme: p, team }) => ({
      team,
      startsOn: p.startsOn,
      status: p.status,
      startedByYou: p.createdBy === personId,
      stoppedByYou: p.stoppedBy === personId,
      stoppedAt: p.stoppedAt?.toISOString() ?? null,
      stoppedReason: p.stoppedReason,
    })),
    weeks: weeks.map((w) => ({ ...w, changedAt: w.changedAt.toISOString() })),
    progressScores: scores,
    eventsPlanned: events.map((e) => ({
      title: e.title,
      kind: e.kind,
      startsAt: e.startsAt.toISOString(),
      location: e.location,
    })),
  };
}
