import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import {
  createBoard,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';
import { teamGoals } from '../team/team.schema.ts';
import { teamLibraryVersions } from './preparations.schema.ts';

// The team library: who reads and adds; products from a done preparation; numbered versions that are never
// changed; files judged on their bytes, 413 beyond 10 MB; 409 on a stale version; archive; search and filters.

let env: TestEnv;
let board: TestBoard;
let other: TestBoard;
let exactId: string;
let talenId: string;
let goalId: string;
const ids: Record<string, string> = {};
const as: Record<string, Session> = {};

function teamOf(b: TestBoard, name: string) {
  const team = b.teams.find((x) => x.name === name)!;
  const members = b.memberships.filter((m) => m.teamId === team.id);
  const lead = members.find((m) => m.role === 'teamleider')!.personId;
  const coach = members.find((m) => m.role === 'coach')!.personId;
  const staff = [...new Set(members.filter((m) => m.role === 'docent').map((m) => m.personId))].filter(
    (id) => id !== lead && id !== coach,
  );
  return { id: team.id, lead, coach, staff };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  other = await createBoard(env.database);
  const exact = teamOf(board, 'Exact');
  const talen = teamOf(board, 'Talen');
  exactId = exact.id;
  talenId = talen.id;
  Object.assign(ids, {
    docent: exact.staff[0]!,
    colleague: exact.staff[1]!,
    teamleider: exact.lead,
    coach: exact.coach,
    schoolleider: board.byRole('schoolleider', 'School Noord').id,
    mt_lid: board.byRole('mt_lid', 'School Noord').id,
    otherSchoolleider: board.byRole('schoolleider', 'School Zuid').id,
    otherTeam: talen.staff[0]!,
    beheerder: board.byRole('beheerder').id,
    hr: board.byRole('hr').id,
    otherBoardBeheerder: other.byRole('beheerder').id,
  });
  for (const [who, id] of Object.entries(ids)) as[who] = await sessionFor(env.database, id);
  const [goal] = await env.database.db
    .insert(teamGoals)
    .values({ boardId: board.boardId, teamId: exactId, title: 'Rustig begin van de les', targetValue: 90 })
    .returning({ id: teamGoals.id });
  goalId = goal!.id;
});
afterAll(() => env.close());

const lib = () => `/api/teams/${exactId}/library`;
const get = (url: string, s: Session) => env.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, s: Session, payload?: object) =>
  env.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload }) });
