import { expect, test } from '@playwright/test';
import { login, USERS } from './helpers.ts';

test('a wrong password shows the Dutch error and keeps the e-mail address', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(USERS.docent);
  await page.getByLabel('Wachtwoord').fill('dit-is-niet-goed');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('E-mailadres of wachtwoord klopt niet.');
  await expect(page.getByLabel('E-mailadres')).toHaveValue(USERS.docent);
  await expect(page).toHaveURL(/\/inloggen$/);
});

test('a docent sees their team and teamleider, no Beheer, and can log out', async ({ page }) => {
  await page.goto('/mijn-gegevens');
  // Protected page: first to the login page, then back after logging in.
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmijn-gegevens$/);
  await page.getByLabel('E-mailadres').fill(USERS.docent);
  await page.getByLabel('Wachtwoord').fill('groeipad-demo');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/mijn-gegevens$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn gegevens' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Ingelogd' }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Goede(morgen|middag|navond), / })).toBeVisible();
  await expect(page).toHaveTitle(/Groeipad/);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Wat vraagt nu je aandacht' })).toBeVisible();
  await expect(main.getByText('Exact, Oostland College')).toBeVisible();
  await expect(main.getByText('Docent', { exact: true })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'Mijn leidinggevende' })).toBeVisible();
  await expect(main.getByText(USERS.teamleider)).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('link', { name: 'Mijn ontwikkeling' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Mijn team' })).toBeVisible();
  await expect(nav.getByText('Beheer')).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Medewerkers' })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Mijn team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Teambord Exact' })).toBeVisible();

  // Beheer is not reachable by URL either.
  await page.goto('/beheer/medewerkers');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();

  await page.getByRole('button', { name: /Menu van/ }).click();
  await page.getByRole('menuitem', { name: 'Uitloggen', exact: true }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/inloggen$/);
});

test('the language switch changes the interface and is remembered', async ({ page }) => {
  await login(page, USERS.docent);
  await page.getByRole('button', { name: /Menu van/ }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening), / })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('link', { name: 'My development' })).toBeVisible();
  await page.getByRole('button', { name: /Menu of/ }).click();
  await page.getByRole('menuitem', { name: 'Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});
