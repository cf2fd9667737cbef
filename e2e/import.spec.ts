import { expect, test } from '@playwright/test';
import { apiSession, errorCsv, login, staffCsv, uniqueStamp, uploadCsv, USERS } from './helpers.ts';

test('beheerder imports staff, finds the new person, and a second run changes nothing', async ({ page }) => {
  const stamp = `${Date.now()}`.slice(-8);
  const csv = staffCsv(stamp);
  await login(page, USERS.beheer);
  await page.getByRole('group', { name: 'Beheer' }).getByRole('link', { name: 'Medewerkers' }).click();
  await page.getByRole('link', { name: 'Importeren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personeel importeren' })).toBeVisible();

  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'personeel.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(page.getByRole('heading', { level: 2, name: 'Koppel de kolommen' })).toBeVisible();
  // The suggested mapping is filled in, and the sample shows the file's own text.
  await expect(page.getByRole('combobox', { name: 'Personeelsnummer', exact: true })).toHaveValue('personeelsnummer');
  await expect(page.getByRole('combobox', { name: 'Leidinggevende', exact: true })).toHaveValue('leidinggevende');
  await expect(page.getByRole('cell', { name: 'Chloë' })).toBeVisible();

  await page.getByRole('button', { name: 'Voorvertoning bekijken' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Controleer wat er gebeurt' })).toBeVisible();
  await expect(page.getByText('Samengevat: 3 nieuw, 0 gewijzigd, 0 ongewijzigd.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Rol afgeleid uit functie' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Teamleider\s+Teamleider/ })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`Chloë Brouwer${stamp}`) })).toContainText('Nieuw');

  // Back to the mapping keeps the choice; forward again.
  await page.getByRole('button', { name: 'Terug naar kolommen' }).click();
  await expect(page.getByRole('combobox', { name: 'Leidinggevende', exact: true })).toHaveValue('leidinggevende');
  await page.getByRole('button', { name: 'Voorvertoning bekijken' }).click();

  await page.getByRole('button', { name: 'Importeren', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import uitvoeren?' });
  await expect(dialog).toContainText('Dit gebeurt er: 3 nieuwe medewerkers, 0 gewijzigd.');
  await dialog.getByRole('button', { name: 'Ja, importeren' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'De import is klaar' })).toBeVisible();
  await expect(page.getByText('3 nieuw, 0 gewijzigd, 0 uit dienst, 0 ongewijzigd.')).toBeVisible();

  await page.getByRole('link', { name: 'Naar medewerkers' }).click();
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill(`Brouwer${stamp}`);
  await expect(page.getByText('1 medewerker', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: `Chloë Brouwer${stamp}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Chloë Brouwer${stamp}` })).toBeVisible();
  await expect(page.getByRole('main').getByText(`Anouk van Dijk${stamp}`)).toBeVisible();

  // The same file again: nothing to do.
  await uploadCsv(page, 'personeel.csv', csv);
  await page.getByRole('button', { name: 'Voorvertoning bekijken' }).click();
  await expect(page.getByText('Samengevat: 0 nieuw, 0 gewijzigd, 3 ongewijzigd.')).toBeVisible();
  await expect(page.getByText('Alles is al bijgewerkt')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importeren', exact: true })).toBeDisabled();
});

test('a file with an error row shows the error and cannot be imported', async ({ page }) => {
  const stamp = `${Date.now()}`.slice(-8);
  await login(page, USERS.beheer);
  await uploadCsv(page, 'met-fout.csv', errorCsv(stamp));
  await page.getByRole('button', { name: 'Voorvertoning bekijken' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Controleer wat er gebeurt' })).toBeVisible();
  await expect(page.getByText('Er staat 1 fout in het bestand')).toBeVisible();
  await expect(page.getByText('Er wordt niets geïmporteerd totdat alle fouten zijn opgelost.')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(`Piet Fout${stamp}`) });
  await expect(row).toContainText('"geen-mailadres" is geen geldig e-mailadres.');
  await expect(row).toContainText('2');
  await expect(page.getByRole('button', { name: 'Importeren', exact: true })).toBeDisabled();

  // Choosing another file goes back to the first step.
  await page.getByRole('button', { name: 'Ander bestand kiezen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Kies je personeelsbestand' })).toBeVisible();
  await expect(page.getByText('Gekozen: met-fout.csv')).toBeVisible();
});

test('when the data changed after the preview, the commit is refused and the preview can be refreshed', async ({
  page,
  request,
}) => {
  const stamp = uniqueStamp();
  await login(page, USERS.beheer);
  await uploadCsv(page, 'personeel.csv', staffCsv(stamp));
  await page.getByRole('button', { name: 'Voorvertoning bekijken' }).click();
  await expect(page.getByText('Samengevat: 3 nieuw, 0 gewijzigd, 0 ongewijzigd.')).toBeVisible();

  // Meanwhile someone adds one of the people by hand.
  const api = await apiSession(request, USERS.beheer);
  await api.post('/api/admin/people', {
    firstName: 'Sem',
    infix: 'de',
    lastName: `Vries${stamp}`,
    email: `sem.${stamp}@e2e.groeipad.nl`,
    employeeNumber: `T${stamp}3`,
    jobTitle: 'Onderwijsassistent',
  });

  await page.getByRole('button', { name: 'Importeren', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, importeren' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'De gegevens zijn intussen veranderd' });
  await expect(alert).toContainText('Bekijk de voorvertoning opnieuw.');
  await alert.getByRole('button', { name: 'Voorvertoning vernieuwen' }).click();
  await expect(page.getByText('Samengevat: 2 nieuw, 1 gewijzigd, 0 ongewijzigd.')).toBeVisible();
  await page.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('Dit gebeurt er: 2 nieuwe medewerkers, 1 gewijzigd.');
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, importeren' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'De import is klaar' })).toBeVisible();
});

test('a docent cannot open the import page', async ({ page }) => {
  await login(page, USERS.docent);
  await page.goto('/beheer/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
});
