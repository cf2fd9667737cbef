import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { apiSession, signedInPage, uniqueStamp, USERS } from './helpers.ts';

// The team board journey: the teamleider sets up a goal and an action on team Exact's board; a second screen with
// the board session shows the new action within a second, without a reload; two people editing one card do not
// overwrite each other; axe on the board and the session screen at desktop and phone width.

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

test('a team sets up its board and runs a board session that every screen follows live', async ({
  browser,
  request,
}) => {
  const stamp = uniqueStamp();
  const goalTitle = `Meer voldoendes voor rekenen ${stamp}`;
  const actionTitle = `Oefentoetsen delen ${stamp}`;

  // The teamleider opens "Mijn team": with one team, straight to its board.
  const lead = await signedInPage(browser, USERS.teamleider);
  await lead.goto('/team');
  await expect(lead.getByRole('heading', { level: 1, name: 'Teambord Exact' })).toBeVisible();
  const teamId = /\/team\/([0-9a-f-]+)$/.exec(lead.url())?.[1] ?? '';
  expect(teamId).not.toBe('');

  // A measurable goal with a target, then a first measurement: the words say what the chart shows.
  const goals = lead.getByRole('region', { name: 'Teamdoelen' });
  await goals.getByRole('button', { name: 'Teamdoel toevoegen' }).first().click();
  const goalDialog = lead.getByRole('dialog', { name: 'Nieuw teamdoel' });
  await goalDialog.getByRole('textbox', { name: 'Doel', exact: true }).fill(goalTitle);
  await goalDialog.getByLabel('Beginwaarde').fill('55');
  await goalDialog.getByRole('textbox', { name: 'Streefwaarde' }).fill('80');
  await goalDialog.getByLabel('Eenheid').fill('%');
  await goalDialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(goalDialog).toBeHidden();
  const goalCard = goals.getByRole('article', { name: goalTitle });
  await expect(goalCard.getByText('Nu 55%, doel 80%')).toBeVisible();
  await goalCard.getByRole('button', { name: 'Meting toevoegen' }).click();
  await goalCard.getByRole('textbox', { name: 'Waarde (%)' }).fill('62');
  await goalCard.getByRole('button', { name: 'Meting opslaan' }).click();
  await expect(goalCard.getByText('Nu 62%, doel 80%')).toBeVisible();
  await goalCard.getByRole('button', { name: '1 meting' }).click();
  await expect(goalCard.getByRole('table', { name: `Metingen van ‘${goalTitle}’` })).toContainText('62%');

  // A second screen (the staff room's TV) runs the board session.
  const tv = await signedInPage(browser, USERS.docent, { viewport: { width: 1920, height: 1080 } });
  await tv.goto(`/team/${teamId}/sessie`);
  await expect(tv.getByRole('heading', { level: 1, name: 'Bordsessie Exact' })).toBeVisible();
  const start = tv.getByRole('button', { name: 'Bordsessie starten' });
  if (await start.isVisible()) await start.click();
  await expect(tv.getByRole('timer')).toBeVisible();
  await expect(tv.getByRole('region', { name: '3. Planning en doelen' })).toContainText(
    `${goalTitle}: Nu 62%, doel 80%`,
  );

  // The teamleider adds an action on the board; the TV shows it within a second, without a reload.
  const actions = lead.getByRole('region', { name: 'Verbeteracties' });
  await actions.getByRole('button', { name: 'Actie toevoegen' }).first().click();
  const actionDialog = lead.getByRole('dialog', { name: 'Nieuwe verbeteractie' });
  await actionDialog.getByRole('textbox', { name: 'Wat gaan we doen?' }).fill(actionTitle);
  await actionDialog.getByLabel('Hoort bij doel').selectOption({ label: goalTitle });
  const saved = lead.waitForResponse((r) => r.url().endsWith(`/api/teams/${teamId}/actions`) && r.status() === 201);
  await actionDialog.getByRole('button', { name: 'Opslaan' }).click();
  await saved;
  await expect(tv.getByRole('region', { name: '2. Acties en hulpvragen' }).getByText(actionTitle)).toBeVisible({
    timeout: 1000,
  });

  // Moving a card needs no mouse: the move buttons work from the keyboard, and focus stays on the card.
  const card = actions.getByRole('article', { name: actionTitle });
  await card.getByRole('button', { name: `‘${actionTitle}’ naar Bezig` }).focus();
  await lead.keyboard.press('Enter');
  const doing = actions.getByRole('region', { name: /^Bezig/ });
  await expect(doing.getByRole('article', { name: actionTitle })).toBeVisible();
  await expect(doing.getByRole('article', { name: actionTitle })).toBeFocused();
  await expect(tv.getByRole('region', { name: '2. Acties en hulpvragen' })).toContainText(`Bezig`);

  // At the session: a tap per member for attendance and a tap on a face; only counts are shown.
  const first = tv.getByRole('group', { name: 'Aanwezig' }).getByRole('button').first();
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  const mood = tv.getByRole('group', { name: 'Stemming' });
  await mood.getByRole('button', { name: /^positief, nu \d+$/ }).click();
  await expect(mood.getByRole('button', { name: /^positief, nu [1-9]\d*$/ })).toBeVisible();

  // A quick new action from the session screen appears on the board.
  const quick = `Rooster toetsweek ${stamp}`;
  await tv.getByRole('textbox', { name: 'Nieuwe actie' }).fill(quick);
  await tv.getByRole('button', { name: 'Actie toevoegen' }).click();
  await expect(actions.getByRole('article', { name: quick })).toBeVisible();

  // Two people edit the same card: the second save is refused with the other version, and the own text stays.
  await actions
    .getByRole('article', { name: actionTitle })
    .getByRole('button', { name: `Actie ‘${actionTitle}’ wijzigen` })
    .click();
  const edit = lead.getByRole('dialog', { name: 'Verbeteractie wijzigen' });
  await edit.getByLabel('Volgende stap', { exact: true }).fill('Map aanmaken in Teams');
  const docentApi = await apiSession(request, USERS.docent);
  const board = await docentApi.get<{ actions: { id: string; title: string; version: number }[] }>(
    `/api/teams/${teamId}/board`,
  );
  const target = board.actions.find((a) => a.title === actionTitle)!;
  const res = await request.patch(`/api/teams/${teamId}/actions/${target.id}`, {
    data: { version: target.version, nextStep: 'Eerst de sectie vragen' },
    headers: { 'x-csrf-token': docentApi.me.csrfToken },
  });
  expect(res.status()).toBe(200);
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expect(edit.getByRole('alert')).toContainText('Iemand anders heeft dit net aangepast');
  await expect(edit.getByRole('alert')).toContainText('Eerst de sectie vragen');
  await expect(edit.getByLabel('Volgende stap', { exact: true })).toHaveValue('Map aanmaken in Teams');
  await edit.getByRole('button', { name: 'Mijn versie opslaan' }).click();
  await expect(edit).toBeHidden();
  await expect(actions.getByRole('article', { name: actionTitle })).toContainText('Map aanmaken in Teams');

  // Accessibility of the board and the session screen, at desktop and phone width.
  const failures: string[] = [];
  await lead.setViewportSize({ width: 1440, height: 900 });
  failures.push(...(await axeViolations(lead, 'board (desktop)')));
  await lead.goto(`/team/${teamId}/sessie`);
  await expect(lead.getByRole('timer')).toBeVisible();
  failures.push(...(await axeViolations(lead, 'session (desktop)')));
  await lead.setViewportSize(PHONE);
  failures.push(...(await axeViolations(lead, 'session (phone)')));
  await lead.goto(`/team/${teamId}`);
  await expect(lead.getByRole('heading', { level: 1, name: 'Teambord Exact' })).toBeVisible();
  failures.push(...(await axeViolations(lead, 'board (phone)')));
  failures.push(...(await axeViolations(tv, 'session (TV)')));
  expect(failures).toEqual([]);

  // The session ends on every screen.
  await tv.getByRole('button', { name: 'Sessie afronden' }).click();
  await tv
    .getByRole('dialog', { name: 'Bordsessie afronden?' })
    .getByRole('button', { name: 'Sessie afronden' })
    .click();
  await expect(tv.getByText('Er loopt nu geen bordsessie')).toBeVisible();
});

test('the schoolleider looks along with the board without changing it', async ({ browser }) => {
  const page = await signedInPage(browser, USERS.directeur);
  await page.goto('/team');
  await expect(page.getByRole('heading', { level: 1, name: 'Teamborden' })).toBeVisible();
  await page.getByRole('link', { name: 'Teambord Exact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Teambord Exact' })).toBeVisible();
  await expect(page.getByText('Meekijken', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bord aanpassen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Actie toevoegen' })).toHaveCount(0);
});
