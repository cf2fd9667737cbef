// Shared set-up of the barometer's integration tests: a board, a team with as many members as a test needs,
// sessions, and short ways to call the API.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Role } from '@groeipad/contracts';
import { createPerson, sessionFor, type Session, type TestBoard, type TestEnv } from '../../../test/harness.ts';
import { organisationTables as org } from '../organisation/index.ts';
import { STANDARD_QUESTIONS } from './barometer.questions.ts';

export function api(env: TestEnv) {
  const get = (url: string, s?: Session) =>
    env.app.inject({ method: 'GET', url, ...(s ? { headers: s.headers } : {}) });
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, s: Session | null, payload?: unknown) =>
    env.app.inject({
      method,
      url,
      ...(s ? { headers: s.headers } : {}),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return { get, send };
}

/** Everyone answers every standard scale question with the value; texts as given. */
export function answerWith(value: number | 'dk', texts: Record<string, string> = {}, extra: string[] = []) {
  const scores: Record<string, number | 'dk'> = {};
  for (const q of STANDARD_QUESTIONS) if (q.kind === 'scale') scores[q.id] = value;
  for (const id of extra) scores[id] = value;
  return { scores, texts };
}

export type Member = { id: string; email: string; session: Session };

/** A new team in a school of the board with `size` members in the role (and sessions for each). */
export async function teamWithMembers(
  env: TestEnv,
  board: TestBoard,
  size: number,
  role: Role = 'docent',
  schoolName = 'School Noord',
) {
  const school = board.schools.find((s) => s.name === schoolName)!;
  const [team] = await env.database.db
    .insert(org.teams)
    .values({ boardId: board.boardId, schoolId: school.id, name: `Team ${randomBytes(3).toString('hex')}` })
    .returning();
  const members: Member[] = [];
  for (let i = 0; i < size; i++) {
    const person = await createPerson(env.database, board, {
      roles: [{ role, schoolId: school.id, teamId: team!.id }],
    });
    members.push({ id: person.id, email: person.email, session: await sessionFor(env.database, person.id) });
  }
  return { team: team!, school, members };
}

/** Opens a round for the team as its first member; returns the round id. */
export async function openRound(env: TestEnv, teamId: string, member: Member, closesInDays = 7): Promise<string> {
  const res = await api(env).send('POST', `/api/teams/${teamId}/barometer/rounds`, member.session, { closesInDays });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

export async function answer(env: TestEnv, roundId: string, member: Member, body: unknown, status = 201) {
  const res = await api(env).send('POST', `/api/barometer/rounds/${roundId}/answers`, member.session, body);
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

export async function close(env: TestEnv, roundId: string, member: Member) {
  const res = await api(env).send('POST', `/api/barometer/rounds/${roundId}/close`, member.session);
  expect(res.statusCode, res.body).toBe(200);
}
