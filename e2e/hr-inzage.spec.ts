import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { apiSession, signedInPage, USERS } from './helpers.ts';

// HR reads a docent's conversations only with a stated reason and ends that access early; the docent sees on
// their conversation who from HR had access, when and why.

type Person = { id: string; displayName: string; email: string; roles: string[] };

async function seriousViolations(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('HR asks for access with a reason, ends it early, and the docent sees who looked and why', async ({
  browser,
  request,
}) => {
  const admin = await apiSession(request, USERS.beheer);
  const people = await admin.get<{ items: Person[] }>('/api/admin/people?pageSize=200');
  const hr = people.items.find((p) => p.roles.includes('hr'));
  const docent = people.items.find((p) => p.email === USERS.docent);
  expect(hr, 'an HR person in the demo board').toBeDefined();
  expect(docent).toBeDefined();
  await admin.logout();
  const reason = `Klacht over begeleiding, dossieronderzoek ${Date.now()}`;

  // 1. HR picks the docent; without access the page asks why.
  const hrPage = await signedInPage(browser, hr!.email);
  await hrPage.goto('/gesprekken/inzage');
  await expect(hrPage.getByRole('heading', { level: 1, name: 'Inzage in gesprekken' })).toBeVisible();
  const person = hrPage.getByRole('combobox', { name: 'Medewerker' });
  await person.click();
  await person.fill(docent!.email.slice(0, 8));
  await hrPage.getByRole('option', { name: new RegExp(docent!.email.replace('.', '\\.')) }).click();
  await expect(hrPage.getByRole('heading', { name: 'Waarom heb je inzage nodig?' })).toBeVisible();
  await hrPage.getByRole('textbox', { name: 'Reden', exact: true }).fill(reason);
  await hrPage.getByRole('button', { name: 'Inzage vragen' }).click();

  // 2. With access: until when, the reason, the conversations, and a way to end it.
  await expect(hrPage.getByText(/^Je hebt inzage tot /)).toBeVisible();
  await expect(hrPage.getByText(reason, { exact: false })).toBeVisible();
  await expect(hrPage.getByRole('heading', { name: 'Gesprekken van deze medewerker' })).toBeVisible();
  expect(await seriousViolations(hrPage)).toEqual([]);
  await hrPage.getByRole('button', { name: 'Inzage nu beëindigen' }).click();
  const confirm = hrPage.getByRole('dialog', { name: 'Inzage nu beëindigen?' });
  await expect(confirm.getByText('niet meer openen', { exact: false })).toBeVisible();
  await confirm.getByRole('button', { name: 'Inzage nu beëindigen' }).click();
  await expect(hrPage.getByRole('dialog')).toBeHidden();
  await expect(hrPage.getByRole('heading', { name: 'Waarom heb je inzage nodig?' })).toBeVisible();
  await expect(hrPage.getByText(/^Je hebt inzage tot /)).toBeHidden();
  await expect(hrPage.getByRole('heading', { name: 'Gesprekken van deze medewerker' })).toBeHidden();

  // 3. The docent sees on a conversation who from HR had access, from when until when, and the reason.
  const docentPage = await signedInPage(browser, USERS.docent);
  const mine = (await (await docentPage.request.get('/api/conversations?role=employee&when=all')).json()) as {
    items: { id: string }[];
  };
  expect(mine.items.length).toBeGreaterThan(0);
  await docentPage.goto(`/gesprekken/${mine.items[0]!.id}`);
  const who = docentPage.getByRole('region', { name: 'Wie kan dit zien' });
  await expect(who.getByRole('heading', { name: 'Inzage door HR' })).toBeVisible();
  const entry = who.getByRole('listitem').filter({ hasText: reason });
  await expect(entry.getByText(hr!.displayName)).toBeVisible();
  await expect(entry.getByText(/^van .+ tot .+/)).toBeVisible();
  await expect(entry.getByText('loopt nu')).toBeHidden();
  expect(await seriousViolations(docentPage)).toEqual([]);
});
