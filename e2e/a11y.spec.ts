import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { apiSession, errorCsv, sendCsv, signedInPage, staffCsv, tokenFrom, uniqueStamp, USERS } from './helpers.ts';

const VIEWPORTS = [
  { name: 'desktop', size: { width: 1440, height: 900 } },
  { name: 'phone', size: { width: 390, height: 844 } },
] as const;

type Target = { name: string; path: string; user?: keyof typeof USERS; prepare?: (page: Page) => Promise<void> };

type Ids = {
  docentId: string;
  inviteToken: string;
  conversationId: string;
  roundId: string;
  answerToken: string;
  questionnaireId: string;
};
let ids: Ids | null = null;

/** Runs axe and returns the serious or critical violations, printed so a failure says what to fix. */
async function checkPage(page: Page, label: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  // Let Mantine's transitions finish so colours are measured at rest.
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    console.log(
      `axe on ${label}:\n` +
        bad
          .map(
            (v) =>
              `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`,
          )
          .join('\n'),
    );
  }
  return bad.map((v) => `${label}: ${v.id} (${v.nodes.length})`);
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const admin = await apiSession(request, USERS.beheer);
  const docent = await admin.get<{ items: { id: string }[] }>(
    `/api/admin/people?search=${encodeURIComponent(USERS.docent)}`,
  );
  const invitee = await admin.createPerson('Axe');
  await admin.post(`/api/admin/people/${invitee.id}/invitation`, {});
  const mails = await admin.outboxFor(invitee.email);
  await admin.logout();

  // A conversation and a closed feedback round of the demo docent, and an open round with an outsider's link.
  const docentApi = await apiSession(request, USERS.docent);
  const conversations = await docentApi.get<{ items: { id: string }[] }>('/api/conversations?role=employee&when=all');
  const rounds = await docentApi.get<{ items: { id: string; status: string }[] }>('/api/feedback/rounds');
  const questionnaires = await docentApi.get<{ items: { id: string }[] }>(
    '/api/feedback/questionnaires?status=published',
  );
  const round = await docentApi.post<{ id: string }>('/api/feedback/rounds', {
    questionnaireId: questionnaires.items[0]?.id,
    title: 'Feedback voor de toegankelijkheidstest',
    message: '',
    closesOn: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
  });
  const outsider = `axe-${uniqueStamp()}@e2e.groeipad.nl`;
  await docentApi.post(`/api/feedback/rounds/${round.id}/invitations`, {
    raterGroup: 'collega',
    invitees: [{ name: 'Axe Buiten', email: outsider }],
  });
  await docentApi.logout();
  const admin2 = await apiSession(request, USERS.beheer);
  const link = (await admin2.outboxFor(outsider))[0]?.text.match(/\/feedback\/geven\/([A-Za-z0-9_-]+)/)?.[1] ?? '';
  await admin2.logout();
  ids = {
    docentId: docent.items[0]?.id ?? '',
    inviteToken: tokenFrom(mails[0]),
    conversationId: conversations.items[0]?.id ?? '',
    roundId: rounds.items.find((r) => r.status === 'closed')?.id ?? '',
    answerToken: link,
    questionnaireId: questionnaires.items[0]?.id ?? '',
  };
  await request.dispose();
});

