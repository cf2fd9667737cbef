import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  createBoard,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { applyCycleDefaults, cycleTables } from '../cycle/index.ts';
import { developmentTables } from '../development/index.ts';

// Evidence with a file in a conversation's preparation: the employee uploads it, the manager downloads it once
// the preparation is shared (audited), nobody else ever; deleting the evidence deletes the file.

const { developmentFiles, developmentEvidence } = developmentTables;

let env: TestEnv;
let board: TestBoard;
let employeeId: string;
let managerId: string;
let kindId: string;
const s = {} as Record<'employee' | 'manager' | 'otherManager' | 'colleague', Session>;

function teamOf(name: string) {
  const team = board.teams.find((x) => x.name === name)!;
  const members = board.memberships.filter((m) => m.teamId === team.id);
  const lead = members.find((m) => m.role === 'teamleider')!.personId;
  const staff = [...new Set(members.filter((m) => m.role === 'docent').map((m) => m.personId))];
  return { lead, staff };
}

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  const noord = board.schools.find((x) => x.name === 'School Noord')!;
  await applyCycleDefaults(env.database.db, { boardId: board.boardId, schoolId: noord.id, now: new Date() });
  const [kind] = await env.database.db
    .select()
    .from(cycleTables.conversationKinds)
    .where(
      and(eq(cycleTables.conversationKinds.schoolId, noord.id), eq(cycleTables.conversationKinds.key, 'voortgang')),
    );
  kindId = kind!.id;
  const exact = teamOf('Exact');
  employeeId = exact.staff[0]!;
  managerId = exact.lead;
  s.employee = await sessionFor(env.database, employeeId);
  s.manager = await sessionFor(env.database, managerId);
  s.colleague = await sessionFor(env.database, exact.staff[1]!);
  s.otherManager = await sessionFor(env.database, teamOf('Talen').lead);
});
afterAll(() => env.close());

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

const get = (url: string, who: Session) => env.app.inject({ method: 'GET', url, headers: who.headers });
const send = (method: 'POST' | 'DELETE', url: string, who: Session, payload?: object) =>
  env.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

