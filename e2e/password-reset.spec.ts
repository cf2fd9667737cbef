import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiSession, DEMO_PASSWORD, login, tokenFrom, USERS } from './helpers.ts';

const RESET_SUBJECT = 'Nieuw wachtwoord voor Groeipad';

async function newestResetToken(request: APIRequestContext, email: string, previous: string | null): Promise<string> {
  const admin = await apiSession(request, USERS.beheer);
  let token = '';
  await expect(async () => {
    const mails = (await admin.outboxFor(email)).filter((m) => m.subject === RESET_SUBJECT);
    token = tokenFrom(mails[0]);
    expect(token).not.toBe(previous);
  }).toPass({ timeout: 10_000 });
  await admin.logout();
  return token;
}

test('docent resets the password with the link from the outbox; the link works once', async ({
  page,
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  const before = await apiSession(request, USERS.beheer);
  const old = (await before.outboxFor(USERS.docent)).find((m) => m.subject === RESET_SUBJECT);
  const previous = old ? tokenFrom(old) : null;
  await before.logout();

  await page.goto('/inloggen');
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' })).toBeVisible();
  await page.getByLabel('E-mailadres').fill(USERS.docent);
  await page.getByRole('button', { name: 'Stuur de link' }).click();
  await expect(page.getByText('Als dit adres bij ons bekend is, krijg je een e-mail')).toBeVisible();

  const token = await newestResetToken(request, USERS.docent, previous);
  const newPassword = 'een nieuw lang wachtwoord';
  try {
    await page.goto(`/wachtwoord-instellen?token=${encodeURIComponent(token)}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' })).toBeVisible();
    await page.getByLabel('Nieuw wachtwoord').fill('te kort');
    await page.getByLabel('Herhaal het wachtwoord').fill('te kort');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect(page.getByText('Kies een wachtwoord van minstens 12 tekens')).toBeVisible();
    await page.getByLabel('Nieuw wachtwoord').fill(newPassword);
    await page.getByLabel('Herhaal het wachtwoord').fill(newPassword);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect(page).toHaveURL(/\/inloggen$/);
    await expect(page.getByText('Je wachtwoord is ingesteld.')).toBeVisible();

    await login(page, USERS.docent, newPassword);

    await page.goto(`/wachtwoord-instellen?token=${encodeURIComponent(token)}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Link verlopen of al gebruikt' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Vraag een nieuwe link aan' })).toBeVisible();
  } finally {
    // Put the demo password back so other journeys can log in as the docent.
    const r = await request.post('/api/auth/password-reset', { data: { email: USERS.docent } });
    expect(r.status()).toBe(202);
    const restore = await newestResetToken(request, USERS.docent, token);
    const set = await request.post('/api/auth/password', { data: { token: restore, password: DEMO_PASSWORD } });
    expect(set.status(), await set.text()).toBe(200);
    await request.dispose();
  }
});
