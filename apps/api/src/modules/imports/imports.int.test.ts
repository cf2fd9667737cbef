import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import {
  createBoard,
  sessionFor,
  startTestApp,
  type Session,
  type TestBoard,
  type TestEnv,
} from '../../../test/harness.ts';

let env: TestEnv;
let board: TestBoard;
let admin: Session;

beforeAll(async () => {
  env = await startTestApp();
  board = await createBoard(env.database);
  admin = await sessionFor(env.database, board.byRole('beheerder').id);
});
afterAll(() => env.close());

const HEADER = 'Personeelsnummer;Voornaam;Tussenvoegsel;Achternaam;E-mail;School;Team;Functie;Leidinggevende';

function staffCsv(tag: string, extra: string[] = []) {
  return [
    HEADER,
    `${tag}01;Renée;van;Dijk;renee.${tag}@${board.domain};School Noord;Exact;Teamleider;`,
    `${tag}02;Jeroen;;Bakker;jeroen.${tag}@${board.domain};School Noord;Exact;Docent wiskunde;${tag}01`,
    `${tag}03;Fatima;el;Amrani;fatima.${tag}@${board.domain};School Noord;Nieuw team;Onderwijsassistent;${tag}01`,
    ...extra,
  ].join('\r\n');
}

async function upload(body: Buffer | string, contentType = 'text/csv', s: Session = admin) {
  return env.app.inject({
    method: 'POST',
    url: '/api/admin/imports?filename=hr.csv',
    headers: { ...s.headers, 'content-type': contentType },
    payload: body,
  });
}
const preview = (id: string, payload: object) =>
  env.app.inject({ method: 'POST', url: `/api/admin/imports/${id}/preview`, headers: admin.headers, payload });
const commit = (id: string, payload: object) =>
  env.app.inject({ method: 'POST', url: `/api/admin/imports/${id}/commit`, headers: admin.headers, payload });

async function runImport(csv: string | Buffer, deactivateMissing = false, contentType = 'text/csv') {
  const up = await upload(csv, contentType);
  expect(up.statusCode, up.body).toBe(201);
  const { id, suggestedMapping } = up.json();
  const pre = await preview(id, { mapping: suggestedMapping, deactivateMissing });
  expect(pre.statusCode, pre.body).toBe(200);
  const res = await commit(id, { mapping: suggestedMapping, deactivateMissing });
  return { id, mapping: suggestedMapping, preview: pre.json(), res };
}

