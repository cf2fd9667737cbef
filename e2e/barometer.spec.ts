import { AxeBuilder } from '@axe-core/playwright';
import { expect, request as requests, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, signedInPage, USERS } from './helpers.ts';

// The team barometer: two answers show nothing, the third (and closing) shows what the team answered together;
// the school leader finds no way into the team's barometer until the team shares one round, and loses it again
// when the team takes the sharing back.

type Me = {
  id: string;
  csrfToken: string;
  memberships: { role: string; teamId: string | null }[];
  reports: { email: string }[];
};
const PHONE = { width: 390, height: 844 };

async function axe(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious,
    `axe on ${label}:\n` +
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n'),
  ).toEqual([]);
}

/** A JSON client for one person, in its own cookie jar. */
async function apiAs(baseURL: string, email: string) {
  const request = await requests.newContext({ baseURL });
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const me = (await (await request.get('/api/me')).json()) as Me;
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    me,
    get: (url: string) => request.get(url),
    post: (url: string, data: unknown = {}) => request.post(url, { data, headers }),
    dispose: () => request.dispose(),
  };
}

/** Every statement answered the same way, through the form. */
async function fillForm(page: Page, answer: string) {
  await expect(page.getByRole('radiogroup').first()).toBeVisible();
  for (const group of await page.getByRole('radiogroup').all())
    await group.getByRole('radio', { name: answer, exact: true }).check();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank je wel! Je antwoorden zijn binnen.' })).toBeVisible();
}

/** Every standard scale statement answered with the value, through the API. */
async function answerByApi(client: Awaited<ReturnType<typeof apiAs>>, roundId: string, value: number) {
  const form = (await (await client.get(`/api/barometer/rounds/${roundId}`)).json()) as {
    questions: { id: string; kind: string }[];
  };
  const scores = Object.fromEntries(form.questions.filter((q) => q.kind === 'scale').map((q) => [q.id, value]));
  const res = await client.post(`/api/barometer/rounds/${roundId}/answers`, { scores, texts: {} });
  expect(res.status(), await res.text()).toBe(201);
}

