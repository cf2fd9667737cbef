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
