import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { apiSession, signedInPage, uniqueStamp, USERS } from './helpers.ts';

// Evidence with a file in a conversation's preparation: refusals before sending (field errors at 4.5:1), the
// upload, the download by the docent, the teamleider seeing it only once the preparation is shared, the
// docent reading in "Mijn gegevens" that the teamleider downloaded it, and removing it after a confirmation.

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

async function axe(page: Page, label: string) {
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

type Options = { employees: { id: string; displayName: string; kinds: { id: string; name: string }[] }[] };

test('a docent adds a file to a conversation; the teamleider downloads it once it is shared', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const leaderApi = await apiSession(request, USERS.teamleider);
  const me = await leaderApi.get<{ reports: { id: string; email: string }[] }>('/api/me');
  const docentId = me.reports.find((p) => p.email === USERS.docent)!.id;
  const options = await leaderApi.get<Options>('/api/conversations/plan-options');
  const kind = options.employees.find((e) => e.id === docentId)!.kinds[0]!;
  const planned = await leaderApi.post<{ id: string }>('/api/conversations', {
    employeeId: docentId,
    kindId: kind.id,
    scheduledAt: new Date(Date.now() + 21 * 86_400_000).toISOString(),
    durationMinutes: 45,
    location: 'Kamer teamleider',
  });
  const url = `/gesprekken/${planned.id}`;

  const docent = await signedInPage(browser, USERS.docent);
  await docent.goto(url);
  const evidence = docent.getByRole('region', { name: 'Bewijs en materiaal' });
  await evidence.getByRole('button', { name: 'Bewijs toevoegen' }).click();
  const dialog = docent.getByRole('dialog', { name: 'Bewijs toevoegen' });
  await dialog.getByRole('radio', { name: 'Bestand' }).check();

  // Nothing filled in: errors on the title and the file, readable (axe checks their contrast).
  await dialog.getByRole('button', { name: 'Uploaden en toevoegen' }).click();
  await expect(dialog.getByText('Vul een titel in.')).toBeVisible();
  await expect(dialog.getByText('Kies een bestand.')).toBeVisible();
  await axe(docent, 'conversation evidence dialog with errors');

  const fileInput = dialog.locator('input[type="file"]');
  await fileInput.setInputFiles({ name: 'pagina.html', mimeType: 'text/html', buffer: Buffer.from('<p>hoi</p>') });
  await expect(dialog.getByText(/Dit soort bestand kan niet/)).toBeVisible();

  const name = `observatie-${uniqueStamp()}.pdf`;
  await fileInput.setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
  await dialog.getByLabel('Titel').fill('Lesobservatie');
  await dialog.getByRole('button', { name: 'Uploaden en toevoegen' }).click();
  await expect(dialog).toBeHidden();

  const link = evidence.getByRole('link', { name: new RegExp(`^${name} downloaden`) });
  await expect(link).toBeVisible();
  const [download] = await Promise.all([docent.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(name);
  const saved = await download.path();
  expect(saved).toBeTruthy();

  // The teamleider sees nothing of it until the docent shares the preparation.
  const leader = await signedInPage(browser, USERS.teamleider);
  await leader.goto(url);
  const leaderEvidence = leader.getByRole('region', { name: 'Bewijs en materiaal' });
  await expect(leaderEvidence.getByText(/Nog niet gedeeld/)).toBeVisible();
  await expect(leaderEvidence.getByRole('link')).toHaveCount(0);

  await docent.getByRole('button', { name: 'Delen met mijn leidinggevende' }).click();
  await docent
    .getByRole('dialog', { name: 'Voorbereiding delen?' })
    .getByRole('button', { name: 'Delen met mijn leidinggevende' })
    .click();
  await expect(docent.getByText(/^Gedeeld op/).first()).toBeVisible();

  await leader.reload();
  const leaderLink = leaderEvidence.getByRole('link', { name: new RegExp(`^${name} downloaden`) });
  await expect(leaderLink).toBeVisible();
  const [leaderDownload] = await Promise.all([leader.waitForEvent('download'), leaderLink.click()]);
  expect(leaderDownload.suggestedFilename()).toBe(name);

  // The docent reads who downloaded it, in words.
  await docent.goto('/mijn-gegevens');
  await expect(docent.getByRole('cell', { name: 'Bestand bij een gesprek gedownload' }).first()).toBeVisible();
  await expect(docent.getByRole('cell', { name: `Bestand: ${name}` }).first()).toBeVisible();

  // Removing asks first and names the file.
  await docent.goto(url);
  await evidence.getByRole('button', { name: 'Lesobservatie weghalen' }).click();
  const confirm = docent.getByRole('dialog', { name: 'Bewijs weghalen?' });
  await expect(confirm.getByText(name)).toBeVisible();
  await confirm.getByRole('button', { name: 'Bewijs weghalen' }).click();
  await expect(confirm).toBeHidden();
  await expect(evidence.getByText('Nog niets toegevoegd.')).toBeVisible();
});