const uploadVersion = (s: Session, itemId: string, query: Record<string, string>, bytes: Buffer) =>
  env.app.inject({
    method: 'POST',
    url: `${lib()}/${itemId}/versions/file?${new URLSearchParams(query).toString()}`,
    headers: { ...s.headers, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });

type Item = {
  id: string;
  version: number;
  currentVersion: number;
  body: string;
  current: { number: number; note: string; file: { name: string; mediaType: string; size: number } | null };
  versions: { number: number; note: string; createdBy: { id: string } | null }[];
};

async function newItem(s: Session = as.docent!, body: Record<string, unknown> = {}): Promise<Item> {
  const res = await send('POST', lib(), s, {
    title: 'Start van de les',
    kind: 'procedure',
    teamGoalId: goalId,
    body: 'Deur open, opdracht op het bord, binnen twee minuten aan het werk.',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('who reads and adds', () => {
  it.each(['docent', 'teamleider', 'coach'])('lets the %s of the team add products and versions', async (who) => {
    const item = await newItem(as[who], { title: `Van ${who}` });
    expect(item).toMatchObject({ currentVersion: 1, current: { number: 1, note: 'Eerste versie' } });
    const next = await send('POST', `${lib()}/${item.id}/versions`, as.colleague!, {
      version: item.version,
      body: 'Aangescherpt',
      note: 'Tweede stap toegevoegd',
    });
    expect(next.statusCode, next.body).toBe(201);
  });

  it.each(['schoolleider', 'mt_lid'])('lets the %s of the school read and download, not change (403)', async (who) => {
    const item = await newItem();
    const withFile = (
      await uploadVersion(as.docent!, item.id, { version: '1', note: 'PDF', fileName: 'a.pdf' }, PDF)
    ).json();
    const list = await get(lib(), as[who]!);
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities).toEqual({ edit: false });
    expect((await get(`${lib()}/${item.id}`, as[who]!)).json().abilities).toEqual({ edit: false });
    expect((await get(`${lib()}/${item.id}/versions/2/file`, as[who]!)).statusCode).toBe(200);
    const attempts = [
      send('POST', lib(), as[who]!, { title: 'x', kind: 'other', body: '' }),
      send('PATCH', `${lib()}/${item.id}`, as[who]!, { version: withFile.version, title: 'x' }),
      send('POST', `${lib()}/${item.id}/versions`, as[who]!, { version: withFile.version, body: 'x', note: 'x' }),
      send('POST', `${lib()}/${item.id}/archive`, as[who]!, { version: withFile.version }),
      uploadVersion(as[who]!, item.id, { version: String(withFile.version), note: 'x', fileName: 'a.pdf' }, PDF),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode, res.body).toBe(403);
  });

  it.each(['otherSchoolleider', 'otherTeam', 'beheerder', 'hr', 'otherBoardBeheerder'])(
    'gives the %s 404 everywhere, also before an upload is read',
    async (who) => {
      const item = await newItem();
      for (const url of [lib(), `${lib()}/${item.id}`, `${lib()}/${item.id}/versions/1`])
        expect((await get(url, as[who]!)).statusCode, url).toBe(404);
      const add = await send('POST', `${lib()}/${item.id}/versions`, as[who]!, { version: 1, body: 'x', note: 'x' });
      expect(add.statusCode).toBe(404);
      const up = await uploadVersion(as[who]!, item.id, { version: '1', note: 'x', fileName: 'a.pdf' }, PDF);
      expect(up.statusCode).toBe(404);
    },
  );

  it("does not reach one team's product through another team", async () => {
    const item = await newItem();
    expect((await get(`/api/teams/${talenId}/library/${item.id}`, as.otherTeam!)).statusCode).toBe(404);
    const res = await send('POST', `/api/teams/${talenId}/library/${item.id}/versions`, as.otherTeam!, {
      version: 1,
      body: 'x',
      note: 'x',
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('versions', () => {
  it('numbers versions 1, 2, 3 and never changes an earlier one', async () => {
    const item = await newItem();
    const v2 = (
      await send('POST', `${lib()}/${item.id}/versions`, as.docent!, {
        version: item.version,
        body: 'Tweede tekst',
        note: 'Stap twee',
      })
    ).json();
    const v3 = (
      await send('POST', `${lib()}/${item.id}/versions`, as.colleague!, {
        version: v2.version,
        body: 'Derde tekst',
        note: 'Stap drie',
      })
    ).json();
    expect(v3.currentVersion).toBe(3);
    expect(v3.body).toBe('Derde tekst');
    expect(v3.versions.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
    expect(v3.versions[0].createdBy.id).toBe(ids.colleague);
    const first = (await get(`${lib()}/${item.id}/versions/1`, as.teamleider!)).json();
    expect(first).toMatchObject({ number: 1, body: item.body, note: 'Eerste versie' });
    expect((await get(`${lib()}/${item.id}/versions/2`, as.teamleider!)).json().body).toBe('Tweede tekst');
    expect((await get(`${lib()}/${item.id}/versions/4`, as.teamleider!)).statusCode).toBe(404);
    // There is no way to change or remove a version.
    expect((await send('PATCH', `${lib()}/${item.id}/versions/1`, as.docent!, { body: 'x' })).statusCode).toBe(404);
    expect((await send('DELETE', `${lib()}/${item.id}/versions/1`, as.docent!)).statusCode).toBe(404);
    const rows = await env.database.db
      .select({ number: teamLibraryVersions.number, body: teamLibraryVersions.body })
      .from(teamLibraryVersions)
      .where(eq(teamLibraryVersions.itemId, item.id))
      .orderBy(asc(teamLibraryVersions.number));
    expect(rows).toEqual([
      { number: 1, body: item.body },
      { number: 2, body: 'Tweede tekst' },
      { number: 3, body: 'Derde tekst' },
    ]);
  });

  it('refuses a version on a stale item with 409 and the current item; two at once get different numbers', async () => {
    const item = await newItem();
    const a = await send('POST', `${lib()}/${item.id}/versions`, as.docent!, { version: 1, body: 'A', note: 'A' });
    const b = await send('POST', `${lib()}/${item.id}/versions`, as.colleague!, { version: 1, body: 'B', note: 'B' });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(409);
    expect(b.json().error.details).toMatchObject({ reason: 'stale', current: { currentVersion: 2, body: 'A' } });
    const note = await send('POST', `${lib()}/${item.id}/versions`, as.docent!, { version: 2, body: 'C', note: ' ' });
    expect(note.statusCode).toBe(400);
  });

  it('keeps a file judged on its bytes, carries it into a text version unless removed, and serves it safely', async () => {
    const item = await newItem();
    const png = await uploadVersion(
      as.docent!,
      item.id,
      { version: '1', note: 'Foto van het bord', fileName: '../bord.pdf' },
      PNG,
    );
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({
      currentVersion: 2,
      body: item.body,
      current: { note: 'Foto van het bord', file: { mediaType: 'image/png', size: PNG.length } },
    });
    const kept = (
      await send('POST', `${lib()}/${item.id}/versions`, as.docent!, {
        version: png.json().version,
        body: 'Nieuwe tekst',
        note: 'Tekst bijgewerkt',
      })
    ).json();
    expect(kept.current.file).toMatchObject({ mediaType: 'image/png' });
    const dropped = (
      await send('POST', `${lib()}/${item.id}/versions`, as.docent!, {
        version: kept.version,
        body: 'Zonder foto',
        note: 'Foto weg',
        keepFile: false,
      })
    ).json();
    expect(dropped.current.file).toBeNull();
    const download = await get(`${lib()}/${item.id}/versions/2/file`, as.colleague!);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(/^attachment/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(download.rawPayload, PNG)).toBe(0);
    expect((await get(`${lib()}/${item.id}/versions/1/file`, as.colleague!)).statusCode).toBe(404);
  });

  it('refuses other kinds (400 on file) and files over 10 MB (413, in Dutch), adding no version', async () => {
    const item = await newItem();
    const html = await uploadVersion(
      as.docent!,
      item.id,
      { version: '1', note: 'x', fileName: 'pagina.pdf' },
      Buffer.from('<html><script>alert(1)</script></html>'),
    );
    expect(html.statusCode).toBe(400);
    expect(html.json().error.details[0].path).toBe('file');
    const big = await uploadVersion(
      as.docent!,
      item.id,
      { version: '1', note: 'x', fileName: 'groot.pdf' },
      Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('10 MB') });
    const stale = await uploadVersion(as.docent!, item.id, { version: '7', note: 'x', fileName: 'a.pdf' }, PDF);
    expect(stale.statusCode).toBe(409);
    expect((await get(`${lib()}/${item.id}`, as.docent!)).json().currentVersion).toBe(1);
  });
});

describe('from a preparation, archive, search', () => {
  it('saves a done preparation as a product, not a planned one or one of another team', async () => {
    const prep = (
      await send('POST', `/api/teams/${exactId}/preparations`, as.docent!, {
        title: 'Checklist toetsweek',
        kind: 'work',
        plannedAt: '2026-11-20T13:00:00.000Z',
        durationMinutes: 30,
        participantIds: [ids.colleague],
      })
    ).json();
    const planned = await send('POST', lib(), as.docent!, {
      title: 'x',
      kind: 'checklist',
      body: 'x',
      preparationId: prep.id,
    });
    expect(planned.statusCode).toBe(400);
    const work = (
      await send('PUT', `/api/teams/${exactId}/preparations/${prep.id}/work`, as.docent!, {
        version: prep.version,
        result: '1. Lokalen\n2. Surveillance',
      })
    ).json();
    await send('POST', `/api/teams/${exactId}/preparations/${prep.id}/done`, as.docent!, { version: work.version });
    const item = await newItem(as.colleague, {
      title: 'Checklist toetsweek',
      kind: 'checklist',
      body: '1. Lokalen\n2. Surveillance',
      preparationId: prep.id,
    });
    expect(item).toMatchObject({ preparation: { id: prep.id, title: 'Checklist toetsweek' }, kind: 'checklist' });
    const elsewhere = await send('POST', `/api/teams/${talenId}/library`, as.otherTeam!, {
      title: 'x',
      kind: 'checklist',
      body: 'x',
      preparationId: prep.id,
    });
    expect(elsewhere.statusCode).toBe(400);
  });

  it('archives after a stale check; the list leaves it out, the archive shows it, no new versions', async () => {
    const item = await newItem(as.docent, { title: 'Oude werkwijze' });
    expect((await send('POST', `${lib()}/${item.id}/archive`, as.docent!, { version: 99 })).statusCode).toBe(409);
    const archived = await send('POST', `${lib()}/${item.id}/archive`, as.docent!, { version: item.version });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).toEqual(expect.any(String));
    const titles = (url: string) =>
      get(url, as.docent!).then((r) => r.json().items.map((i: { title: string }) => i.title));
    expect(await titles(lib())).not.toContain('Oude werkwijze');
    expect(await titles(`${lib()}?archived=true`)).toContain('Oude werkwijze');
    const more = await send('POST', `${lib()}/${item.id}/versions`, as.docent!, {
      version: archived.json().version,
      body: 'x',
      note: 'x',
    });
    expect(more.statusCode).toBe(409);
  });

  it('filters by kind and goal and searches titles', async () => {
    await newItem(as.docent, { title: 'Lesontwerp 100% breuken', kind: 'lesson_design', teamGoalId: null });
    await newItem(as.docent, { title: 'Checklist ouderavond', kind: 'checklist', teamGoalId: goalId });
    const titles = async (query: string) =>
      (await get(`${lib()}?${query}`, as.docent!)).json().items.map((i: { title: string }) => i.title);
    expect(await titles('kind=lesson_design')).toEqual(['Lesontwerp 100% breuken']);
    expect(await titles(`goalId=${goalId}&kind=checklist`)).toContain('Checklist ouderavond');
    expect(await titles(`goalId=${goalId}`)).not.toContain('Lesontwerp 100% breuken');
    expect(await titles('q=ouderAVOND')).toEqual(['Checklist ouderavond']);
    expect(await titles('q=100%25')).toEqual(['Lesontwerp 100% breuken']);
    expect(await titles('q=1_0')).toEqual([]);
    expect((await get(`${lib()}?kind=folder`, as.docent!)).statusCode).toBe(400);
  });

  it("announces a new product and a new version on the team's topic", async () => {
    const seen: string[] = [];
    const stop = await env.app.live.subscribe(`team:${exactId}`, (e) => seen.push(e.topic));
    try {
      const item = await newItem();
      await send('POST', `${lib()}/${item.id}/versions`, as.docent!, { version: item.version, body: 'x', note: 'y' });
      await expect.poll(() => seen.length, { timeout: 2000 }).toBe(2);
    } finally {
      stop();
    }
  });
});