function targets(): Target[] {
  const { docentId, inviteToken, conversationId, roundId, answerToken, questionnaireId } =
    ids ??
    ({
      docentId: '',
      inviteToken: '',
      conversationId: '',
      roundId: '',
      answerToken: '',
      questionnaireId: '',
    } satisfies Ids);
  return [
    { name: 'login', path: '/inloggen' },
    {
      name: 'login with error',
      path: '/inloggen',
      prepare: async (page) => {
        await page.getByLabel('E-mailadres').fill('niemand@e2e.groeipad.nl');
        await page.getByLabel('Wachtwoord').fill('fout-wachtwoord');
        await page.getByRole('button', { name: 'Inloggen' }).click();
        await expect(page.getByRole('alert')).toBeVisible();
      },
    },
    { name: 'login after a refused SSO sign-in', path: '/inloggen?sso=no_account' },
    { name: 'forgot password', path: '/wachtwoord-vergeten' },
    { name: 'set password (expired link)', path: '/wachtwoord-instellen?token=00000000000000000000000000' },
    { name: 'set password (form)', path: `/wachtwoord-instellen?token=${encodeURIComponent(inviteToken)}` },
    { name: 'home (docent)', path: '/', user: 'docent' },
    { name: 'mijn gegevens', path: '/mijn-gegevens', user: 'docent' },
    { name: 'ontwikkeling', path: '/ontwikkeling', user: 'docent' },
    { name: 'team', path: '/team', user: 'docent' },
    { name: 'gesprekken', path: '/gesprekken', user: 'docent' },
    { name: 'netwerken', path: '/netwerken', user: 'docent' },
    { name: 'home (teamleider)', path: '/', user: 'teamleider' },
    { name: 'school', path: '/school', user: 'beheer' },
    { name: 'conversation (docent)', path: `/gesprekken/${conversationId}`, user: 'docent' },
    { name: 'plan a conversation', path: '/gesprekken/plannen', user: 'teamleider' },
    { name: 'team cycle overview', path: '/gesprekken/team', user: 'teamleider' },
    { name: 'team development', path: '/ontwikkeling/team', user: 'teamleider' },
    { name: 'feedback rounds', path: '/feedback', user: 'docent' },
    { name: 'feedback results', path: `/feedback/${roundId}`, user: 'docent' },
    { name: 'feedback answer form (outsider)', path: `/feedback/geven/${answerToken}` },
    { name: 'feedback answer (unknown link)', path: '/feedback/geven/onbekende-link' },
    { name: 'school coverage', path: '/school', user: 'directeur' },
    { name: 'cycle configuration', path: '/school/gesprekscyclus', user: 'directeur' },
    { name: 'questionnaires', path: '/school/vragenlijsten', user: 'directeur' },
    { name: 'questionnaire builder', path: `/school/vragenlijsten/${questionnaireId}`, user: 'directeur' },
    { name: 'people list', path: '/beheer/medewerkers', user: 'beheer' },
    {
      name: 'new person form',
      path: '/beheer/medewerkers',
      user: 'beheer',
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Nieuwe medewerker' }).first().click();
        await expect(page.getByRole('dialog')).toBeVisible();
      },
    },
    { name: 'person page', path: `/beheer/medewerkers/${docentId}`, user: 'beheer' },
    {
      name: 'schools and teams',
      path: '/beheer/scholen',
      user: 'beheer',
      prepare: async (page) => {
        await page.getByRole('button', { name: /Oostland College/ }).click();
        await expect(page.getByRole('cell', { name: 'Exact', exact: true })).toBeVisible();
      },
    },
    { name: 'outbox', path: '/beheer/e-mail', user: 'beheer' },
    { name: 'audit log', path: '/beheer/audit', user: 'beheer' },
    { name: 'import: file', path: '/beheer/import', user: 'beheer' },
    {
      name: 'import: mapping',
      path: '/beheer/import',
      user: 'beheer',
      prepare: (page) => sendCsv(page, 'personeel.csv', staffCsv(uniqueStamp())),
    },
    {
      name: 'import: preview with errors',
      path: '/beheer/import',
      user: 'beheer',
      prepare: async (page) => {
        await sendCsv(page, 'met-fout.csv', errorCsv(uniqueStamp()));
        await page.getByRole('button', { name: 'Voorvertoning bekijken' }).click();
        await expect(page.getByText(/fout in het bestand/)).toBeVisible();
      },
    },
    {
      name: 'import: confirm',
      path: '/beheer/import',
      user: 'beheer',
      prepare: async (page) => {
        await sendCsv(page, 'personeel.csv', staffCsv(uniqueStamp()));
        await page.getByRole('button', { name: 'Voorvertoning bekijken' }).click();
        await page.getByRole('button', { name: 'Importeren', exact: true }).click();
        await expect(page.getByRole('dialog', { name: 'Import uitvoeren?' })).toBeVisible();
      },
    },
    {
      name: 'import: result',
      path: '/beheer/import',
      user: 'beheer',
      prepare: async (page) => {
        await sendCsv(page, 'personeel.csv', staffCsv(uniqueStamp()));
        await page.getByRole('button', { name: 'Voorvertoning bekijken' }).click();
        await page.getByRole('button', { name: 'Importeren', exact: true }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Ja, importeren' }).click();
        await expect(page.getByRole('heading', { level: 2, name: 'De import is klaar' })).toBeVisible();
      },
    },
    { name: 'sso settings (empty)', path: '/beheer/sso', user: 'beheer' },
    {
      name: 'sso settings (form)',
      path: '/beheer/sso',
      user: 'beheer',
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Single sign-on instellen' }).click();
        await expect(page.getByLabel('Directory-id (tenant-id)')).toBeVisible();
      },
    },
    {
      name: 'user menu',
      path: '/',
      user: 'beheer',
      prepare: async (page) => page.getByRole('button', { name: /Menu van/ }).click(),
    },
  ];
}

for (const viewport of VIEWPORTS) {
  test.describe(`axe at ${viewport.name}`, () => {
    test(`every page has no serious or critical violations (${viewport.name})`, async ({ browser }) => {
      test.setTimeout(240_000);
      const found: string[] = [];
      for (const target of targets()) {
        const page = target.user
          ? await signedInPage(browser, USERS[target.user], { viewport: viewport.size })
          : await (await browser.newContext({ viewport: viewport.size })).newPage();
        await page.goto(target.path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (target.prepare) await target.prepare(page);
        found.push(...(await checkPage(page, `${target.name} @ ${viewport.name}`)));
        await page.context().close();
      }
      expect(found).toEqual([]);
    });
  });
}
