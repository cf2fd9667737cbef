import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { apiSession, signedInPage, uniqueStamp, USERS } from './helpers.ts';

// Joint preparation: a docent plans a preparation with a colleague on the team's form, fills it on a phone, marks
// it done, saves the result to the team library and adds a second version; axe on every page at desktop and phone.

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

/** Tomorrow as YYYY-MM-DD in the school's time zone (the browser's in these tests). */
function tomorrow(): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
}

test('a docent prepares a lesson with a colleague, fills it on a phone and keeps the result in the library', async ({
  browser,
  request,
}) => {
  const stamp = uniqueStamp();
  const title = `Breuken met stroken ${stamp}`;
  const formTitle = `Lesvoorbereiding ${stamp}`;
  const failures: string[] = [];

  // The team has a preparation form (the team designs it in the form builder).
  const docentApi = await apiSession(request, USERS.docent);
  const mine = await docentApi.get<{ items: { id: string; name: string }[] }>('/api/teams/mine');
  const teamId = mine.items.find((t) => t.name === 'Exact')!.id;
  await docentApi.post(`/api/teams/${teamId}/forms`, {
    purpose: 'preparation',
    title: formTitle,
    fields: [
      { id: 'de-les', kind: 'heading', label: 'De les' },
      { id: 'doel', kind: 'text', label: 'Lesdoel' },
      { id: 'past', kind: 'scale', label: 'Past dit bij de groep?' },
      { id: 'verschillen', kind: 'check', label: 'Verschillen besproken' },
      { id: 'vorm', kind: 'choice', label: 'Werkvorm', options: ['Instructie', 'Samenwerken'] },
    ],
  });

  // Planning at desktop width: the team's page, then the dialog.
  const page = await signedInPage(browser, USERS.docent);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Samen voorbereiden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Samen voorbereiden – Exact' })).toBeVisible();
  failures.push(...(await axeViolations(page, 'preparations (desktop)')));
  await page.getByRole('button', { name: 'Voorbereiding plannen' }).first().click();
  const plan = page.getByRole('dialog', { name: 'Voorbereiding plannen' });
  await plan.getByRole('textbox', { name: 'Wat bereiden jullie voor?' }).fill(title);
  await plan.getByLabel('Datum').fill(tomorrow());
  await plan.getByLabel('Tijd').fill('15:30');
  await plan.getByRole('textbox', { name: 'Duur (minuten)' }).fill('30');
  const people = plan.getByRole('group', { name: 'Wie doen er mee?' });
  await expect(people.getByRole('checkbox', { name: /\(jij\)$/ })).toBeChecked();
  await expect(people.getByRole('checkbox', { name: /\(jij\)$/ })).toBeDisabled();
  // Without a colleague it is not joint.
  await plan.getByRole('button', { name: 'Plannen' }).click();
  await expect(plan.getByText('Kies minstens één collega om samen mee voor te bereiden.')).toBeVisible();
  const colleague = people.getByRole('checkbox', { name: /^(?!.*\(jij\)$)/ }).first();
  const colleagueName = await colleague.evaluate(
    (el) => (el as unknown as { labels: { textContent: string | null }[] | null }).labels?.[0]?.textContent ?? '',
  );
  await colleague.check();
  await plan.getByLabel('Formulier').selectOption({ label: `${formTitle} (4 vragen)` });
  await plan.getByRole('button', { name: 'Plannen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/^Met: /)).toContainText(colleagueName.trim());

  // At the preparation, on a phone: the two fill the form together on one screen.
  await page.setViewportSize(PHONE);
  await expect(page.getByRole('heading', { level: 2, name: formTitle })).toBeVisible();
  await page.getByRole('textbox', { name: 'Lesdoel' }).fill('Twee breuken vergelijken en uitleggen welke groter is');
  await page.getByRole('radiogroup', { name: 'Past dit bij de groep?' }).getByRole('radio', { name: '3' }).check();
  await page.getByRole('checkbox', { name: 'Verschillen besproken' }).check();
  await page.getByLabel('Werkvorm').selectOption('Samenwerken');
  await expect(page.getByRole('status').filter({ hasText: 'Nog niet opgeslagen.' })).toBeVisible();
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nog niet opgeslagen.' })).toBeHidden();
  failures.push(...(await axeViolations(page, 'preparation (phone)')));
  // Finishing asks for a result first.
  await page.getByRole('button', { name: 'Opslaan en afronden' }).click();
  await expect(page.getByText('Schrijf eerst het resultaat op')).toBeVisible();
  const result = 'Lesopzet: voordoen met stroken, twee voorbeelden samen, vijf sommen met controlekaart.';
  await page.getByRole('textbox', { name: 'Resultaat' }).fill(result);
  await page.getByRole('button', { name: 'Opslaan en afronden' }).click();
  await expect(page.getByText('Afgerond', { exact: true })).toBeVisible();

  // Saved to the library: title and result come along.
  await page.getByRole('button', { name: 'Opslaan in bibliotheek' }).click();
  const toLibrary = page.getByRole('dialog', { name: 'Product toevoegen aan de bibliotheek' });
  await expect(toLibrary.getByRole('textbox', { name: 'Titel' })).toHaveValue(title);
  await expect(toLibrary.getByRole('textbox', { name: 'Inhoud' })).toHaveValue(result);
  await expect(toLibrary.getByLabel('Soort')).toHaveValue('lesson_design');
  await toLibrary.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Versie 1 (huidige)' })).toBeVisible();

  // A second version with what changed; the first stays as it was.
  await page.getByRole('button', { name: 'Nieuwe versie' }).click();
  const version = page.getByRole('dialog', { name: 'Versie 2 toevoegen' });
  await version.getByRole('textbox', { name: 'Inhoud' }).fill(`${result}\nNa de les: stroken vooraf klaarleggen.`);
  await version.getByRole('button', { name: 'Versie opslaan' }).click();
  await expect(version.getByText('Schrijf kort op wat er veranderd is.')).toBeVisible();
  await version.getByRole('textbox', { name: 'Wat is er veranderd?' }).fill('Ervaring na de les');
  await version.getByRole('button', { name: 'Versie opslaan' }).click();
  await expect(version).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Versie 2 (huidige)' })).toBeVisible();
  await expect(page.getByText('Na de les: stroken vooraf klaarleggen.')).toBeVisible();
  const history = page.getByRole('table', { name: 'Versiegeschiedenis' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history).toContainText('Ervaring na de les');
  failures.push(...(await axeViolations(page, 'library item (phone)')));
  await history.getByRole('button', { name: 'Versie 1 bekijken' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Versie 1 (de huidige is 2)' })).toBeVisible();
  await expect(page.getByText('Na de les: stroken vooraf klaarleggen.')).toBeHidden();

  // The library lists it with its current version; the list pages pass axe at both widths.
  await page.getByRole('link', { name: 'Terug naar de bibliotheek' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bibliotheek – Exact' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Zoeken op titel' }).fill(stamp);
  const item = page.getByRole('listitem').filter({ hasText: title });
  await expect(item).toContainText('Versie 2');
  await expect(item).toContainText('Veranderd: Ervaring na de les');
  failures.push(...(await axeViolations(page, 'library (phone)')));
  await page.setViewportSize({ width: 1440, height: 900 });
  failures.push(...(await axeViolations(page, 'library (desktop)')));
  await item.getByRole('link', { name: title }).click();
  failures.push(...(await axeViolations(page, 'library item (desktop)')));
  await page.goto(`/team/${teamId}/voorbereidingen`);
  await expect(page.getByRole('region', { name: 'Afgerond' }).getByRole('link', { name: title })).toBeVisible();
  await page.getByRole('link', { name: title }).click();
  failures.push(...(await axeViolations(page, 'preparation done (desktop)')));
  await page.setViewportSize(PHONE);
  await page.goto(`/team/${teamId}/voorbereidingen`);
  failures.push(...(await axeViolations(page, 'preparations (phone)')));
  expect(failures).toEqual([]);
});
