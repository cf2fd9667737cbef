import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { audit } from '../../platform/audit/audit.ts';

/** What one run deleted, per kind. */
export type RetentionResult = {
  conversations: number;
  feedbackRounds: number;
  developmentPlans: number;
  barometerParticipation: number;
  /** Visits in which a leaver was the observed person, emptied of their content. */
  visits: number;
};

const DEFAULT_MONTHS = 24;

/**
 * Deletes the conversation reports, 360° feedback and development plans of people who left, once the
 * retention period of the school has passed since they left (school setting, default 24 months), and empties
 * the visits in which they were observed. The person record and the audit log stay: the first is needed to
 * show who held a conversation, the second is the account of what happened. Runs daily for every board.
 */
export async function applyRetention(db: Db, now: Date): Promise<RetentionResult> {
  return db.transaction(async (tx) => {
    // A conversation or feedback round follows the retention of the school it belongs to.
    const conversations = await tx.execute<{ board_id: string; employee_id: string }>(sql`
      delete from conversations c
       using people p
       where p.id = c.employee_id and p.active = false and p.left_at is not null
         and p.left_at < ${now}::timestamptz - make_interval(months => coalesce(
           (select s.retention_months from school_settings s where s.school_id = c.school_id), ${DEFAULT_MONTHS}))
      returning c.board_id, c.employee_id`);
    const rounds = await tx.execute<{ board_id: string; subject_id: string }>(sql`
      delete from feedback_rounds r
       using people p
       where p.id = r.subject_id and p.active = false and p.left_at is not null
         and p.left_at < ${now}::timestamptz - make_interval(months => coalesce(
           (select s.retention_months from school_settings s where s.school_id = r.school_id), ${DEFAULT_MONTHS}))
      returning r.board_id, r.subject_id`);
    // Whether someone was asked for a team's barometer and answered follows the retention of the round's school.
    // The answers themselves carry no person: they stay in the team's aggregates.
    const participation = await tx.execute<{ board_id: string; person_id: string }>(sql`
      delete from barometer_participation bp
       using people p, barometer_rounds r
       where p.id = bp.person_id and r.id = bp.round_id and p.active = false and p.left_at is not null
         and p.left_at < ${now}::timestamptz - make_interval(months => coalesce(
           (select s.retention_months from school_settings s where s.school_id = r.school_id), ${DEFAULT_MONTHS}))
      returning bp.board_id, bp.person_id`);
    // A visit is the observed person's file: their learning question, the form's answers, the talk, whether they
    // shared it and the reasons given. The bare visit stays (who, when, how long, its status) so the team's counts
    // of visits held stay true. It follows the retention of the school of the visit's team. A visit already
    // emptied is left alone, so a run counts only what it removed.
    const visits = await tx.execute<{ board_id: string; observed_id: string }>(sql`
      update team_visits v
         set learning_question = '', answers = '{}'::jsonb,
             feedback_observation = '', feedback_effect = '', feedback_reaction = '', feedback_suggestions = '',
             shared_at = null, shared_read_at = null, rescheduled_reason = null, cancelled_reason = null,
             development_goal_id = null, version = v.version + 1, updated_at = ${now}::timestamptz
        from people p, teams t
       where p.id = v.observed_id and t.id = v.team_id and p.active = false and p.left_at is not null
         and p.left_at < ${now}::timestamptz - make_interval(months => coalesce(
           (select s.retention_months from school_settings s where s.school_id = t.school_id), ${DEFAULT_MONTHS}))
         and (v.learning_question <> '' or v.answers <> '{}'::jsonb
           or v.feedback_observation <> '' or v.feedback_effect <> '' or v.feedback_reaction <> ''
           or v.feedback_suggestions <> '' or v.shared_at is not null or v.shared_read_at is not null
           or v.rescheduled_reason is not null or v.cancelled_reason is not null or v.development_goal_id is not null)
      returning v.board_id, v.observed_id`);
    // The development plan is the person's own, across schools: the longest retention of their schools holds.
    const leavers = await tx.execute<{ id: string; board_id: string }>(sql`
      select p.id, p.board_id from people p
       where p.active = false and p.left_at is not null
         and p.left_at < ${now}::timestamptz - make_interval(months => coalesce(
           (select max(s.retention_months) from memberships m join school_settings s on s.school_id = m.school_id
             where m.person_id = p.id), ${DEFAULT_MONTHS}))
         and (exists (select 1 from development_goals g where g.person_id = p.id)
           or exists (select 1 from development_actions a where a.person_id = p.id)
           or exists (select 1 from development_evidence e where e.person_id = p.id)
           or exists (select 1 from development_files f where f.person_id = p.id)
           or exists (select 1 from development_plans d where d.person_id = p.id))`);
    const leaverRows = rowsOf<{ id: string; board_id: string }>(leavers);
    const conversationRows = rowsOf<{ board_id: string; employee_id: string }>(conversations);
    const roundRows = rowsOf<{ board_id: string; subject_id: string }>(rounds);
    const participationRows = rowsOf<{ board_id: string; person_id: string }>(participation);
    const visitRows = rowsOf<{ board_id: string; observed_id: string }>(visits);
    const ids = leaverRows.map((r) => r.id);
    if (ids.length > 0) {
      const list = sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      );
      await tx.execute(sql`delete from development_evidence where person_id in (${list})`);
      // Evidence takes its own file along (trigger); this also catches a file whose evidence never came.
      await tx.execute(sql`delete from development_files where person_id in (${list})`);
      await tx.execute(sql`delete from development_actions where person_id in (${list})`);
      await tx.execute(sql`delete from development_goals where person_id in (${list})`);
      await tx.execute(sql`delete from development_plans where person_id in (${list})`);
      await tx.execute(sql`delete from hr_access_grants where employee_id in (${list})`);
    }
    const byPerson = new Map<
      string,
      { boardId: string; conversations: number; rounds: number; plan: boolean; barometer: number; visits: number }
    >();
    const entry = (boardId: string, personId: string) => {
      let e = byPerson.get(personId);
      if (!e)
        byPerson.set(personId, (e = { boardId, conversations: 0, rounds: 0, plan: false, barometer: 0, visits: 0 }));
      return e;
    };
    for (const r of conversationRows) entry(r.board_id, r.employee_id).conversations += 1;
    for (const r of roundRows) entry(r.board_id, r.subject_id).rounds += 1;
    for (const r of leaverRows) entry(r.board_id, r.id).plan = true;
    for (const r of participationRows) entry(r.board_id, r.person_id).barometer += 1;
    for (const r of visitRows) entry(r.board_id, r.observed_id).visits += 1;
    for (const [personId, e] of byPerson)
      await audit(tx, {
        boardId: e.boardId,
        actorId: null,
        action: 'retention.deleted',
        subjectPersonId: personId,
        details: {
          conversations: e.conversations,
          feedbackRounds: e.rounds,
          developmentPlan: e.plan,
          barometerRounds: e.barometer,
          visits: e.visits,
        },
      });
    return {
      conversations: conversationRows.length,
      feedbackRounds: roundRows.length,
      developmentPlans: ids.length,
      barometerParticipation: participationRows.length,
      visits: visitRows.length,
    };
  });
}

/** node-postgres returns { rows }, PGlite's Drizzle driver too; normalise once. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}
