import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  sessionFor,
  startTestApp,
  createBoard,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { feedbackTables } from '../feedback/index.ts';
import { developmentTables, exportDevelopment, readEvidenceFile, storeEvidenceFile } from './index.ts';

const { developmentFiles, developmentEvidence } = developmentTables;

let env: TestEnv;
let board: TestBoard;
let employeeId: string;
let employee: Session;
let manager: Session;
let managerId: string;
let otherManager: Session;
let colleague: Session;

function teamOf(name: string) {
  const team = board.teams.find((x) => x.name === name)!;
  const members = board.memberships.filter((m) => m.teamId === team.id);
  const lead = members.find((m) => m.role === 'teamleider')!.personId;
  const staff = [...new Set(members.filter((m) => m.role !== 'teamleider').map((m) => m.personId))];
  return { lead, staff };
}

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  const exact = teamOf('Exact');
  employeeId = exact.staff[0]!;
  managerId = exact.lead;
  employee = await sessionFor(env.database, employeeId);
  manager = await sessionFor(env.database, managerId);
  colleague = await sessionFor(env.database, exact.staff[1]!);
  otherManager = await sessionFor(env.database, teamOf('Talen').lead);
});
afterAll(() => env.close());

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

const get = (url: string, s: Session) => env.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, s: Session, payload?: object) =>
  env.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload }) });

function upload(s: Session, query: Record<string, string>, bytes: Buffer, contentType = 'application/octet-stream') {
  return env.app.inject({
    method: 'POST',
    url: `/api/development/evidence/file?${new URLSearchParams(query).toString()}`,
    headers: { ...s.headers, 'content-type': contentType },
    payload: bytes,
  });
}

