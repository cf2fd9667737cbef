import { expect, test } from '@playwright/test';
import { apiSession, login, USERS } from './helpers.ts';

test('beheerder adds a person, finds them by search and changes the function', async ({ page }) => {
  const stamp = Date.now();
  await login(page, USERS.beheer);
  await page.getByRole('group', { name: 'Beheer' }).getByRole('link', { name: 'Medewerkers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Medewerkers' })).toBeVisible();
  await expect(page.getByText(/^\d[\d.]* medewerkers$/)).toBeVisible();

  await page.getByRole('button', { name: 'Nieuwe medewerker' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe medewerker' });
  await dialog.getByLabel('Voornaam').fill('Femke');
  await dialog.getByLabel('Achternaam').fill(`Zoektest${stamp}`);
  await dialog.getByLabel('E-mailadres').fill('geen-geldig-adres');
  await dialog.getByRole('button', { name: 'Medewerker toevoegen' }).click();
  // The server's field error lands on the field, and the typed input stays.
  await expect(dialog.getByText('Vul een geldig e-mailadres in')).toBeVisible();
  await expect(dialog.getByLabel('Voornaam')).toHaveValue('Femke');
  await dialog.getByLabel('E-mailadres').fill(`femke.${stamp}@e2e.groeipad.nl`);
  await dialog.getByRole('button', { name: 'Medewerker toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Femke Zoektest${stamp}` })).toBeVisible();

  await page.getByRole('link', { name: 'Medewerkers' }).first().click();
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill(`Zoektest${stamp}`);
  await expect(page).toHaveURL(new RegExp(`zoek=Zoektest${stamp}`));
  await expect(page.getByText('1 medewerker', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: `Femke Zoektest${stamp}` }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Femke Zoektest${stamp}` })).toBeVisible();
  await page.getByLabel('Functie').fill('Docent scheikunde');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByText('De gegevens zijn opgeslagen.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Functie')).toHaveValue('Docent scheikunde');
  await expect(page.getByRole('main').getByText('Docent scheikunde').first()).toBeVisible();
});

test('a stale save shows the conflict, keeps the input and offers the latest version', async ({ page, request }) => {
  const api = await apiSession(request, USERS.beheer);
  const person = await api.createPerson('Conflict');
  await login(page, USERS.beheer);
  await page.goto(`/beheer/medewerkers/${person.id}`);
  await expect(page.getByLabel('Functie')).toHaveValue('Docent biologie');

  // Someone else saves in the meantime.
  const r = await request.patch(`/api/admin/people/${person.id}`, {
    data: { jobTitle: 'Docent natuurkunde', version: person.version },
    headers: { 'x-csrf-token': api.me.csrfToken },
  });
  expect(r.status()).toBe(200);

  await page.getByLabel('Functie').fill('Docent aardrijkskunde');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByText('Iemand anders heeft deze medewerker intussen gewijzigd')).toBeVisible();
  await expect(page.getByLabel('Functie')).toHaveValue('Docent aardrijkskunde');
  await page.getByRole('button', { name: 'Nieuwste versie laden' }).click();
  await expect(page.getByText('Nu opgeslagen is:')).toBeVisible();
  await expect(page.getByRole('status').getByText('Docent natuurkunde')).toBeVisible();
  await expect(page.getByLabel('Functie')).toHaveValue('Docent aardrijkskunde');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByText('De gegevens zijn opgeslagen.')).toBeVisible();
});

test('beheerder adds a role, sends an invitation and finds it in Uitgaande e-mail', async ({ page, request }) => {
  const api = await apiSession(request, USERS.beheer);
  const person = await api.createPerson('Uitnodiging');
  await login(page, USERS.beheer);
  await page.goto(`/beheer/medewerkers/${person.id}`);
  await expect(page.getByRole('heading', { level: 1, name: person.displayName })).toBeVisible();
  await expect(page.getByText('Deze medewerker heeft nog geen rollen.')).toBeVisible();

  const form = page.getByRole('form', { name: 'Rol toevoegen' });
  await form.getByRole('combobox', { name: 'Rol' }).click();
  await page.getByRole('option', { name: 'Docent', exact: true }).click();
  await form.getByRole('combobox', { name: 'School' }).click();
  await page.getByRole('option', { name: 'Oostland College' }).click();
  await form.getByRole('combobox', { name: 'Team (mag leeg)' }).click();
  await page.getByRole('option', { name: 'Exact' }).click();
  await form.getByRole('button', { name: 'Rol toevoegen' }).click();
  await expect(page.getByText('De rol Docent is toegevoegd.')).toBeVisible();
  await expect(page.getByRole('main').getByText('Exact, Oostland College')).toBeVisible();

  await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
  await expect(page.getByText('Uitnodiging verstuurd')).toBeVisible();

  await page.getByRole('link', { name: 'Uitgaande e-mail' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uitgaande e-mail' })).toBeVisible();
  const mail = page.getByRole('button', { name: new RegExp(`Welkom bij Groeipad.*${person.email}`) });
  await expect(mail).toBeVisible();
  await mail.click();
  await expect(page.getByText(/wachtwoord-instellen\?token=/).first()).toBeVisible();
});