describe('staff import', () => {
  it('uploads, previews, commits, and a second import of the same file changes nothing', async () => {
    const tag = randomBytes(3).toString('hex');
    const first = await runImport(staffCsv(tag));
    expect(first.preview.summary).toMatchObject({
      rows: 3,
      create: 3,
      update: 0,
      errors: 0,
      newTeams: ['Nieuw team (School Noord)'],
    });
    expect(first.preview.derivedRoles).toEqual({
      Teamleider: 'teamleider',
      'Docent wiskunde': 'docent',
      Onderwijsassistent: 'oop',
    });
    expect(first.res.statusCode, first.res.body).toBe(200);
    const renee = first.preview.rows.find((r: { name: string }) => r.name === 'Renée van Dijk');
    expect(renee.changes).toEqual(['nieuwe medewerker', 'teamleider in Exact (School Noord)']);

    const people = (
      await env.app.inject({ method: 'GET', url: `/api/admin/people?search=${tag}`, headers: admin.headers })
    ).json();
    expect(people.total).toBe(3);
    const jeroen = people.items.find((p: { displayName: string }) => p.displayName === 'Jeroen Bakker');
    const detail = (
      await env.app.inject({ method: 'GET', url: `/api/admin/people/${jeroen.id}`, headers: admin.headers })
    ).json();
    expect(detail.managers[0].displayName).toBe('Renée van Dijk');
    expect(detail.memberships).toMatchObject([{ role: 'docent', teamName: 'Exact', schoolName: 'School Noord' }]);

    const again = await runImport(staffCsv(tag));
    expect(again.preview.summary).toMatchObject({ create: 0, update: 0, unchanged: 3, errors: 0, newTeams: [] });
    expect(again.res.json().summary.unchanged).toBe(3);
  });

  it('reads Windows-1252 CSV with commas, as Excel on Windows saves it', async () => {
    const tag = randomBytes(3).toString('hex');
    const csv = staffCsv(tag).replaceAll(';', ',');
    const res = await runImport(Buffer.from(csv, 'latin1'), false, 'application/vnd.ms-excel');
    expect(res.res.statusCode).toBe(200);
    const found = (
      await env.app.inject({ method: 'GET', url: `/api/admin/people?search=renee.${tag}`, headers: admin.headers })
    ).json();
    expect(found.items[0].displayName).toBe('Renée van Dijk');
  });

  it('reads XLSX, including e-mail cells that are hyperlinks', async () => {
    const tag = randomBytes(3).toString('hex');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Personeel');
    ws.addRow(HEADER.split(';'));
    ws.addRow([
      `${tag}01`,
      'Sanne',
      '',
      'Visser',
      { text: `sanne.${tag}@${board.domain}`, hyperlink: `mailto:sanne.${tag}@${board.domain}` },
      'School Zuid',
      'Onderbouw',
      'Leerkracht',
      '',
    ]);
    ws.addRow([
      Number(`77${parseInt(tag, 16) % 1000}`),
      'Koen',
      'de',
      'Groot',
      `koen.${tag}@${board.domain}`,
      'School Zuid',
      'Onderbouw',
      'Leerkracht',
      `${tag}01`,
    ]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await runImport(buffer, false, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.preview.summary).toMatchObject({ create: 2, errors: 0 });
    expect(res.res.statusCode).toBe(200);
  });

  it('shows per-row errors in Dutch and refuses to commit them: nothing changes', async () => {
    const tag = randomBytes(3).toString('hex');
    const csv = staffCsv(tag, [`${tag}04;Ilse;;;ilse-at-school;School Noord;Exact;Docent;${tag}99`]);
    const up = (await upload(csv)).json();
    const pre = (await preview(up.id, { mapping: up.suggestedMapping, deactivateMissing: false })).json();
    expect(pre.canCommit).toBe(false);
    expect(pre.rows[0]).toMatchObject({ line: 5, action: 'error' });
    expect(pre.rows[0].errors).toEqual([
      'Achternaam ontbreekt.',
      '"ilse-at-school" is geen geldig e-mailadres.',
      `Leidinggevende "${tag}99" is niet gevonden (niet in het bestand en niet in Groeipad).`,
    ]);
    const res = await commit(up.id, { mapping: up.suggestedMapping, deactivateMissing: false });
    expect(res.statusCode).toBe(400);
    const people = (
      await env.app.inject({ method: 'GET', url: `/api/admin/people?search=${tag}`, headers: admin.headers })
    ).json();
    expect(people.total).toBe(0);
  });

  it('marks people who left as inactive, never deletes them, and says so in the preview', async () => {
    const tag = randomBytes(3).toString('hex');
    await runImport(staffCsv(tag));
    const withoutFatima = staffCsv(tag).split('\r\n').slice(0, 3).join('\r\n');
    const up = (await upload(withoutFatima)).json();
    const pre = (await preview(up.id, { mapping: up.suggestedMapping, deactivateMissing: true })).json();
    expect(pre.deactivated.map((p: { name: string }) => p.name)).toContain('Fatima el Amrani');
    const res = await commit(up.id, {
      mapping: up.suggestedMapping,
      deactivateMissing: true,
      expected: { create: pre.summary.create, update: pre.summary.update, deactivate: pre.summary.deactivate },
    });
    expect(res.statusCode, res.body).toBe(200);
    const found = (
      await env.app.inject({
        method: 'GET',
        url: `/api/admin/people?search=fatima.${tag}&active=all`,
        headers: admin.headers,
      })
    ).json();
    expect(found.items[0]).toMatchObject({ active: false });
  });

  it('refuses a commit when the data changed since the preview', async () => {
    const tag = randomBytes(3).toString('hex');
    const up = (await upload(staffCsv(tag))).json();
    const res = await commit(up.id, {
      mapping: up.suggestedMapping,
      deactivateMissing: false,
      expected: { create: 99, update: 0, deactivate: 0 },
    });
    expect(res.statusCode).toBe(409);
  });

  it('forgets uploads that were never committed after a day', async () => {
    const stale = (await upload(staffCsv('old'))).json();
    await env.database.query("update staff_imports set created_at = now() - interval '25 hours' where id = $1", [
      stale.id,
    ]);
    await upload(staffCsv('new'));
    const res = await preview(stale.id, { mapping: stale.suggestedMapping, deactivateMissing: false });
    expect(res.statusCode).toBe(404);
    const rows = await env.database.query('select id from staff_imports where id = $1', [stale.id]);
    expect(rows).toEqual([]);
  });

  it('commits one upload only once', async () => {
    const tag = randomBytes(3).toString('hex');
    const { id, mapping } = await runImport(staffCsv(tag));
    const second = await commit(id, { mapping, deactivateMissing: false });
    expect(second.statusCode).toBe(409);
  });

  it('asks for the required columns', async () => {
    const up = (await upload(staffCsv('x'))).json();
    const res = await preview(up.id, { mapping: { firstName: 'Voornaam' }, deactivateMissing: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('mapping.email');
  });

  it('refuses empty, unreadable and oversized files with clear errors', async () => {
    expect((await upload('')).statusCode).toBe(400);
    expect((await upload('Personeelsnummer;Naam')).json().error.message).toMatch(/alleen een kopregel/);
    const badQuote = `${HEADER}\n1;"Anna;;Smit;a@x.nl;S;T;F;`;
    expect((await upload(badQuote)).statusCode).toBe(400);
    expect(
      (
        await upload(
          Buffer.from('PK\u0003\u0004 kapot'),
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
      ).statusCode,
    ).toBe(400);
    const huge = Buffer.alloc(21 * 1024 * 1024, 'a');
    const tooBig = await upload(huge);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toMatch(/groter dan 20 MB/);
  });

  it('is for the beheerder only, and an import of another board is not found', async () => {
    const hr = await sessionFor(env.database, (await createBoard(env.database)).byRole('hr').id);
    expect((await upload(staffCsv('y'), 'text/csv', hr)).statusCode).toBe(403);
    const other = await createBoard(env.database);
    const otherAdmin = await sessionFor(env.database, other.byRole('beheerder').id);
    const up = (await upload(staffCsv('z'))).json();
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/admin/imports/${up.id}/preview`,
      headers: otherAdmin.headers,
      payload: { mapping: up.suggestedMapping },
    });
    expect(res.statusCode).toBe(404);
  });
});
