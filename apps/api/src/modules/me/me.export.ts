import type { Ctx } from '../../platform/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { exportConversations } from '../conversations/index.ts';
import { exportDevelopment } from '../development/index.ts';
import { exportFeedback } from '../feedback/index.ts';
import { exportBarometer } from '../barometer/index.ts';
import { getMe } from '../organisation/index.ts';
import { exportPreparations } from '../preparations/index.ts';
import { exportProgramme } from '../programme/index.ts';
import { exportTeamBoard } from '../team/index.ts';
import { exportVisits } from '../visits/index.ts';
import { findAuditEntries, findPhoneOf } from './me.repository.ts';

/** Everything Groeipad holds about the signed-in person, in one document (AVG: right of access and portability). */
export async function buildPersonalExport(ctx: Ctx) {
  const { db, actor } = ctx;
  const [
    me,
    phone,
    conversations,
    development,
    feedback,
    barometer,
    visits,
    preparations,
    teamBoard,
    programme,
    auditEntries,
  ] = await Promise.all([
    getMe(db, actor),
    findPhoneOf(db, actor.boardId, actor.personId),
    exportConversations(db, actor.boardId, actor.personId),
    exportDevelopment(db, actor.boardId, actor.personId),
    exportFeedback(db, actor.boardId, actor.personId),
    exportBarometer(db, actor.boardId, actor.personId),
    exportVisits(db, actor.boardId, actor.personId),
    exportPreparations(db, actor.boardId, actor.personId),
    exportTeamBoard(db, actor.boardId, actor.personId),
    exportProgramme(db, actor.boardId, actor.personId),
    findAuditEntries(db, { boardId: actor.boardId, subjectPersonId: actor.personId }, 1, 10_000),
  ]);
  await audit(db, {
    boardId: actor.boardId,
    actorId: actor.personId,
    action: 'personal_data.exported',
    subjectPersonId: actor.personId,
  });
  return {
    exportedAt: ctx.now.toISOString(),
    person: {
      name: me.displayName,
      email: me.email,
      phone,
      jobTitle: me.jobTitle,
      board: me.board.name,
      memberships: me.memberships,
      managers: me.managers,
      reports: me.reports,
    },
    conversations,
    developmentPlan: development,
    feedback: feedback.rounds,
    barometer,
    visits,
    preparations,
    teamBoard,
    programme,
    auditLog: auditEntries.items,
  };
}

export type PersonalExport = Awaited<ReturnType<typeof buildPersonalExport>>;