async function newGoal(s: Session, body: Record<string, unknown> = {}) {
  const res = await send('POST', '/api/development/goals', s, { title: 'Beter differentiëren', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>();
}

const filesOf = (personId: string) =>
  env.database.db
    .select({ id: developmentFiles.id })
    .from(developmentFiles)
    .where(eq(developmentFiles.personId, personId));

describe('evidence with a file', () => {
  it('stores an upload on a goal and gives back the same bytes as a safe download', async () => {
    const goal = await newGoal(employee);
    const res = await upload(
      employee,
      { fileName: 'Lesplan week 3.pdf', title: 'Lesplan', description: 'Met differentiatie', goalId: goal.id },
      PDF,
      'application/pdf',
    );
    expect(res.statusCode, res.body).toBe(201);
    const evidence = res.json();
    expect(evidence).toMatchObject({
      title: 'Lesplan',
      description: 'Met differentiatie',
      goalId: goal.id,
      url: null,
      file: { name: 'Lesplan week 3.pdf', mediaType: 'application/pdf', size: PDF.length },
    });

    const plan = (await get('/api/development/me', employee)).json();
    const onGoal = plan.goals.find((g: { id: string }) => g.id === goal.id).evidence;
    expect(onGoal[0].file.name).toBe('Lesplan week 3.pdf');

    const download = await get(`/api/development/evidence/${evidence.id}/file`, employee);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Lesplan week 3.pdf"; filename*=UTF-8''Lesplan%20week%203.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');

    const [stored] = await env.database.db
      .select()
      .from(developmentFiles)
      .innerJoin(developmentEvidence, eq(developmentEvidence.fileId, developmentFiles.id))
      .where(eq(developmentEvidence.id, evidence.id));
    expect(stored!.development_files.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(stored!.development_files.createdBy).toBe(employeeId);
  });

  it('decides the type from the content and cleans the name, whatever the client says', async () => {
    const res = await upload(employee, { fileName: '../../foto<1>.jpg', title: 'Bord' }, PNG, 'text/html');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().file).toEqual({ name: 'foto_1_.png', mediaType: 'image/png', size: PNG.length });
    const download = await get(`/api/development/evidence/${res.json().id}/file`, employee);
    expect(download.headers['content-type']).toBe('image/png');
  });

  it('refuses a file over 10 MB with 413 and a clear message', async () => {
    const before = (await filesOf(employeeId)).length;
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload(employee, { fileName: 'groot.pdf', title: 'Groot' }, big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('10 MB') });
    expect(await filesOf(employeeId)).toHaveLength(before);
  });

  it('refuses other kinds with a message on the file field and stores nothing', async () => {
    const before = (await filesOf(employeeId)).length;
    for (const [fileName, bytes] of [
      ['pagina.html', Buffer.from('<html><script>alert(1)</script></html>')],
      ['tekening.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
      ['nep.pdf', Buffer.from('MZ\u0000\u0000')],
      ['programma.exe', Buffer.from('MZ\u0090\u0000')],
    ] as const) {
      const res = await upload(employee, { fileName, title: 'Iets' }, bytes);
      expect(res.statusCode, fileName).toBe(400);
      expect(res.json().error.details[0].path, fileName).toBe('file');
    }
    const empty = await upload(employee, { fileName: 'leeg.pdf', title: 'Leeg' }, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const noTitle = await upload(employee, { fileName: 'a.pdf', title: '' }, PDF);
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.details[0].path).toBe('querystring.title');
    expect(await filesOf(employeeId)).toHaveLength(before);
  });

  it('refuses a goal of someone else with 404, and an anonymous upload with 401', async () => {
    const goal = await newGoal(employee);
    const res = await upload(colleague, { fileName: 'a.pdf', title: 'x', goalId: goal.id }, PDF);
    expect(res.statusCode).toBe(404);
    const fromManager = await upload(manager, { fileName: 'a.pdf', title: 'x', goalId: goal.id }, PDF);
    expect(fromManager.statusCode).toBe(403);
    const anonymous = await env.app.inject({
      method: 'POST',
      url: '/api/development/evidence/file?fileName=a.pdf&title=x',
      headers: { 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(anonymous.statusCode).toBe(401);
    const withoutCsrf = await env.app.inject({
      method: 'POST',
      url: '/api/development/evidence/file?fileName=a.pdf&title=x',
      headers: { cookie: employee.cookie, 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(withoutCsrf.statusCode).toBe(403);
  });

  it('lets the manager download a file on a shared goal (audited), and nobody else', async () => {
    const shared = await newGoal(employee, { title: 'Gedeeld' });
    const hidden = await newGoal(employee, { title: 'Privé', visibleToManager: false });
    const onShared = (await upload(employee, { fileName: 'a.pdf', title: 'Gedeeld', goalId: shared.id }, PDF)).json();
    const onHidden = (await upload(employee, { fileName: 'b.pdf', title: 'Privé', goalId: hidden.id }, PDF)).json();
    const loose = (await upload(employee, { fileName: 'c.pdf', title: 'Los' }, PDF)).json();

    const ok = await get(`/api/development/evidence/${onShared.id}/file`, manager);
    expect(ok.statusCode).toBe(200);
    expect(ok.rawPayload.equals(PDF)).toBe(true);
    const entries = await env.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'development.read'), eq(auditLog.targetId, onShared.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: managerId,
      subjectPersonId: employeeId,
      targetType: 'development_evidence',
      details: { view: 'evidence_file', name: 'a.pdf' },
    });
    // The owner's own downloads are not someone else reading their file.
    await get(`/api/development/evidence/${onShared.id}/file`, employee);
    const after = await env.database.db.select().from(auditLog).where(eq(auditLog.targetId, onShared.id));
    expect(after).toHaveLength(1);

    for (const id of [onHidden.id, loose.id]) {
      expect((await get(`/api/development/evidence/${id}/file`, manager)).statusCode).toBe(404);
    }
    for (const s of [otherManager, colleague]) {
      expect((await get(`/api/development/evidence/${onShared.id}/file`, s)).statusCode).toBe(404);
    }
    const intruder = await sessionFor(env.database, (await createBoard(env.database)).byRole('beheerder').id);
    expect((await get(`/api/development/evidence/${onShared.id}/file`, intruder)).statusCode).toBe(404);
    // Evidence without a file has nothing to download.
    const link = (await send('POST', '/api/development/evidence', employee, { title: 'Link' })).json();
    expect((await get(`/api/development/evidence/${link.id}/file`, employee)).statusCode).toBe(404);
  });

  it('deletes the file with its evidence', async () => {
    const evidence = (await upload(employee, { fileName: 'weg.pdf', title: 'Weg' }, PDF)).json();
    const [row] = await env.database.db
      .select({ fileId: developmentEvidence.fileId })
      .from(developmentEvidence)
      .where(eq(developmentEvidence.id, evidence.id));
    expect(row!.fileId).toBeTruthy();
    expect((await send('DELETE', `/api/development/evidence/${evidence.id}`, employee)).statusCode).toBe(204);
    expect(await readEvidenceFile(env.database.db, board.boardId, row!.fileId!)).toBeUndefined();
    expect((await get(`/api/development/evidence/${evidence.id}/file`, employee)).statusCode).toBe(404);
  });

  it('lets another module store a file for evidence it creates; deleting that row deletes the file', async () => {
    const db = env.database.db;
    const stored = await db.transaction(async (tx) => {
      const file = await storeEvidenceFile(tx, {
        boardId: board.boardId,
        personId: employeeId,
        createdBy: managerId,
        name: 'verslag.txt',
        bytes: Buffer.from('Afspraken uit het gesprek'),
      });
      const [row] = await tx
        .insert(developmentEvidence)
        .values({ boardId: board.boardId, personId: employeeId, title: 'Gesprek', fileId: file.fileId })
        .returning();
      return { file, evidenceId: row!.id };
    });
    expect(stored.file).toMatchObject({ name: 'verslag.txt', mediaType: 'text/plain; charset=utf-8', size: 25 });
    await expect(
      storeEvidenceFile(db, {
        boardId: board.boardId,
        personId: employeeId,
        createdBy: managerId,
        name: 'x.html',
        bytes: Buffer.from('<p>'),
      }),
    ).rejects.toMatchObject({ status: 400 });
    await db.delete(developmentEvidence).where(eq(developmentEvidence.id, stored.evidenceId));
    expect(await readEvidenceFile(db, board.boardId, stored.file.fileId)).toBeUndefined();
  });

  it('lists files in the personal export by name, type and size, without the bytes', async () => {
    await upload(employee, { fileName: 'export.pdf', title: 'Voor de export' }, PDF);
    const exported = await exportDevelopment(env.database.db, board.boardId, employeeId);
    const item = exported!.evidence.find((e) => e.title === 'Voor de export')!;
    expect(item.file).toEqual({ name: 'export.pdf', mediaType: 'application/pdf', size: PDF.length });
    expect(JSON.stringify(exported)).not.toContain(PDF.toString('base64').slice(0, 20));
  });
});

describe('evidence linked to a feedback round', () => {
  async function roundAbout(personId: string, title: string) {
    const [round] = await env.database.db
      .insert(feedbackTables.feedbackRounds)
      .values({
        boardId: board.boardId,
        schoolId: board.schools[0]!.id,
        subjectId: personId,
        instrument: {
          name: 'x',
          description: '',
          scale: { labels: ['a', 'b'], dontKnowLabel: null },
          sections: [],
          raterGroups: ['collega'],
        },
        title,
        status: 'closed',
        closesOn: '2026-06-01',
        minGroupSize: 3,
        minTextGroupSize: 5,
      })
      .returning();
    return round!.id;
  }

  it('shows the round of the owner and refuses someone else’s round with 404', async () => {
    const mine = await roundAbout(employeeId, 'Feedback voorjaar');
    const theirs = await roundAbout(teamOf('Exact').staff[1]!, 'Van een ander');
    const ok = await send('POST', '/api/development/evidence', employee, { title: 'Reflectie', feedbackRoundId: mine });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ feedbackRoundId: mine, feedbackRoundTitle: 'Feedback voorjaar' });
    const plan = (await get('/api/development/me', employee)).json();
    expect(plan.evidence.find((e: { id: string }) => e.id === ok.json().id).feedbackRoundTitle).toBe(
      'Feedback voorjaar',
    );

    const foreign = await send('POST', '/api/development/evidence', employee, { title: 'x', feedbackRoundId: theirs });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.details[0].path).toBe('feedbackRoundId');
    const unknown = await upload(
      employee,
      { fileName: 'a.pdf', title: 'x', feedbackRoundId: crypto.randomUUID() },
      PDF,
    );
    expect(unknown.statusCode).toBe(404);
    const withFile = await upload(employee, { fileName: 'a.pdf', title: 'Met bestand', feedbackRoundId: mine }, PDF);
    expect(withFile.json()).toMatchObject({ feedbackRoundTitle: 'Feedback voorjaar', file: { name: 'a.pdf' } });
  });
});

describe('editing actions', () => {
  it('changes the title and due date of an own action, refusing a stale version', async () => {
    const quick = (await send('POST', '/api/development/actions', employee, { title: 'Rooster checken' })).json();
    const edited = await send('PATCH', `/api/development/actions/${quick.id}`, employee, {
      title: 'Rooster met de teamleider checken',
      dueOn: '2027-01-15',
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Rooster met de teamleider checken',
      dueOn: '2027-01-15',
      version: 2,
    });
    const stale = await send('PATCH', `/api/development/actions/${quick.id}`, employee, { title: 'Oud', version: 1 });
    expect(stale.statusCode).toBe(409);
    const cleared = await send('PATCH', `/api/development/actions/${quick.id}`, employee, { dueOn: null, version: 2 });
    expect(cleared.json()).toMatchObject({ dueOn: null, version: 3 });
    const bad = await send('PATCH', `/api/development/actions/${quick.id}`, employee, { title: '  ', version: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.title');
  });

  it('lets a manager edit the actions they added but not the owner’s', async () => {
    const goal = await newGoal(employee);
    const own = (await send('POST', '/api/development/actions', employee, { goalId: goal.id, title: 'Eigen' })).json();
    const added = (
      await send('POST', '/api/development/actions', manager, { goalId: goal.id, title: 'Cursus' })
    ).json();
    const mine = await send('PATCH', `/api/development/actions/${added.id}`, manager, {
      title: 'Cursus aanvragen',
      version: 1,
    });
    expect(mine.statusCode).toBe(200);
    const theirs = await send('PATCH', `/api/development/actions/${own.id}`, manager, { title: 'Anders', version: 1 });
    expect(theirs.statusCode).toBe(403);
    expect((await send('DELETE', `/api/development/actions/${own.id}`, manager)).statusCode).toBe(403);
  });
});