function upload(who: Session, id: string, query: Record<string, string>, bytes: Buffer) {
  return env.app.inject({
    method: 'POST',
    url: `/api/conversations/${id}/evidence/file?${new URLSearchParams(query).toString()}`,
    headers: { ...who.headers, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
}

async function planConversation(): Promise<{ id: string; version: number }> {
  const res = await send('POST', '/api/conversations', s.manager, {
    employeeId,
    kindId,
    scheduledAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    durationMinutes: 45,
    location: 'Lokaal 12',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const filesOf = (personId: string) =>
  env.database.db
    .select({ id: developmentFiles.id })
    .from(developmentFiles)
    .where(eq(developmentFiles.personId, personId));

const fileReads = (conversationId: string) =>
  env.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'conversation.evidence_file_read'), eq(auditLog.targetId, conversationId)));

describe('evidence with a file in a conversation', () => {
  it('lets the employee upload a file and download the same bytes, without an audit entry of their own', async () => {
    const c = await planConversation();
    const res = await upload(s.employee, c.id, { fileName: 'Lesplan week 3.pdf', title: 'Lesplan' }, PDF);
    expect(res.statusCode, res.body).toBe(201);
    const [evidence] = res.json().evidence;
    expect(evidence).toMatchObject({
      title: 'Lesplan',
      description: '',
      url: null,
      file: { name: 'Lesplan week 3.pdf', mediaType: 'application/pdf', size: PDF.length },
    });
    const [row] = await env.database.db
      .select()
      .from(developmentEvidence)
      .where(eq(developmentEvidence.id, evidence.id));
    expect(row).toMatchObject({ personId: employeeId, conversationId: c.id, createdBy: employeeId });

    const download = await get(`/api/conversations/${c.id}/evidence/${evidence.id}/file`, s.employee);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('attachment;');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(await fileReads(c.id)).toHaveLength(0);

    const link = await send('POST', `/api/conversations/${c.id}/evidence`, s.employee, {
      title: 'Observatie',
      url: 'https://example.org/les',
    });
    expect(link.statusCode).toBe(201);
    const linked = link.json().evidence.find((e: { title: string }) => e.title === 'Observatie');
    expect(linked.file).toBeNull();
    const noFile = await get(`/api/conversations/${c.id}/evidence/${linked.id}/file`, s.employee);
    expect(noFile.statusCode).toBe(404);
  });

  it('shows the manager the evidence and its file only after the preparation is shared, and audits the download', async () => {
    const c = await planConversation();
    const added = await upload(s.employee, c.id, { fileName: 'certificaat.pdf', title: 'Certificaat' }, PDF);
    const evidenceId = added.json().evidence[0].id as string;
    const url = `/api/conversations/${c.id}/evidence/${evidenceId}/file`;

    expect((await get(`/api/conversations/${c.id}`, s.manager)).json().evidence).toEqual([]);
    expect((await get(url, s.manager)).statusCode).toBe(404);

    const shared = await send('POST', `/api/conversations/${c.id}/preparation/share`, s.employee, {
      version: added.json().version,
    });
    expect(shared.statusCode, shared.body).toBe(200);
    const seen = (await get(`/api/conversations/${c.id}`, s.manager)).json().evidence;
    expect(seen[0].file).toEqual({ name: 'certificaat.pdf', mediaType: 'application/pdf', size: PDF.length });

    const download = await get(url, s.manager);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const [entry] = await fileReads(c.id);
    expect(entry).toMatchObject({
      actorId: managerId,
      subjectPersonId: employeeId,
      targetType: 'conversation',
      targetId: c.id,
      details: { evidenceId, title: 'Certificaat', name: 'certificaat.pdf' },
    });

    // Someone outside the conversation: the manager of another team, a colleague.
    for (const who of [s.otherManager, s.colleague]) {
      expect((await get(url, who)).statusCode).toBe(404);
      expect((await upload(who, c.id, { fileName: 'a.pdf', title: 'x' }, PDF)).statusCode).toBe(404);
    }
    expect(await fileReads(c.id)).toHaveLength(1);
    // The manager reads but does not add: 403.
    const fromManager = await upload(s.manager, c.id, { fileName: 'a.pdf', title: 'x' }, PDF);
    expect(fromManager.statusCode).toBe(403);
  });

  it('refuses a file over 10 MB with 413 and another kind with 400 on the file, storing nothing', async () => {
    const c = await planConversation();
    const before = (await filesOf(employeeId)).length;
    const big = await upload(
      s.employee,
      c.id,
      { fileName: 'groot.pdf', title: 'Groot' },
      Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('10 MB') });

    const html = await upload(
      s.employee,
      c.id,
      { fileName: 'pagina.html', title: 'Pagina' },
      Buffer.from('<html><script>alert(1)</script></html>'),
    );
    expect(html.statusCode).toBe(400);
    expect(html.json().error.details[0].path).toBe('file');
    const fake = await upload(s.employee, c.id, { fileName: 'nep.pdf', title: 'Nep' }, Buffer.from('MZ\u0090\u0000'));
    expect(fake.statusCode).toBe(400);
    const noTitle = await upload(s.employee, c.id, { fileName: 'a.pdf', title: '' }, PDF);
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.details[0].path).toBe('querystring.title');
    const empty = await upload(s.employee, c.id, { fileName: 'leeg.pdf', title: 'Leeg' }, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);

    expect(await filesOf(employeeId)).toHaveLength(before);
    expect((await get(`/api/conversations/${c.id}`, s.employee)).json().evidence).toEqual([]);
  });

  it('deletes the file with its evidence', async () => {
    const c = await planConversation();
    const added = await upload(s.employee, c.id, { fileName: 'foto.pdf', title: 'Foto van het bord' }, PDF);
    const evidence = added.json().evidence[0];
    const [stored] = await env.database.db
      .select({ fileId: developmentEvidence.fileId })
      .from(developmentEvidence)
      .where(eq(developmentEvidence.id, evidence.id));
    expect(stored!.fileId).not.toBeNull();

    expect((await send('DELETE', `/api/conversations/${c.id}/evidence/${evidence.id}`, s.manager)).statusCode).toBe(
      403,
    );
    const removed = await send('DELETE', `/api/conversations/${c.id}/evidence/${evidence.id}`, s.employee);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().evidence).toEqual([]);
    const left = await env.database.db.select().from(developmentFiles).where(eq(developmentFiles.id, stored!.fileId!));
    expect(left).toEqual([]);
    expect((await get(`/api/conversations/${c.id}/evidence/${evidence.id}/file`, s.employee)).statusCode).toBe(404);
    const again = await send('DELETE', `/api/conversations/${c.id}/evidence/${evidence.id}`, s.employee);
    expect(again.statusCode).toBe(404);
    const malformed = await send('DELETE', `/api/conversations/${c.id}/evidence/geen-id`, s.employee);
    expect(malformed.statusCode).toBe(404);
  });

  it('refuses an upload to a cancelled conversation with 409, and an anonymous one with 401', async () => {
    const c = await planConversation();
    const cancelled = await send('POST', `/api/conversations/${c.id}/cancel`, s.manager, {
      reason: 'Gaat niet door',
      version: c.version,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const late = await upload(s.employee, c.id, { fileName: 'a.pdf', title: 'Te laat' }, PDF);
    expect(late.statusCode).toBe(409);
    const anonymous = await env.app.inject({
      method: 'POST',
      url: `/api/conversations/${c.id}/evidence/file?fileName=a.pdf&title=x`,
      headers: { 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(anonymous.statusCode).toBe(401);
    const unknown = await upload(s.employee, 'geen-gesprek', { fileName: 'a.pdf', title: 'x' }, PDF);
    expect(unknown.statusCode).toBe(404);
  });
});
