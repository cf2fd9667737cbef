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

  it('lists evidence files by name, kind and size in the JSON and the PDF, never their content', async () => {
    const { people } = staffOf('Onderbouw');
    const me = people[0]!;
    const session = await sessionFor(env.database, me.id);
    const pdfBytes = Buffer.from('%PDF-1.4\n% geheime inhoud van het bestand\n%%EOF\n');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3000, 7)]);
    const upload = (query: Record<string, string>, bytes: Buffer) =>
      env.app.inject({
        method: 'POST',
        url: `/api/development/evidence/file?${new URLSearchParams(query).toString()}`,
        headers: { ...session.headers, 'content-type': 'application/octet-stream' },
        payload: bytes,
      });
    const goal = await env.app.inject({
      method: 'POST',
      url: '/api/development/goals',
      headers: session.headers,
      payload: { title: 'Rekenlessen met meer uitdaging' },
    });
    expect(goal.statusCode, goal.body).toBe(201);
    expect(
      (await upload({ fileName: 'Lesplan rekenen.pdf', title: 'Lesplan', goalId: goal.json().id }, pdfBytes))
        .statusCode,
    ).toBe(201);
    expect((await upload({ fileName: 'bord.png', title: 'Foto van het bord' }, png)).statusCode).toBe(201);
    const link = await env.app.inject({
      method: 'POST',
      url: '/api/development/evidence',
      headers: session.headers,
      payload: { title: 'Lesvideo', url: 'https://example.org/video' },
    });
    expect(link.statusCode).toBe(201);

    // Evidence for a conversation says which conversation.
    const zuid = board.schools.find((x) => x.name === 'School Zuid')!;
    const [kind] = await env.database.db
      .select()
      .from(cycleTables.conversationKinds)
      .where(
        and(eq(cycleTables.conversationKinds.schoolId, zuid.id), eq(cycleTables.conversationKinds.key, 'voortgang')),
      );
    const { team } = staffOf('Onderbouw');
    const leadId = board.memberships.find((m) => m.teamId === team.id && m.role === 'teamleider')!.personId;
    const planned = await env.app.inject({
      method: 'POST',
      url: '/api/conversations',
      headers: (await sessionFor(env.database, leadId)).headers,
      payload: {
        employeeId: me.id,
        kindId: kind!.id,
        scheduledAt: '2030-03-12T14:30:00+01:00',
        durationMinutes: 45,
        location: '',
      },
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const forConversation = await env.app.inject({
      method: 'POST',
      url: `/api/conversations/${planned.json().id}/evidence/file?fileName=observatie.pdf&title=Observatie`,
      headers: { ...session.headers, 'content-type': 'application/pdf' },
      payload: pdfBytes,
    });
    expect(forConversation.statusCode, forConversation.body).toBe(201);

    const json = await env.app.inject({ method: 'GET', url: '/api/me/export.json', headers: session.headers });
    const plan = json.json<{ developmentPlan: { goals: { evidence: unknown[] }[]; evidence: unknown[] } }>()
      .developmentPlan;
    expect(plan.goals[0]!.evidence).toEqual([
      expect.objectContaining({
        file: { name: 'Lesplan rekenen.pdf', mediaType: 'application/pdf', size: pdfBytes.length },
      }),
    ]);
    expect(json.body).not.toContain('geheime inhoud');

    const pdf = await env.app.inject({ method: 'GET', url: '/api/me/export.pdf', headers: session.headers });
    expect(pdf.statusCode).toBe(200);
    const text = (await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Lesplan – bestand Lesplan rekenen.pdf (PDF, 1 kB)');
    expect(text).toContain('Foto van het bord – bestand bord.png (PNG-afbeelding, 3 kB)');
    expect(text).toContain('Lesvideo – https://example.org/video');
    expect(text).toContain(`Observatie – bestand observatie.pdf (PDF, 1 kB) – bij ${kind!.name} van 12 maart 2030`);
    expect(text).toContain('De 3 bestanden zelf staan in Groeipad');
    expect(text).not.toContain('geheime inhoud');
  });

  it('refuses anonymous callers', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/me/export.json' });
    expect(res.statusCode).toBe(401);
  });
});
