import { expect, test } from '@playwright/test';
import { login, USERS } from './helpers.ts';

test('beheerder opens the SSO page: the empty state teaches and shows the redirect URI', async ({ page, baseURL }) => {
  await login(page, USERS.beheer);
  await page.getByRole('group', { name: 'Beheer' }).getByRole('link', { name: 'Inloggen (SSO)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen met single sign-on' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nog geen single sign-on ingesteld' })).toBeVisible();
  await expect(page.getByText(`${baseURL}/api/auth/sso/callback`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Redirect-URI kopiëren' })).toBeVisible();

  // The first step opens the form; Microsoft builds the issuer from the tenant id.
  await page.getByRole('button', { name: 'Single sign-on instellen' }).click();
  await expect(page.getByRole('radio', { name: 'Microsoft Entra ID' })).toBeChecked();
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(page.getByText('Vul de directory-id van je organisatie in')).toBeVisible();
  await page.getByLabel('Directory-id (tenant-id)').fill('2f0c8a6e-1111-2222-3333-444455556666');
  await expect(
    page.getByText('Issuer: https://login.microsoftonline.com/2f0c8a6e-1111-2222-3333-444455556666/v2.0'),
  ).toBeVisible();
  // The required switch only works once SSO is on.
  await expect(page.getByRole('switch', { name: 'Verplicht voor iedereen behalve beheerders' })).toBeDisabled();
  // The e2e server has no GROEIPAD_SECRET_KEY: the page says so before anyone types a secret.
  await expect(page.getByText('Op deze server is nog geen GROEIPAD_SECRET_KEY ingesteld.')).toBeVisible();
});

test('a docent cannot reach the SSO settings', async ({ page }) => {
  await login(page, USERS.docent);
  await expect(page.getByRole('link', { name: 'Inloggen (SSO)' })).toHaveCount(0);
  await page.goto('/beheer/sso');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
});

test('a refused SSO sign-in explains what to do', async ({ page }) => {
  await page.goto('/inloggen?sso=no_account');
  await expect(page.getByRole('alert')).toContainText(
    'We vinden geen actief account met dit e-mailadres bij jouw bestuur. Vraag je beheerder om je toe te voegen.',
  );
  // Without SSO for the address, the password form stays as it was.
  await page.getByLabel('E-mailadres').fill(USERS.docent);
  await page.getByLabel('E-mailadres').blur();
  await expect(page.getByLabel('Wachtwoord')).toBeVisible();
  await expect(page.getByRole('button', { name: /Inloggen met/ })).toHaveCount(0);
});
