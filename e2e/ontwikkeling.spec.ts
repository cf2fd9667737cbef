import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signedInPage, uniqueStamp, USERS } from './helpers.ts';

// The POP: a file as evidence (upload with progress, download byte for byte), refusals before sending,
// a link to a feedback round, and editing an action of the personal action plan.

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

test('a docent adds a PDF as evidence, linked to a feedback round, and downloads it again', async ({ browser }) => {
  const page = await signedInPage(browser, USERS.docent);
  await page.goto('/ontwikkeling');
  const evidence = page.getByRole('region', { name: 'Bewijs en materiaal' });
  await evidence.getByRole('button', { name: 'Bewijs toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bewijs toevoegen' });
  await dialog.getByRole('radio', { name: 'Bestand' }).check();
  const fileInput = dialog.locator('input[type="file"]');

  // Refused before anything is sent, and the title typed so far stays.
  await dialog.getByLabel('Titel').fill('Mijn lesplan');
  await fileInput.setInputFiles({ name: 'pagina.html', mimeType: 'text/html', buffer: Buffer.from('<p>hoi</p>') });
  await expect(dialog.getByText(/Dit soort bestand kan niet/)).toBeVisible();
  await fileInput.setInputFiles({
    name: 'groot.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(10 * 1024 * 1024 + 1),
  });
  await expect(dialog.getByText(/mag hoogstens 10 MB zijn/)).toBeVisible();
  await expect(dialog.getByLabel('Titel')).toHaveValue('Mijn lesplan');
  await axe(page, 'evidence dialog with an error');

  // A file that passes the browser's check but not the server's: the message sits on the field, the rest stays.
  await fileInput.setInputFiles({ name: 'nep.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>') });
  await dialog.getByLabel('Beschrijving').fill('Week 3, met differentiatie');
  await dialog.getByRole('button', { name: 'Uploaden en toevoegen' }).click();
  await expect(dialog.getByText(/geen geldig \.pdf-bestand/)).toBeVisible();
  await expect(dialog.getByLabel('Titel')).toHaveValue('Mijn lesplan');
  await expect(dialog.getByLabel('Beschrijving')).toHaveValue('Week 3, met differentiatie');

  const name = `lesplan-${uniqueStamp()}.pdf`;
  await fileInput.setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
  const round = dialog.getByLabel('Hoort bij feedbackronde');
  await round.selectOption({ index: 1 });
  const roundTitle = ((await round.locator('option:checked').textContent()) ?? '').replace(/ \(gesloten .*\)$/, '');
  await dialog.getByRole('button', { name: 'Uploaden en toevoegen' }).click();
  await expect(dialog).toBeHidden();

  const link = evidence.getByRole('link', { name: new RegExp(`^${name} downloaden`) });
  await expect(link).toBeVisible();
  await expect(evidence.getByText(`bij feedbackronde “${roundTitle}”`).first()).toBeVisible();
  await expect(evidence.getByText('Week 3, met differentiatie')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('plan.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(name);
  expect(fs.readFileSync(await download.path()).equals(PDF)).toBe(true);
  await axe(page, 'plan with a file');

  await evidence.getByRole('button', { name: 'Bewijs "Mijn lesplan" verwijderen' }).click();
  const confirm = page.getByRole('dialog', { name: 'Bewijs verwijderen?' });
  await expect(confirm).toContainText(name);
  await confirm.getByRole('button', { name: 'Bewijs verwijderen' }).click();
  await expect(link).toBeHidden();
});

test('a docent edits and then deletes a quick action', async ({ browser }) => {
  const page = await signedInPage(browser, USERS.docent);
  await page.goto('/ontwikkeling');
  const plan = page.getByRole('region', { name: 'Mijn actieplan' });
  const title = `Rooster bekijken ${uniqueStamp()}`;
  await plan.getByRole('button', { name: 'Actie toevoegen' }).click();
  const create = page.getByRole('dialog', { name: 'Nieuwe actie' });
  await create.getByLabel('Wat ga je doen?').fill(title);
  await create.getByRole('button', { name: 'Actie toevoegen' }).click();
  await expect(create).toBeHidden();

  await plan.getByRole('button', { name: `Actie "${title}" wijzigen` }).click();
  const edit = page.getByRole('dialog', { name: 'Actie wijzigen' });
  await expect(edit.getByLabel('Wat ga je doen?')).toHaveValue(title);
  await edit.getByLabel('Wat ga je doen?').fill(`${title} met de teamleider`);
  await edit.getByLabel('Klaar op').fill('2030-01-15');
  await axe(page, 'edit action dialog');
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expect(edit).toBeHidden();
  await expect(plan.getByText(`${title} met de teamleider`)).toBeVisible();
  await expect(plan.getByText(/uiterlijk 15 jan/)).toBeVisible();

  await plan.getByRole('button', { name: `Actie "${title} met de teamleider" verwijderen` }).click();
  await page
    .getByRole('dialog', { name: 'Actie verwijderen?' })
    .getByRole('button', { name: 'Actie verwijderen' })
    .click();
  await expect(plan.getByText(`${title} met de teamleider`)).toBeHidden();
});