async function closeOnPage(page: Page) {
  await page.getByRole('button', { name: 'Ronde nu sluiten' }).click();
  const dialog = page.getByRole('dialog', { name: 'De ronde nu sluiten?' });
  await dialog.getByRole('button', { name: 'Ronde sluiten', exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function startOnPage(page: Page) {
  await page.getByRole('button', { name: 'Start een ronde' }).click();
  await expect(page.getByText(/^0 van \d+ collega’s hebben ingevuld$/).first()).toBeVisible();
}

test('the barometer stays with the team: nothing below three, shared with the school only by choice', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const leader = await signedInPage(browser, USERS.teamleider);
  const leaderApi = await apiAs(baseURL!, USERS.teamleider);
  const teamId = leaderApi.me.memberships.find((m) => m.role === 'teamleider' && m.teamId)!.teamId!;
  const colleagueEmail = leaderApi.me.reports.map((r) => r.email).find((e) => e !== USERS.docent)!;
  const colleague = await apiAs(baseURL!, colleagueEmail);
  const barometerUrl = `/team/${teamId}/barometer`;

  // 1. The team opens its rounds by hand and its last one was over two weeks ago: the teamleider's home page says
  // it is time. The teamleider starts a round; the docent finds it on the home page and fills it in on a phone.
  await leader.goto('/');
  await leader.getByRole('link', { name: /Start de barometer van team Exact/ }).click();
  await expect(leader).toHaveURL(new RegExp(`${barometerUrl}$`));
  await expect(leader.getByRole('heading', { level: 1, name: 'Barometer van Exact' })).toBeVisible();
  await expect(leader.getByText('De volgende ronde is aan de beurt.')).toBeVisible();
  await startOnPage(leader);
  await axe(leader, 'the team barometer with a running round');

  const docent = await signedInPage(browser, USERS.docent, { viewport: PHONE });
  await docent.goto('/');
  await docent.getByRole('link', { name: /Vul de barometer in van team Exact/ }).click();
  await expect(docent.getByRole('heading', { level: 1, name: 'Barometer van Exact' })).toBeVisible();
  await expect(docent.getByText(/Je antwoorden worden zonder je naam bewaard/)).toBeVisible();
  await axe(docent, 'the barometer form on a phone');
  const firstRound = docent.url().split('/').at(-1)!;
  await fillForm(docent, '4 · Eens');
  // Once is enough: the link says so the second time.
  await docent.goto(`/barometer/invullen/${firstRound}`);
  await expect(docent.getByRole('heading', { name: 'Je hebt deze barometer al ingevuld. Dank je wel!' })).toBeVisible();

  // 2. A second answer, then the round closes: two answers show nothing, with the reason.
  await answerByApi(leaderApi, firstRound, 2);
  await leader.reload();
  const running = leader.getByRole('region', { name: /^Ronde loopt tot en met / });
  await expect(running.getByText(/^2 van \d+ collega’s hebben ingevuld$/)).toBeVisible();
  // While the round runs it shows how many answered, never what: no way to its outcome yet.
  await expect(running.getByRole('button', { name: /uitkomst/i })).toHaveCount(0);
  await closeOnPage(leader);
  // Each closed round is an article named by its dates; the one just closed opened today.
  const today = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(
    new Date(),
  );
  const justClosed = leader.getByRole('article', { name: new RegExp(`^Ronde ${today} – `) });
  await expect(justClosed.getByText(/Er hebben 2 collega’s ingevuld\..*Er ontbrak er nog 1\./)).toBeVisible();
  await expect(leader.getByText(/gemiddeld \d/)).toHaveCount(0);

  // 3. The next round: with a third answer and closing, the team sees what it answered together.
  await startOnPage(leader);
  const secondRound = (
    (await (await leaderApi.get(`/api/teams/${teamId}/barometer`)).json()) as { openRound: { id: string } }
  ).openRound.id;
  await docent.goto(`/barometer/invullen/${secondRound}`);
  await fillForm(docent, '4 · Eens');
  await answerByApi(leaderApi, secondRound, 4);
  await answerByApi(colleague, secondRound, 4);
  await leader.reload();
  await expect(leader.getByText(/^3 van \d+ collega’s hebben ingevuld$/)).toBeVisible();
  await closeOnPage(leader);
  await expect(leader.getByText('gemiddeld 4,0').first()).toBeVisible();
  await expect(leader.getByText(/· 3 antwoorden/).first()).toBeVisible();
  await expect(leader.getByRole('table', { name: 'Gemiddelde per vraag per ronde' })).toBeVisible();
  await axe(leader, 'the team barometer with outcomes');

  // 4. The school leader: no link to the team's barometer anywhere, the address itself says "not here".
  const director = await signedInPage(browser, USERS.directeur);
  await director.goto('/school/barometer');
  await expect(director.getByRole('heading', { level: 1, name: 'Teambarometer' })).toBeVisible();
  const exactRow = director.getByRole('row', { name: /^Exact/ });
  await expect(exactRow.getByText('Niets gedeeld')).toBeVisible();
  await expect(director.locator(`a[href$="${barometerUrl}"]`)).toHaveCount(0);
  await axe(director, 'the school barometer');
  await director.goto(barometerUrl);
  await expect(director.getByRole('heading', { level: 2, name: 'Deze barometer vind je hier niet' })).toBeVisible();
  await expect(director.getByText(/gemiddeld \d/)).toHaveCount(0);
  const directorApi = await apiAs(baseURL!, USERS.directeur);
  expect((await directorApi.get(`/api/barometer/rounds/${secondRound}/results`)).status()).toBe(404);

  // 5. The team shares the second round; the school leader sees exactly that outcome, and loses it on unsharing.
  await leader.getByRole('button', { name: 'Deel met de schoolleiding' }).first().click();
  await leader
    .getByRole('dialog', { name: 'Deze uitkomst delen met de schoolleiding?' })
    .getByRole('button', { name: 'Delen', exact: true })
    .click();
  await expect(leader.getByText(/^Gedeeld op /).first()).toBeVisible();
  await director.goto('/school/barometer');
  await exactRow.getByRole('button', { name: /^Ronde tot / }).click();
  const shared = director.getByRole('dialog', { name: 'Gedeelde uitkomst van Exact' });
  await expect(shared.getByText('gemiddeld 4,0').first()).toBeVisible();
  await expect(shared.getByRole('button', { name: 'Delen intrekken' })).toHaveCount(0);
  await leader.getByRole('button', { name: 'Delen intrekken' }).first().click();
  await leader
    .getByRole('dialog', { name: 'Delen intrekken?' })
    .getByRole('button', { name: 'Intrekken', exact: true })
    .click();
  await expect(leader.getByRole('button', { name: 'Deel met de schoolleiding' }).first()).toBeVisible();
  expect((await directorApi.get(`/api/barometer/rounds/${secondRound}/results`)).status()).toBe(404);

  // 6. Automatic opening: turned on in the settings, the page says when the next round opens by itself (two weeks
  // after today's); turned off again, it is a suggestion once more.
  const settings = leader.getByRole('dialog', { name: 'Instellingen' });
  await leader.getByRole('button', { name: 'Instellingen' }).click();
  await settings.getByRole('switch', { name: 'Automatisch openen' }).check();
  await settings.getByRole('textbox', { name: 'Looptijd van een ronde (dagen)' }).fill('5');
  await settings.getByRole('button', { name: 'Opslaan' }).click();
  await expect(settings).toBeHidden();
  // Two weeks on, or the Monday after when that is a Saturday or Sunday: the rhythm skips the weekend.
  const twoWeeksOn = new Date(Date.now() + 14 * 86_400_000);
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'Europe/Amsterdam' }).format(
    twoWeeksOn,
  );
  const skip = weekday === 'Sat' ? 2 : weekday === 'Sun' ? 1 : 0;
  const inTwoWeeks = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(
    new Date(twoWeeksOn.getTime() + skip * 86_400_000),
  );
  await expect(leader.getByText(`Volgende ronde opent op ${inTwoWeeks}`)).toBeVisible();
  await expect(leader.getByText(/de ronde loopt 5 dagen/)).toBeVisible();
  await axe(leader, 'the team barometer with automatic opening');
  await leader.getByRole('button', { name: 'Instellingen' }).click();
  await settings.getByRole('switch', { name: 'Automatisch openen' }).uncheck();
  await settings.getByRole('button', { name: 'Opslaan' }).click();
  await expect(settings).toBeHidden();
  await expect(
    leader.getByText(`Volgens jullie ritme is de volgende ronde op ${inTwoWeeks}.`, { exact: false }),
  ).toBeVisible();

  for (const client of [leaderApi, colleague, directorApi]) await client.dispose();
});
