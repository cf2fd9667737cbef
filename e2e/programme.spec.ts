import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signedInPage, uniqueStamp, USERS } from './helpers.ts';

// The programme journey: the teamleider scores the progress meter and finds the score in the history; a docent
// registers for a pizzasessie; the school leader sees the year plan with the teams' programmes, adds a date and
// deletes it after confirming, and changes a date (an error and someone else's change keep what was typed); the
// teamleider starts a new programme, plans its linking session and stops it after confirming. Axe on every page at
// desktop and phone width.

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

async function axeAtBothWidths(page: Page, label: string): Promise<string[]> {
  const found = await axeViolations(page, `${label} (desktop)`);
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  found.push(...(await axeViolations(page, `${label} (phone)`)));
  if (size) await page.setViewportSize(size);
  return found;
}

test('the teamleider scores the progress meter and finds it in the history', async ({ browser }) => {
  const stamp = uniqueStamp();
  const violations: string[] = [];
  const lead = await signedInPage(browser, USERS.teamleider);
  await lead.goto('/team');
  await expect(lead.getByRole('heading', { level: 1, name: 'Teambord Exact' })).toBeVisible();
  const teamId = /\/team\/([0-9a-f-]+)$/.exec(lead.url())?.[1] ?? '';

  // The board's programme part: the eight weeks are over, the latest scores are there.
  const programme = lead.getByRole('region', { name: 'Het 8-wekenprogramma' });
  await expect(programme).toContainText('De 8 weken zijn voorbij');
  await expect(lead.getByRole('region', { name: 'Voortgangsmeter' })).toContainText('Bij elkaar kijken:');

  // The programme page: eight weeks, the linking session with Talen.
  await lead.getByRole('link', { name: 'Naar het programma' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Programma van Exact' })).toBeVisible();
  await expect(lead.getByRole('article')).toHaveCount(8);
  const linkingPart = lead.getByRole('region', { name: 'Verbindingssessie' });
  await expect(linkingPart).toContainText('Gepland met Talen');
  // Moving it starts from the planned moment, not from a proposal in week 8.
  const planned = (await (await lead.request.get(`/api/teams/${teamId}/programme`)).json()) as {
    programme: { linking: { startsAt: string } };
  };
  const at = new Date(planned.programme.linking.startsAt);
  const day = at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  await expect(linkingPart.getByLabel('Datum en tijd')).toHaveValue(new RegExp(`^${day}T`));
  violations.push(...(await axeAtBothWidths(lead, 'programme')));

  // The progress meter: score visits in the deepening phase.
  await lead.goto(`/team/${teamId}/voortgang`);
  await expect(lead.getByRole('heading', { level: 1, name: 'Voortgangsmeter van Exact' })).toBeVisible();
  await lead.getByText('Bij elkaar kijken', { exact: true }).first().click();
  const form = lead.getByRole('region', { name: 'Nieuwe score: Bij elkaar kijken' });
  await expect(form.getByRole('combobox', { name: 'Fase' })).toHaveValue('deepening');
  // Saving with a point left open says so.
  await form.getByRole('button', { name: 'Score opslaan' }).click();
  await expect(form.getByText('Geef bij elk punt een score.').first()).toBeVisible();
  const fours = form.getByRole('radio', { name: '4 ruim voldoende' });
  const count = await fours.count();
  expect(count).toBeGreaterThanOrEqual(4);
  for (let i = 0; i < count; i++) await fours.nth(i).check();
  await form.getByRole('textbox', { name: 'Toelichting (niet verplicht)' }).fill(`Iedereen bezocht iemand ${stamp}`);
  await form.getByRole('button', { name: 'Score opslaan' }).click();
  await expect(lead.getByText('De score is opgeslagen.')).toBeVisible();
  const table = lead.getByRole('table', { name: 'Scores van Bij elkaar kijken' });
  await expect(table.getByRole('row').nth(1)).toContainText(`Iedereen bezocht iemand ${stamp}`);
  await expect(table.getByRole('row').nth(1)).toContainText('4,0');
  violations.push(...(await axeAtBothWidths(lead, 'progress meter')));
  expect(violations).toEqual([]);
});

test('a docent registers for a pizzasessie', async ({ browser }) => {
  const docent = await signedInPage(browser, USERS.docent);
  await docent.goto('/');
  await docent.getByRole('link', { name: 'Pizzasessies' }).first().click();
  await expect(docent.getByRole('heading', { level: 1, name: 'Pizzasessies' })).toBeVisible();
  const session = docent.getByRole('article', { name: 'Pizzasessie: bij elkaar kijken' });
  await expect(session).toContainText('van 15 plaatsen bezet');
  await session.getByRole('button', { name: 'Aanmelden voor Pizzasessie: bij elkaar kijken' }).click();
  await expect(session.getByText('Je bent aangemeld', { exact: true })).toBeVisible();
  const violations = await axeAtBothWidths(docent, 'pizzasessies');
  // Unregistering asks first.
  await session.getByRole('button', { name: 'Afmelden voor Pizzasessie: bij elkaar kijken' }).click();
  const dialog = docent.getByRole('dialog', { name: 'Afmelden voor Pizzasessie: bij elkaar kijken?' });
  await dialog.getByRole('button', { name: 'Afmelden' }).click();
  await expect(dialog).toBeHidden();
  await expect(session.getByRole('button', { name: 'Aanmelden voor Pizzasessie: bij elkaar kijken' })).toBeVisible();
  await session.getByRole('button', { name: 'Aanmelden voor Pizzasessie: bij elkaar kijken' }).click();
  await expect(session.getByText('Je bent aangemeld', { exact: true })).toBeVisible();
  expect(violations).toEqual([]);
});

test('the school leader sees the year plan, adds a date and deletes it after confirming', async ({ browser }) => {
  const stamp = uniqueStamp();
  const leader = await signedInPage(browser, USERS.directeur);
  await leader.goto('/');
  await leader.getByRole('link', { name: 'Jaarplan' }).click();
  await expect(leader.getByRole('heading', { level: 1, name: 'Jaarplan Oostland College' })).toBeVisible();
  const programmes = leader.getByRole('table', { name: 'Teams in het programma' });
  await expect(programmes).toContainText('Exact');
  await expect(programmes).toContainText('Talen');
  await expect(leader.getByRole('article', { name: 'Verbindingssessie Exact en Talen' })).toBeVisible();
  await expect(leader.getByRole('article', { name: 'Pizzasessie: leren van elkaars bordsessies' })).toContainText(
    'Aangemeld',
  );

  const form = leader.getByRole('region', { name: 'Datum toevoegen' });
  await form.getByRole('textbox', { name: 'Titel' }).fill(`Studiemiddag ${stamp}`);
  await form.getByLabel('Begin').fill('2031-06-10T13:00');
  await form.getByRole('combobox', { name: 'Soort' }).selectOption('other');
  await form.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(leader.getByText('De datum staat in het jaarplan.')).toBeVisible();
  const violations = await axeAtBothWidths(leader, 'year plan');

  // A date next school year is not in this year's plan; one this year is, and goes after confirming.
  await expect(leader.getByRole('article', { name: `Studiemiddag ${stamp}` })).toHaveCount(0);
  const soon = new Date(Date.now() + 3 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${soon.getFullYear()}-${pad(soon.getMonth() + 1)}-${pad(soon.getDate())}T13:00`;
  await form.getByRole('textbox', { name: 'Titel' }).fill(`Teamdag ${stamp}`);
  await form.getByLabel('Begin').fill(local);
  await form.getByRole('button', { name: 'Toevoegen' }).click();
  const card = leader.getByRole('article', { name: `Teamdag ${stamp}` });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: `Teamdag ${stamp} verwijderen` }).click();
  const dialog = leader.getByRole('dialog', { name: `Teamdag ${stamp} verwijderen?` });
  await dialog.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(card).toHaveCount(0);
  expect(violations).toEqual([]);
});

/** A 'datetime-local' value some days from now, at a given time, in the browser's (Amsterdam) time zone. */
function localInDays(days: number, time: string): string {
  const at = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${time}`;
}

test('the school leader changes a date; an error and a change by someone else keep what was typed', async ({
  browser,
}) => {
  const stamp = uniqueStamp();
  const leader = await signedInPage(browser, USERS.directeur);
  await leader.goto('/school/jaarplan');
  await expect(leader.getByRole('heading', { level: 1, name: 'Jaarplan Oostland College' })).toBeVisible();

  // A linking session moves on its programme's page, not here.
  const linking = leader.getByRole('article', { name: 'Verbindingssessie Exact en Talen' });
  await expect(linking.getByRole('link', { name: 'Verplaatsen op de programmapagina van Exact' })).toBeVisible();
  await expect(linking.getByRole('button', { name: 'Verbindingssessie Exact en Talen wijzigen' })).toHaveCount(0);

  const form = leader.getByRole('region', { name: 'Datum toevoegen' });
  const begin = localInDays(4, '19:00');
  await form.getByRole('combobox', { name: 'Soort' }).selectOption('other');
  await form.getByRole('textbox', { name: 'Titel' }).fill(`Ouderavond ${stamp}`);
  await form.getByLabel('Begin').fill(begin);
  await form.getByRole('button', { name: 'Toevoegen' }).click();
  const card = leader.getByRole('article', { name: `Ouderavond ${stamp}` });
  await expect(card).toBeVisible();

  // The form opens filled in.
  await card.getByRole('button', { name: `Ouderavond ${stamp} wijzigen` }).click();
  const dialog = leader.getByRole('dialog', { name: `Ouderavond ${stamp} wijzigen` });
  const title = dialog.getByRole('textbox', { name: 'Titel' });
  await expect(title).toHaveValue(`Ouderavond ${stamp}`);
  await expect(dialog.getByLabel('Begin')).toHaveValue(begin);
  await expect(dialog.getByRole('combobox', { name: 'Soort' })).toHaveValue('other');

  // An end before the begin: the server says so at the field, and the typed title stays.
  await title.fill(`Ouderavond leerjaar 1 ${stamp}`);
  await dialog.getByLabel('Einde (niet verplicht)').fill(begin.replace('T19:00', 'T18:00'));
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog.getByText('Het einde ligt na het begin.')).toBeVisible();
  await expect(title).toHaveValue(`Ouderavond leerjaar 1 ${stamp}`);
  await dialog.getByLabel('Einde (niet verplicht)').fill(begin.replace('T19:00', 'T21:00'));
  const violations = await axeAtBothWidths(leader, 'year plan date dialog');

  // Meanwhile a colleague moves it to another room: saving shows their version beside the typed one.
  const me = (await (await leader.request.get('/api/me')).json()) as { csrfToken: string };
  const plan = (await (await leader.request.get('/api/year-plan')).json()) as {
    events: { id: string; title: string; version: number; startsAt: string; kind: string }[];
  };
  const event = plan.events.find((e) => e.title === `Ouderavond ${stamp}`)!;
  const theirs = await leader.request.patch(`/api/year-plan/events/${event.id}`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      kind: 'other',
      title: `Ouderavond ${stamp}`,
      description: '',
      startsAt: event.startsAt,
      endsAt: null,
      location: 'Lokaal 4',
      capacity: null,
      version: event.version,
    },
  });
  expect(theirs.status(), await theirs.text()).toBe(200);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  const conflict = dialog.getByRole('alert');
  await expect(conflict).toContainText('Iemand anders heeft deze datum net gewijzigd');
  await expect(conflict).toContainText('Lokaal 4');
  await expect(title).toHaveValue(`Ouderavond leerjaar 1 ${stamp}`);
  // Take their place, keep the typed title, and save over their version on purpose.
  await conflict.getByRole('button', { name: 'Neem deze versie over' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Plaats' })).toHaveValue('Lokaal 4');
  await title.fill(`Ouderavond leerjaar 1 ${stamp}`);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(leader.getByText('De datum is gewijzigd.')).toBeVisible();
  await expect(dialog).toBeHidden();
  const changed = leader.getByRole('article', { name: `Ouderavond leerjaar 1 ${stamp}` });
  await expect(changed).toContainText('Lokaal 4');
  await expect(card).toHaveCount(0);

  // Tidy up: the date goes after confirming.
  await changed.getByRole('button', { name: `Ouderavond leerjaar 1 ${stamp} verwijderen` }).click();
  await leader
    .getByRole('dialog', { name: `Ouderavond leerjaar 1 ${stamp} verwijderen?` })
    .getByRole('button', { name: 'Verwijderen' })
    .click();
  await expect(changed).toHaveCount(0);
  expect(violations).toEqual([]);
});

test('the teamleider starts a new programme, plans its linking session and stops it after confirming', async ({
  browser,
}) => {
  const stamp = uniqueStamp();
  const lead = await signedInPage(browser, USERS.teamleider);
  await lead.goto('/team');
  await expect(lead.getByRole('heading', { level: 1, name: 'Teambord Exact' })).toBeVisible();
  const teamId = /\/team\/([0-9a-f-]+)$/.exec(lead.url())?.[1] ?? '';
  await lead.goto(`/team/${teamId}/programma`);
  await expect(lead.getByRole('heading', { level: 1, name: 'Programma van Exact' })).toBeVisible();

  // The eight weeks of the last round are over: a new one starts on the coming Monday.
  await lead
    .getByRole('region', { name: 'Programma starten' })
    .getByRole('button', { name: 'Programma starten' })
    .click();
  await expect(lead.getByText('Het programma is gestart.')).toBeVisible();
  await expect(lead.getByRole('region', { name: 'Programma starten' })).toHaveCount(0);
  const linking = lead.getByRole('region', { name: 'Verbindingssessie' });
  await expect(linking).toContainText('Nog niet gepland.');
  await linking.getByRole('combobox', { name: 'Volgend team' }).selectOption({ label: 'Talen' });
  await linking.getByRole('button', { name: 'Verbindingssessie plannen' }).click();
  await expect(linking).toContainText('Gepland met Talen');

  // Stopping asks first, says the linking session leaves the year plan, and needs a reason.
  await lead
    .getByRole('region', { name: 'Programma stoppen' })
    .getByRole('button', { name: 'Programma stoppen' })
    .click();
  const dialog = lead.getByRole('dialog', { name: 'Programma van Exact stoppen?' });
  await expect(dialog).toContainText('De verbindingssessie met Talen op');
  await expect(dialog).toContainText('verdwijnt uit het jaarplan');
  await dialog.getByRole('button', { name: 'Programma stoppen' }).click();
  await expect(dialog.getByText('Geef een reden.')).toBeVisible();
  const violations = await axeAtBothWidths(lead, 'stop programme dialog');
  await dialog.getByRole('textbox', { name: 'Reden' }).fill(`We beginnen na de toetsweek opnieuw ${stamp}`);
  await dialog.getByRole('button', { name: 'Programma stoppen' }).click();
  await expect(lead.getByText('Het programma is gestopt.')).toBeVisible();
  await expect(dialog).toBeHidden();

  // The page shows the stop and offers a new start; the earlier round is back, its linking session with it.
  const note = lead.getByRole('alert').filter({ hasText: 'Gestopt op' });
  await expect(note).toContainText(`Reden: We beginnen na de toetsweek opnieuw ${stamp}`);
  await expect(lead.getByRole('region', { name: 'Programma starten' })).toBeVisible();
  await expect(lead.getByRole('region', { name: 'Programma stoppen' })).toHaveCount(0);
  await expect(lead.getByRole('article')).toHaveCount(8);
  violations.push(...(await axeAtBothWidths(lead, 'programme after stopping')));

  // Its linking session, still ahead, left the year plan; the earlier round's stays.
  const plan = (await (await lead.request.get('/api/year-plan')).json()) as { events: { title: string }[] };
  expect(plan.events.filter((e) => e.title === 'Verbindingssessie Exact en Talen')).toHaveLength(1);

  // The board no longer shows it as running.
  await lead.getByRole('link', { name: 'Terug naar het teambord' }).click();
  const part = lead.getByRole('region', { name: 'Het 8-wekenprogramma' });
  await expect(part).toContainText('De 8 weken zijn voorbij');
  await expect(part).toContainText('is gestopt op');
  expect(violations).toEqual([]);
});
