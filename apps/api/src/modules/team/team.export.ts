import { and, asc, eq, exists, gte, isNotNull, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { schoolDay } from '../../platform/time.ts';
import { displayName, organisationTables as ot } from '../organisation/index.ts';
import {
  teamActions,
  teamBoardItems,
  teamGoals,
  teamGoalValues,
  teamSessionAttendance as attendance,
  teamSessions,
} from './team.schema.ts';

// The person's own part of the data export from the team board: the actions and goals they own or created, the
// measurements and board texts they entered, and whether they were at the board sessions of their teams.

export type TeamBoardExport = {
  about: string;
  actions: {
    team: string;
    title: string;
    goal: string | null;
    owner: string | null;
    ownedByYou: boolean;
    createdByYou: boolean;
    dueOn: string | null;
    status: string;
    nextStep: string;
    helpWanted: boolean;
    doneAt: string | null;
    celebratedAt: string | null;
    archivedAt: string | null;
    createdAt: string;
  }[];
  goals: {
    team: string;
    title: string;
    description: string;
    unit: string;
    startValue: number | null;
    targetValue: number;
    targetDate: string | null;
    status: string;
    ownedByYou: boolean;
    createdByYou: boolean;
  }[];
  measurements: { team: string; goal: string; measuredOn: string; value: number; note: string }[];
  /** Board texts you wrote: kind success | parking | norm | note. */
  items: { team: string; kind: string; text: string; createdAt: string; archivedAt: string | null }[];
  sessions: { team: string; heldOn: string; present: boolean; startedByYou: boolean }[];
};

const owner = alias(ot.people, 'action_owner');

/** For the person's own data export: what the team boards hold about them. Never their mood: it is not stored. */
export async function exportTeamBoard(db: Db, boardId: string, personId: string): Promise<TeamBoardExport> {
  // A session of one of the person's teams since they joined it counts: without them on the list they were absent.
  const joined = await db
    .select({ teamId: ot.memberships.teamId, createdAt: ot.memberships.createdAt })
    .from(ot.memberships)
    .where(
      and(
        eq(ot.memberships.boardId, boardId),
        eq(ot.memberships.personId, personId),
        isNotNull(ot.memberships.teamId),
        ne(ot.memberships.role, 'student'),
      ),
    );
  const since = new Map<string, string>();
  for (const m of joined) {
    const day = schoolDay(m.createdAt);
    const known = since.get(m.teamId!);
    if (!known || day < known) since.set(m.teamId!, day);
  }
  const wasThere = exists(
    db
      .select({ one: attendance.personId })
      .from(attendance)
      .where(and(eq(attendance.sessionId, teamSessions.id), eq(attendance.personId, personId))),
  );

  const [actions, goals, measurements, items, sessions] = await Promise.all([
    db
      .select({
        team: ot.teams.name,
        action: teamActions,
        goal: teamGoals.title,
        ownerFirstName: owner.firstName,
        ownerInfix: owner.infix,
        ownerLastName: owner.lastName,
      })
      .from(teamActions)
      .innerJoin(ot.teams, eq(ot.teams.id, teamActions.teamId))
      .leftJoin(teamGoals, eq(teamGoals.id, teamActions.goalId))
      .leftJoin(owner, eq(owner.id, teamActions.ownerId))
      .where(
        and(
          eq(teamActions.boardId, boardId),
          or(eq(teamActions.ownerId, personId), eq(teamActions.createdBy, personId)),
        ),
      )
      .orderBy(asc(teamActions.createdAt), asc(teamActions.id)),
    db
      .select({ team: ot.teams.name, goal: teamGoals })
      .from(teamGoals)
      .innerJoin(ot.teams, eq(ot.teams.id, teamGoals.teamId))
      .where(
        and(eq(teamGoals.boardId, boardId), or(eq(teamGoals.ownerId, personId), eq(teamGoals.createdBy, personId))),
      )
      .orderBy(asc(teamGoals.createdAt), asc(teamGoals.id)),
    db
      .select({
        team: ot.teams.name,
        goal: teamGoals.title,
        measuredOn: teamGoalValues.measuredOn,
        value: teamGoalValues.value,
        note: teamGoalValues.note,
      })
      .from(teamGoalValues)
      .innerJoin(teamGoals, eq(teamGoals.id, teamGoalValues.goalId))
      .innerJoin(ot.teams, eq(ot.teams.id, teamGoals.teamId))
      .where(and(eq(teamGoalValues.boardId, boardId), eq(teamGoalValues.createdBy, personId)))
      .orderBy(asc(teamGoalValues.measuredOn), asc(teamGoalValues.id)),
    db
      .select({
        team: ot.teams.name,
        kind: teamBoardItems.kind,
        text: teamBoardItems.body,
        createdAt: teamBoardItems.createdAt,
        archivedAt: teamBoardItems.archivedAt,
      })
      .from(teamBoardItems)
      .innerJoin(ot.teams, eq(ot.teams.id, teamBoardItems.teamId))
      .where(and(eq(teamBoardItems.boardId, boardId), eq(teamBoardItems.createdBy, personId)))
      .orderBy(asc(teamBoardItems.createdAt), asc(teamBoardItems.id)),
    db
      .select({
        team: ot.teams.name,
        heldOn: teamSessions.heldOn,
        present: wasThere,
        createdBy: teamSessions.createdBy,
      })
      .from(teamSessions)
      .innerJoin(ot.teams, eq(ot.teams.id, teamSessions.teamId))
      .where(
        and(
          eq(teamSessions.boardId, boardId),
          or(
            ...[...since].map(([teamId, day]) => and(eq(teamSessions.teamId, teamId), gte(teamSessions.heldOn, day))),
            wasThere,
            eq(teamSessions.createdBy, personId),
          ),
        ),
      )
      .orderBy(asc(teamSessions.heldOn), asc(teamSessions.startedAt), asc(teamSessions.id)),
  ]);

  return {
    about:
      'Bij de bordsessies bewaart Groeipad wie aanwezig is gemeld; "afwezig" betekent: een sessie van je team sinds je erbij kwam, zonder jou op de lijst. De stemming bij de start van een sessie bewaart alleen aantallen per gezichtje, nooit wie wat koos: die staat dus niet in deze export.',
    actions: actions.map(({ action: a, ...r }) => ({
      team: r.team,
      title: a.title,
      goal: r.goal,
      owner:
        r.ownerFirstName !== null && r.ownerLastName !== null
          ? displayName({ firstName: r.ownerFirstName, infix: r.ownerInfix, lastName: r.ownerLastName })
          : null,
      ownedByYou: a.ownerId === personId,
      createdByYou: a.createdBy === personId,
      dueOn: a.dueOn,
      status: a.status,
      nextStep: a.nextStep,
      helpWanted: a.helpWanted,
      doneAt: a.doneAt?.toISOString() ?? null,
      celebratedAt: a.celebratedAt?.toISOString() ?? null,
      archivedAt: a.archivedAt?.toISOString() ?? null,
      createdAt: a.createdAt.toISOString(),
    })),
    goals: goals.map(({ goal: g, team }) => ({
      team,
      title: g.title,
      description: g.description,
      unit: g.unit,
      startValue: g.startValue,
      targetValue: g.targetValue,
      targetDate: g.targetDate,
      status: g.status,
      ownedByYou: g.ownerId === personId,
      createdByYou: g.createdBy === personId,
    })),
    measurements,
    items: items.map((i) => ({
      team: i.team,
      kind: i.kind,
      text: i.text,
      createdAt: i.createdAt.toISOString(),
      archivedAt: i.archivedAt?.toISOString() ?? null,
    })),
    sessions: sessions.map((s) => ({
      team: s.team,
      heldOn: s.heldOn,
      present: Boolean(s.present),
      startedByYou: s.createdBy === personId,
    })),
  };
}
