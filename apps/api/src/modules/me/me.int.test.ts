import { and, eq } from 'drizzle-orm';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, sessionFor, startTestApp, type TestBoard, type TestEnv } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { applyCycleDefaults, cycleTables } from '../cycle/index.ts';
import { developmentTables } from '../development/index.ts';

let env: TestEnv;
let board: TestBoard;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  for (const s of board.schools)
    await applyCycleDefaults(env.database.db, { boardId: board.boardId, schoolId: s.id, now: new Date() });
});
afterAll(() => env.close());

function staffOf(teamName: string) {
  const team = board.teams.find((t) => t.name === teamName)!;
  const ids = board.memberships.filter((m) => m.teamId === team.id && m.role === 'docent').map((m) => m.personId);
  return { team, people: board.people.filter((p) => ids.includes(p.id)) };
}

describe('home tasks and the personal export', () => {
  it('gives the employee a "prepare" task for a planned conversation, soonest first', async () => {
    const { people } = staffOf('Exact');
    const employee = people[0]!;
    const manager = board.byRole('teamleider', 'School Noord');
    const school = board.schools.find((s) => s.name === 'School Noord')!;
    const [kind] = await env.database.db
      .select()
      .from(cycleTables.conversationKinds)
      .where(
        and(eq(cycleTables.conversationKinds.schoolId, school.id), eq(cycleTables.conversationKinds.key, 'voortgang')),
      );
    const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000);
    const managerSession = await sessionFor(env.database, manager.id);
    const planned = await env.app.inject({
      method: 'POST',
      url: '/api/conversations',
      headers: managerSession.headers,
      payload: {
        employeeId: employee.id,
        kindId: kind!.id,
        scheduledAt: inTwoWeeks.toISOString(),
        durationMinutes: 45,
        location: 'Kamer 2',
        preparationDueOn: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    expect(planned.statusCode).toBe(201);

    const employeeSession = await sessionFor(env.database, employee.id);
    const tasks = await env.app.inject({ method: 'GET', url: '/api/me/tasks', headers: employeeSession.headers });
    expect(tasks.statusCode).toBe(200);
    const items = tasks.json<{ items: { kind: string; href: string; dueOn: string | null }[] }>().items;
    expect(items.some((t) => t.kind === 'prepare_conversation' && t.href.startsWith('/gesprekken/'))).toBe(true);
    // Soonest first.
    const dated = items.map((t) => t.dueOn).filter((d): d is string => d !== null);
    expect([...dated].sort()).toEqual(dated);
  });

  it('exports everything about me as JSON and PDF, nothing about others, and logs the export', async () => {
    const { people } = staffOf('Talen');
    const [me, other] = [people[0]!, people[1]!];
    const db = env.database.db;
    await db.insert(developmentTables.developmentGoals).values([
      { boardId: board.boardId, personId: me.id, title: 'Meer differentiëren in klas 3' },
      { boardId: board.boardId, personId: other.id, title: 'Geheim doel van een ander' },
    ]);
    const session = await sessionFor(env.database, me.id);
    const json = await env.app.inject({ method: 'GET', url: '/api/me/export.json', headers: session.headers });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/attachment; filename="groeipad-mijn-gegevens-/);
    const body = json.body;
    expect(body).toContain('Meer differentiëren in klas 3');
    expect(body).not.toContain('Geheim doel van een ander');
    const data = json.json<{ person: { email: string }; conversations: unknown[]; feedback: unknown[] }>();
    expect(data.person.email).toBe(me.email);

    const pdf = await env.app.inject({ method: 'GET', url: '/api/me/export.pdf', headers: session.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Mijn gegevens in Groeipad');
    expect(text).toContain('Meer differentiëren in klas 3');
    expect(text).not.toContain('Geheim doel');

    const logged = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectPersonId, me.id), eq(auditLog.action, 'personal_data.exported')));
    expect(logged).toHaveLength(2);
  });

  it('refuses anonymous callers', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/me/export.json' });
    expect(res.statusCode).toBe(401);
  });
});
