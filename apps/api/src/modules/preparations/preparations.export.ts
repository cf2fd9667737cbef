import { and, asc, eq, exists, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organisationTables as ot } from '../organisation/index.ts';
import { teamTables as tt } from '../team/index.ts';
import { labelAnswers, type LabelledAnswer } from '../visits/index.ts';
import { findParticipants } from './preparations.repository.ts';
import {
  teamLibraryItems as items,
  teamLibraryVersions as versions,
  teamPreparationMembers as members,
  teamPreparations as preps,
} from './preparations.schema.ts';

// The person's own part of the data export: the joint preparations they took part in or planned, and the library
// versions they added. The library itself belongs to the team; only who added what is about the person.

export type PreparationsExport = {
  preparations: {
    team: string;
    title: string;
    kind: string;
    plannedAt: string;
    durationMinutes: number;
    participants: string[];
    /** Whether you are (still) one of the participants; false when you planned it for others. */
    participant: boolean;
    status: string;
    teamGoal: string | null;
    form: { title: string; answers: LabelledAnswer[] };
    result: string;
    doneAt: string | null;
  }[];
  libraryVersions: {
    team: string;
    product: string;
    productKind: string;
    number: number;
    note: string;
    text: string;
    /** The file by name, kind and size: the bytes stay in Groeipad. */
    file: { name: string; mediaType: string | null; size: number | null } | null;
    createdAt: string;
  }[];
};

/** For the person's own data export: their joint preparations and the library versions they added. */
export async function exportPreparations(db: Db, boardId: string, personId: string): Promise<PreparationsExport> {
  const isMember = (id: typeof preps.id) =>
    exists(
      db
        .select({ one: members.personId })
        .from(members)
        .where(and(eq(members.preparationId, id), eq(members.personId, personId))),
    );
  const [rows, added] = await Promise.all([
    db
      .select({ prep: preps, team: ot.teams.name, teamGoal: tt.teamGoals.title, participant: isMember(preps.id) })
      .from(preps)
      .innerJoin(ot.teams, eq(ot.teams.id, preps.teamId))
      .leftJoin(tt.teamGoals, eq(tt.teamGoals.id, preps.teamGoalId))
      .where(and(eq(preps.boardId, boardId), or(isMember(preps.id), eq(preps.createdBy, personId))))
      .orderBy(asc(preps.plannedAt), asc(preps.id)),
    db
      .select({
        team: ot.teams.name,
        product: items.title,
        productKind: items.kind,
        number: versions.number,
        note: versions.note,
        text: versions.body,
        fileName: versions.fileName,
        mediaType: versions.mediaType,
        size: versions.size,
        createdAt: versions.createdAt,
      })
      .from(versions)
      .innerJoin(items, eq(items.id, versions.itemId))
      .innerJoin(ot.teams, eq(ot.teams.id, items.teamId))
      .where(and(eq(versions.boardId, boardId), eq(versions.createdBy, personId)))
      .orderBy(asc(versions.createdAt), asc(versions.number)),
  ]);
  const participants = await findParticipants(
    db,
    boardId,
    rows.map((r) => r.prep.id),
  );
  return {
    preparations: rows.map(({ prep: p, ...r }) => ({
      team: r.team,
      title: p.title,
      kind: p.kind,
      plannedAt: p.plannedAt.toISOString(),
      durationMinutes: p.durationMinutes,
      participants: (participants.get(p.id) ?? []).map((x) => x.displayName),
      participant: Boolean(r.participant),
      status: p.status,
      teamGoal: r.teamGoal,
      form: { title: p.formTitle, answers: labelAnswers(p.formFields, p.answers) },
      result: p.result,
      doneAt: p.doneAt?.toISOString() ?? null,
    })),
    libraryVersions: added.map((v) => ({
      team: v.team,
      product: v.product,
      productKind: v.productKind,
      number: v.number,
      note: v.note,
      text: v.text,
      file: v.fileName ? { name: v.fileName, mediaType: v.mediaType, size: v.size } : null,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}
