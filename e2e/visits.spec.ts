import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { apiSession, signedInPage, uniqueStamp, USERS } from './helpers.ts';

// The visit journey: a docent of team Exact makes a kijkwijzer from a starting form, plans a lesson visit to the
// teamleider, fills the kijkwijzer on a phone during the visit and records the talk along the feedback model; the
// teamleider (the observed person) reads it and adds it to their portfolio. Axe on the forms, the builder, the list
// and the visit page at desktop and phone width.

const PHONE = { width: 390, height: 844 };

async function axeViolations(page: Page, label: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad)
    console.log(
      `axe on ${label}: [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
    );
  return bad.map((v) => `${label}: ${v.id} (${v.nodes.length})`);
}

/** Today in Amsterdam as 'YYYY-MM-DD' (the browser's time zone in these tests). */
const todayInAmsterdam = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', dateStyle: 'short' }).format(new Date());

test('a docent plans a lesson visit with a kijkwijzer, fills it on a phone, and the colleague keeps it', async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const stamp = uniqueStamp();
  const formTitle = `Kijkwijzer rekenles ${stamp}`;
  const question = `Zijn alle leerlingen in de eerste vijf minuten aan het werk? ${stamp}`;
  const violations: string[] = [];
  const lead = await apiSession(request, USERS.teamleider);

  // The docent opens the team's forms from the board.
  const docent = await signedInPage(browser, USERS.docent);
  await docent.goto('/team');
  await expect(docent.getByRole('heading', { level: 1, name: 'Teambord Exact' })).toBeVisible();
  const teamId = /\/team\/([0-9a-f-]+)$/.exec(docent.url())?.[1] ?? '';
  await docent.getByRole('link', { name: 'Formulieren' }).first().click();
  await expect(docent.getByRole('heading', { level: 1, name: 'Formulieren van het team' })).toBeVisible();
  violations.push(...(await axeViolations(docent, 'forms (desktop)')));

  // Begin from the starting form for a lesson visit; rename it, add a yes/no question and move it up one place.
  await docent.getByLabel('Begin vanuit een voorbeeld').selectOption({ label: 'Kijkwijzer lesbezoek (bezoek)' });
  await docent.getByRole('button', { name: 'Voorbeeld gebruiken' }).click();
  await expect(docent.getByRole('heading', { level: 1, name: 'Nieuw formulier' })).toBeVisible();
  await docent.getByRole('textbox', { name: 'Titel' }).fill(formTitle);
  const fieldCount = await docent.getByRole('listitem', { name: /^Veld \d+$/ }).count();
  await docent.getByLabel('Soort nieuw veld').selectOption({ label: 'Ja of nee' });
  await docent.getByRole('button', { name: 'Veld toevoegen' }).click();
  const added = docent.getByRole('listitem', { name: `Veld ${fieldCount + 1}` });
  await expect(added.getByRole('textbox', { name: 'Vraag' })).toBeFocused();
  await added.getByRole('textbox', { name: 'Vraag' }).fill('De les eindigt met een terugblik op het doel');
  await added.getByRole('button', { name: `Veld ${fieldCount + 1} omhoog` }).click();
  await expect(
    docent.getByRole('listitem', { name: `Veld ${fieldCount}` }).getByRole('textbox', { name: 'Vraag' }),
  ).toHaveValue('De les eindigt met een terugblik op het doel');
  violations.push(...(await axeViolations(docent, 'builder (desktop)')));
  await docent.getByText('Voorbeeld', { exact: true }).click();
  await expect(docent.getByRole('radiogroup', { name: 'De les eindigt met een terugblik op het doel' })).toBeVisible();
  violations.push(...(await axeViolations(docent, 'builder preview (desktop)')));
  await docent.getByText('Bewerken', { exact: true }).click();
  await docent.getByRole('button', { name: 'Formulier opslaan' }).click();
  await expect(docent.getByRole('heading', { level: 1, name: 'Formulier bewerken' })).toBeVisible();

  // The visit list, and planning: I visit the teamleider today, with the new kijkwijzer.
  await docent.goto(`/team/${teamId}/bezoeken`);
  await expect(docent.getByRole('heading', { level: 1, name: 'Bezoeken' })).toBeVisible();
  violations.push(...(await axeViolations(docent, 'visits (desktop)')));
  await docent.getByRole('button', { name: 'Bezoek plannen' }).first().click();
  const dialog = docent.getByRole('dialog', { name: 'Bezoek plannen' });
  await dialog.getByLabel('Jouw rol').selectOption('observer');
  await dialog.getByLabel('Bij wie').selectOption(lead.me.id);
  await dialog.getByLabel('Soort bezoek').selectOption({ label: 'Lesbezoek' });
  await dialog.getByLabel('Datum').fill(todayInAmsterdam());
  await dialog.getByLabel('Tijd').fill('00:30');
  await dialog.getByRole('textbox', { name: 'Duur (minuten)' }).fill('30');
  await dialog.getByRole('textbox', { name: 'Plaats' }).fill('Lokaal 1.12');
  await dialog.getByRole('textbox', { name: 'Leervraag van wie bezocht wordt' }).fill(question);
  await dialog.getByLabel('Kijkwijzer').selectOption({ label: formTitle });
  violations.push(...(await axeViolations(docent, 'plan dialog (desktop)')));
  await dialog.getByRole('button', { name: 'Bezoek plannen' }).click();
  await expect(docent.getByRole('heading', { level: 1, name: /^Lesbezoek bij / })).toBeVisible();
  const visitUrl = new URL(docent.url()).pathname;

  // During the visit, on a phone: fill the kijkwijzer, save, 'bezoek gedaan', then the talk.
  const phone = await signedInPage(browser, USERS.docent, { viewport: PHONE });
  await phone.goto(visitUrl);
  await expect(phone.getByText(question)).toBeVisible();
  await phone
    .getByRole('radiogroup', { name: 'Leerlingen weten wat ze deze les gaan leren' })
    .getByRole('radio', { name: '3 – meestal' })
    .check();
  await phone
    .getByRole('radiogroup', { name: 'De les eindigt met een terugblik op het doel' })
    .getByRole('radio', { name: 'Ja' })
    .check();
  await phone
    .getByRole('radiogroup', { name: 'Hoe werken de leerlingen vooral?' })
    .getByRole('radio', { name: 'In tweetallen' })
    .check();
  await phone
    .getByRole('textbox', { name: 'Wat zag je dat past bij de leervraag van je collega?' })
    .fill('Na drie minuten werkte iedereen, behalve het tweetal bij de deur.');
  violations.push(...(await axeViolations(phone, 'visit page filling (phone)')));
  await phone.getByRole('button', { name: 'Kijkwijzer opslaan' }).click();
  await expect(phone.getByText('Kijkwijzer opgeslagen')).toBeVisible();
  await phone.getByRole('button', { name: 'Bezoek gedaan' }).click();
  const talk = phone.getByRole('region', { name: 'Nagesprek' });
  await expect(talk).toBeVisible();
  await talk.getByRole('textbox', { name: 'Waarneming' }).fill('Je gaf de opdracht voordat iedereen zat.');
  await talk.getByRole('textbox', { name: 'Effect' }).fill('Het tweetal bij de deur miste het begin.');
  await talk.getByRole('textbox', { name: 'Reactie' }).fill('Dat zag ik niet; goed om te weten.');
  await talk.getByRole('textbox', { name: 'Tips' }).fill('Wacht tot iedereen zit, en zet de opdracht op het bord.');
  await talk.getByRole('button', { name: 'Nagesprek opslaan' }).click();
  await expect(phone.getByText('Nagesprek opgeslagen')).toBeVisible();
  await expect(phone.getByText('Nagesprek gehouden')).toBeVisible();
  violations.push(...(await axeViolations(phone, 'visit page after the talk (phone)')));

  // The teamleider, who was visited, reads it and adds it to the portfolio.
  const observed = await signedInPage(browser, USERS.teamleider);
  await observed.goto(visitUrl);
  await expect(observed.getByText(question)).toBeVisible();
  await expect(observed.getByText('Na drie minuten werkte iedereen, behalve het tweetal bij de deur.')).toBeVisible();
  await expect(observed.getByRole('region', { name: 'Nagesprek' }).getByRole('textbox', { name: 'Tips' })).toHaveValue(
    'Wacht tot iedereen zit, en zet de opdracht op het bord.',
  );
  violations.push(...(await axeViolations(observed, 'visit page as the observed person (desktop)')));
  await observed.getByRole('button', { name: 'Toevoegen aan mijn portfolio' }).click();
  await expect(observed.getByText('Dit bezoek staat in je portfolio.')).toBeVisible();
  await observed.getByRole('link', { name: 'Naar mijn ontwikkelplan' }).click();
  await expect(observed.getByText(/^Lesbezoek door .+ op \d{4}-\d{2}-\d{2}$/).first()).toBeVisible();

  // The team sees that the visit took place, never its content.
  const teamView = await lead.get<{ items: { id: string; status: string }[] }>(`/api/teams/${teamId}/visits`);
  expect(JSON.stringify(teamView)).not.toContain(question);

  // The list and the builder at phone width.
  await phone.goto(`/team/${teamId}/bezoeken`);
  await expect(phone.getByRole('heading', { level: 1, name: 'Bezoeken' })).toBeVisible();
  violations.push(...(await axeViolations(phone, 'visits (phone)')));
  await phone.goto(`/team/${teamId}/formulieren`);
  await phone.getByRole('link', { name: formTitle }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Formulier bewerken' })).toBeVisible();
  violations.push(...(await axeViolations(phone, 'builder (phone)')));

  expect(violations).toEqual([]);
});

test('a docent moves a visit with a reason and shares it; the teamleider finds it under "Gedeeld met mij"', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const stamp = uniqueStamp();
  const question = `Houd ik de aandacht vast na de pauze? ${stamp}`;
  const reason = `Toetsweek: de les van dinsdag vervalt. ${stamp}`;
  const violations: string[] = [];

  // The docent plans a visit in which a colleague comes to watch them (set up through the API).
  const docent = await signedInPage(browser, USERS.docent);
  await docent.goto('/team');
  await expect(docent.getByRole('heading', { level: 1, name: 'Teambord Exact' })).toBeVisible();
  const teamId = /\/team\/([0-9a-f-]+)$/.exec(docent.url())?.[1] ?? '';
  type Person = { id: string; displayName: string };
  const me = (await (await docent.request.get('/api/me')).json()) as Person & {
    csrfToken: string;
    managers: Person[];
  };
  const lead = me.managers[0]!;
  const list = (await (await docent.request.get(`/api/teams/${teamId}/visits`)).json()) as { members: Person[] };
  const observer = list.members.find((m) => m.id !== me.id && m.id !== lead.id)!;
  const forms = (await (await docent.request.get(`/api/teams/${teamId}/forms?purpose=visit`)).json()) as {
    items: { id: string }[];
  };
  const planned = await docent.request.post(`/api/teams/${teamId}/visits`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      observerId: observer.id,
      observedId: me.id,
      kind: 'lesson',
      scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      durationMinutes: 30,
      location: 'Lokaal 2.04',
      learningQuestion: question,
      formId: forms.items[0]!.id,
    },
  });
  expect(planned.status(), await planned.text()).toBe(201);
  const visitId = ((await planned.json()) as { id: string }).id;
  const visitUrl = `/team/${teamId}/bezoeken/${visitId}`;

  // The docent moves it to another time and says why.
  await docent.goto(visitUrl);
  await expect(docent.getByText(question)).toBeVisible();
  await docent.getByRole('button', { name: 'Verzetten' }).click();
  const move = docent.getByRole('dialog', { name: 'Bezoek verzetten' });
  await move.getByLabel('Tijd').fill('07:45');
  await move.getByRole('textbox', { name: 'Waarom verzet je het? (niet verplicht)' }).fill(reason);
  violations.push(...(await axeViolations(docent, 'reschedule dialog (desktop)')));
  await move.getByRole('button', { name: 'Verzetten' }).click();
  await expect(move).toBeHidden();
  await expect(docent.getByText(new RegExp(`^Verzet op .+: ${reason}$`))).toBeVisible();

  // Then shares it with the leidinggevende, after a confirmation.
  await docent.getByRole('switch', { name: 'Delen met mijn leidinggevende' }).click({ force: true });
  const confirm = docent.getByRole('dialog', { name: 'Bezoek delen?' });
  await expect(confirm).toContainText('e-mail');
  await confirm.getByRole('button', { name: 'Delen' }).click();
  await expect(docent.getByText('Gedeeld met leidinggevende')).toBeVisible();
  await expect(docent.getByText(/heeft het bezoek nog niet geopend/)).toBeVisible();
  violations.push(...(await axeViolations(docent, 'visit page shared (desktop)')));

  // The mails: the colleague hears of the new moment and why; the teamleider that something was shared.
  const beheer = await apiSession(request, USERS.beheer);
  const leadMail = (await beheer.outboxFor(USERS.teamleider)).find((m) => m.text.includes(visitId));
  expect(leadMail?.subject).toBe(`${me.displayName} deelt een lesbezoek met je`);
  expect(leadMail?.text).not.toContain(question);

  // The teamleider: a task on the home page, the entry in the menu, the list, and the visit itself.
  const leader = await signedInPage(browser, USERS.teamleider);
  await leader.goto('/');
  // Undated tasks come after the dated ones: open the whole list when it is long.
  const task = leader.getByText(`Lees het lesbezoek dat ${me.displayName} met je deelde`).first();
  const more = leader.getByRole('button', { name: /^Toon alle \d+ taken$/ });
  await expect(task.or(more).first()).toBeVisible();
  if (await more.isVisible()) await more.click();
  await expect(task).toBeVisible();
  await leader.getByRole('link', { name: 'Gedeeld met mij' }).click();
  await expect(leader.getByRole('heading', { level: 1, name: 'Gedeeld met mij' })).toBeVisible();
  const row = leader.getByRole('listitem').filter({ has: leader.locator(`a[href="${visitUrl}"]`) });
  await expect(row).toContainText('Nog niet gelezen');
  await expect(row).toContainText(observer.displayName);
  await expect(leader.getByText(question)).toHaveCount(0);
  violations.push(...(await axeViolations(leader, 'shared with me (desktop)')));
  await row.getByRole('link', { name: `Lesbezoek bij ${me.displayName}` }).click();
  await expect(leader.getByRole('heading', { level: 1, name: `Lesbezoek bij ${me.displayName}` })).toBeVisible();
  await expect(leader.getByText(question)).toBeVisible();
  await expect(leader.getByText(/heeft dit bezoek met je gedeeld/)).toBeVisible();
  // That it moved, yes; why, no: that is for the two of them.
  await expect(leader.getByText(/^Verzet op /)).toBeVisible();
  await expect(leader.getByText(reason)).toHaveCount(0);
  await expect(leader.getByRole('button', { name: 'Verzetten' })).toHaveCount(0);
  violations.push(...(await axeViolations(leader, 'visit page as leidinggevende (desktop)')));
  await leader.getByRole('link', { name: 'Terug naar gedeeld met mij' }).click();
  await expect(row).toContainText('Gelezen');
  await expect(row).not.toContainText('Nog niet gelezen');

  // At phone width.
  const phone = await signedInPage(browser, USERS.teamleider, { viewport: PHONE });
  await phone.goto('/bezoeken/gedeeld');
  await expect(phone.getByRole('heading', { level: 1, name: 'Gedeeld met mij' })).toBeVisible();
  violations.push(...(await axeViolations(phone, 'shared with me (phone)')));
  const pageWidth = await phone
    .locator('html')
    .evaluate((el) => (el as unknown as { scrollWidth: number }).scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(390);

  // The docent sees that it was read.
  await docent.reload();
  await expect(docent.getByText(/^Je leidinggevende las dit bezoek op /)).toBeVisible();

  // The colleague who comes to watch was told of the new moment and that there is a reason, not the reason itself:
  // the beheerder reads this outbox.
  const all = await beheer.get<{ items: { to: string; subject: string; text: string }[] }>(
    '/api/admin/outbox?pageSize=200',
  );
  const moved = all.items.find((m) => m.subject.startsWith('Jullie lesbezoek is verzet') && m.text.includes(visitId));
  expect(moved?.text).toContain('schreef erbij waarom');
  expect(moved?.text).not.toContain(reason);
  expect(moved?.text).toContain('om 07:45');
  expect(moved?.to).not.toBe(USERS.docent);

  expect(violations).toEqual([]);
});
