import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signedInPage, uniqueStamp, USERS } from './helpers.ts';

// The programme journey: the teamleider scores the progress meter and finds the score in the history; a docent
// registers for a pizzasessie; the school leader sees the year plan with the teams' programmes, adds a date and
// deletes it after confirming. Axe on every page at desktop and phone width.

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
  await expect(lead.getByRole('region', { name: 'Verbindingssessie' })).toContainText('Gepland met Talen');
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
