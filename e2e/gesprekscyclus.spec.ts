import { expect, test, type Browser, type Page } from '@playwright/test';
import { extractText } from 'unpdf';
import { apiSession, signedInPage, USERS } from './helpers.ts';

// The whole cycle for one conversation: the teamleider plans it, the docent collects 360° feedback (three
// colleagues and one pupil, the pupil through the e-mail link), results stay hidden until a group has three
// answers, the conversation is held, the report records agreements, both sign, and the PDF holds them.

type Person = { id: string; displayName: string; email: string };
const FEEDBACK_LINK = /\/feedback\/geven\/([A-Za-z0-9_-]+)/;

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Today and the current minute in Amsterdam, as the browser's date and time fields take them. */
function amsterdamNow(): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

async function pickOption(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Opens the newest feedback link mailed to an address, in a fresh browser without an account. */
async function answerByLink(browser: Browser, link: string, answer: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: /Feedback voor/ })).toBeVisible();
  for (const group of await page.locator('fieldset').all())
    await group.getByRole('radio', { name: answer, exact: true }).check();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('status').getByText('Dank je wel!')).toBeVisible();
  // The link works once.
  await page.goto(link);
  await expect(page.getByText('Al ingevuld').first()).toBeVisible();
  await context.close();
}

test('a voortgangsgesprek from planning to a signed report, with 360° feedback', async ({ browser, request }) => {
  test.setTimeout(240_000);
  const admin = await apiSession(request, USERS.beheer);
  const leader = await signedInPage(browser, USERS.teamleider);
  const teamleiderMe = (await (await leader.request.get('/api/me')).json()) as {
    reports: Person[];
    displayName: string;
  };
  const docent = teamleiderMe.reports.find((p) => p.email === USERS.docent)!;
  const colleagues = teamleiderMe.reports.filter((p) => p.email !== USERS.docent).slice(0, 3);
  expect(colleagues).toHaveLength(3);

  // 1. The teamleider plans a voortgangsgesprek; the docent gets an invitation with a calendar file.
  await leader.goto('/gesprekken/plannen');
  await expect(leader.getByRole('heading', { level: 1, name: 'Gesprek plannen' })).toBeVisible();
  await pickOption(leader, 'Medewerker', docent.displayName);
  await pickOption(leader, 'Soort gesprek', 'Voortgangsgesprek');
  await leader.getByRole('textbox', { name: 'Datum', exact: true }).fill(isoDay(14));
  await leader.getByRole('textbox', { name: 'Tijd', exact: true }).fill('14:30');
  await leader.getByRole('textbox', { name: 'Plaats', exact: true }).fill('Kamer teamleider');
  // Preparation due today, so the conversation can move to today later on.
  await leader.getByRole('textbox', { name: 'Voorbereiding klaar op', exact: true }).fill(amsterdamNow().date);
  await leader.getByRole('button', { name: 'Plannen en uitnodiging sturen' }).click();
  await expect(leader).toHaveURL(/\/gesprekken\/[0-9a-f-]{36}$/);
  const conversationUrl = leader.url();
  await expect(leader.getByText('Gepland').first()).toBeVisible();
  // Two weeks ahead it cannot have been held yet: the button waits, and the page says from when.
  await expect(leader.getByRole('button', { name: 'Gesprek is gehouden' })).toBeDisabled();
  await expect(leader.getByText(/Je kunt het vanaf .+ op 'gehouden' zetten\./)).toBeVisible();
  const invitation = (await admin.outboxFor(USERS.docent)).find((m) => /Voortgangsgesprek/i.test(m.subject));
  expect(invitation, 'invitation mail to the docent').toBeDefined();
  expect(
    (invitation as unknown as { attachments: { filename: string }[] }).attachments.map((a) => a.filename),
  ).toContain('gesprek.ics');

  // 2. The docent starts a feedback round and invites three colleagues and one pupil from outside.
  const docentPage = await signedInPage(browser, USERS.docent);
  await docentPage.goto('/feedback');
  await docentPage.getByRole('button', { name: 'Feedback vragen' }).first().click();
  await pickOption(docentPage, 'Vragenlijst', /docenten|lessen/i);
  await docentPage.getByRole('textbox', { name: 'Titel', exact: true }).fill('Feedback voor mijn voortgangsgesprek');
  await docentPage.getByRole('textbox', { name: 'Sluit op', exact: true }).fill(isoDay(10));
  await docentPage.getByRole('button', { name: 'Ronde starten' }).click();
  await expect(docentPage).toHaveURL(/\/feedback\/[0-9a-f-]{36}$/);
  const roundUrl = docentPage.url();

  for (const colleague of colleagues) {
    await docentPage.locator('label', { hasText: 'Collega met account' }).click();
    await pickOption(docentPage, 'Groep', 'Collega’s');
    const personField = docentPage.getByRole('combobox', { name: 'Collega' });
    await personField.click();
    await personField.fill(colleague.displayName.split(' ')[0]!);
    await docentPage
      .getByRole('option', { name: new RegExp(colleague.displayName) })
      .first()
      .click();
    await docentPage.getByRole('button', { name: 'Uitnodigen' }).click();
    await expect(docentPage.getByRole('cell', { name: colleague.displayName }).first()).toBeVisible();
  }
  const pupilEmail = `leerling-${Date.now()}@e2e.groeipad.nl`;
  await docentPage.locator('label', { hasText: 'Iemand anders (via e-mail)' }).click();
  await pickOption(docentPage, 'Groep', 'Leerlingen');
  await docentPage.getByRole('textbox', { name: 'Naam', exact: true }).fill('Sem uit 3B');
  await docentPage.getByRole('textbox', { name: 'E-mailadres', exact: true }).fill(pupilEmail);
  await docentPage.getByRole('button', { name: 'Uitnodigen' }).click();
  await expect(docentPage.getByRole('cell', { name: 'Sem uit 3B' }).first()).toBeVisible();

  // 3. The pupil answers through the e-mailed link, without an account; then two colleagues.
  const linkFor = async (email: string) => {
    const mail = (await admin.outboxFor(email)).find((m) => FEEDBACK_LINK.test(m.text));
    const match = mail?.text.match(FEEDBACK_LINK);
    if (!match) throw new Error(`no feedback link mailed to ${email}`);
    return match[0];
  };
  await answerByLink(browser, await linkFor(pupilEmail), 'Goed');
  await answerByLink(browser, await linkFor(colleagues[0]!.email), 'Voldoende');
  await answerByLink(browser, await linkFor(colleagues[1]!.email), 'Goed');

  await docentPage.goto(roundUrl);
  const progress = docentPage.getByRole('region', { name: 'Voortgang per groep' });
  await expect(docentPage.getByText('Resultaten verschijnen als je de ronde sluit.', { exact: false })).toBeVisible();
  await expect(progress.getByText('nog 1 antwoord nodig')).toBeVisible();
  await expect(progress.getByText('nog 2 antwoorden nodig')).toBeVisible();

  await answerByLink(browser, await linkFor(colleagues[2]!.email), 'Voldoende');
  await docentPage.reload();
  await expect(progress.getByText('genoeg antwoorden')).toBeVisible();

  // 4. Closing shows the colleagues' results; the single pupil stays withheld, with the reason.
  await docentPage.getByRole('button', { name: 'Ronde sluiten' }).click();
  await docentPage.getByRole('button', { name: 'Sluiten en resultaten bekijken' }).click();
  await expect(docentPage.getByRole('heading', { name: 'Resultaten', exact: true })).toBeVisible();
  await expect(docentPage.getByText(/Leerlingen: te weinig antwoorden om te tonen/).first()).toBeVisible();
  await expect(docentPage.getByText('Collega’s').first()).toBeVisible();

  // 5. They talk sooner than planned: the teamleider moves it to now, marks it held and writes the report.
  await leader.goto(conversationUrl);
  await leader.getByRole('button', { name: 'Verplaatsen' }).click();
  const moving = leader.getByRole('dialog');
  const now = amsterdamNow();
  await moving.getByRole('textbox', { name: 'Datum', exact: true }).fill(now.date);
  await moving.getByRole('textbox', { name: 'Tijd', exact: true }).fill(now.time);
  await moving.getByRole('textbox', { name: 'Reden', exact: true }).fill('We hadden allebei eerder tijd');
  await moving.getByRole('button', { name: 'Verplaatsen' }).click();
  await expect(leader.getByRole('dialog')).toBeHidden();
  await leader.getByRole('button', { name: 'Gesprek is gehouden' }).click();
  await leader.getByRole('dialog').getByRole('button', { name: 'Gesprek is gehouden' }).click();
  await leader
    .getByRole('textbox', { name: 'Wat gaat goed en moet blijven', exact: true })
    .fill('Rust in de klas en heldere uitleg.');
  await leader
    .getByRole('textbox', { name: 'Wat mag zich verder ontwikkelen', exact: true })
    .fill('Meer differentiëren in de verwerking.');
  await leader.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  await leader.getByRole('textbox', { name: 'Doel 1', exact: true }).fill('Twee niveaus in elke verwerkingsopdracht');
  await leader
    .getByRole('textbox', { name: 'Hoe merk je dat het doel bereikt is', exact: true })
    .fill('Twee lesbezoeken laten twee niveaus zien');
  await leader.getByRole('textbox', { name: 'Streefdatum', exact: true }).fill(isoDay(120));
  await leader.getByRole('button', { name: 'Verslag opslaan' }).click();
  await expect(leader.getByRole('textbox', { name: 'Doel 1', exact: true })).toHaveValue(
    'Twee niveaus in elke verwerkingsopdracht',
  );
  await expect(leader.getByRole('button', { name: 'Ondertekenen' })).toBeVisible();
  await leader.getByRole('button', { name: 'Ondertekenen' }).click();
  await leader.getByRole('dialog').getByRole('button', { name: 'Ondertekenen' }).click();
  await expect(leader.getByText(/ondertekende op/).first()).toBeVisible();

  // 6. The docent signs too; the report is locked and the agreement is in the PDF and the development plan.
  await docentPage.goto(conversationUrl);
  await expect(docentPage.getByText('Twee niveaus in elke verwerkingsopdracht').first()).toBeVisible();
  await docentPage.getByRole('button', { name: 'Ondertekenen' }).click();
  await docentPage.getByRole('dialog').getByRole('button', { name: 'Ondertekenen' }).click();
  await expect(docentPage.getByText(/Vastgelegd op/).first()).toBeVisible();

  const [download] = await Promise.all([
    docentPage.waitForEvent('download'),
    docentPage.getByRole('link', { name: 'Verslag als pdf' }).click(),
  ]);
  const file = await download.path();
  const { readFile } = await import('node:fs/promises');
  const text = (await extractText(new Uint8Array(await readFile(file)), { mergePages: true })).text.replace(
    /\s+/g,
    ' ',
  );
  expect(text).toContain('Twee niveaus in elke verwerkingsopdracht');
  expect(text).toContain('Twee lesbezoeken laten twee niveaus zien');

  await docentPage.goto('/ontwikkeling');
  await expect(docentPage.getByText('Twee niveaus in elke verwerkingsopdracht').first()).toBeVisible();
});
