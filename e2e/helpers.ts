import { expect, type APIRequestContext, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'groeipad-demo';
export const USERS = {
  beheer: 'beheer@demo.groeipad.nl',
  directeur: 'directeur@demo.groeipad.nl',
  teamleider: 'teamleider@demo.groeipad.nl',
  docent: 'docent@demo.groeipad.nl',
} as const;

export type OutboxMessage = { id: string; to: string; subject: string; text: string; createdAt: string };
type PersonDetail = { id: string; email: string; displayName: string; version: number };

/** Logs in through the login page and waits for the home page. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Goede(morgen|middag|navond), / })).toBeVisible();
}

const states = new Map<string, BrowserContextOptions['storageState']>();

/**
 * A signed-in browser context; logs in once per user per worker to stay far below the login rate limit. A kept
 * session can have ended since (a password reset ends all of a person's sessions): then it logs in again.
 */
export async function signedInPage(
  browser: Browser,
  email: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const kept = states.get(email);
  if (kept) {
    const context = await browser.newContext({ ...options, storageState: kept });
    if ((await context.request.get('/api/me')).ok()) return context.newPage();
    await context.close();
    states.delete(email);
  }
  const loginContext = await browser.newContext();
  await login(await loginContext.newPage(), email);
  const state = await loginContext.storageState();
  states.set(email, state);
  await loginContext.close();
  const context = await browser.newContext({ ...options, storageState: state });
  return context.newPage();
}

/** An API session for setting up data: logs in and returns a JSON client with the CSRF token. */
export async function apiSession(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const loginResponse = await request.post('/api/auth/login', { data: { email, password } });
  expect(loginResponse.status(), await loginResponse.text()).toBe(200);
  const me = (await (await request.get('/api/me')).json()) as { csrfToken: string; id: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    me,
    async get<T>(url: string): Promise<T> {
      const r = await request.get(url);
      expect(r.ok(), `${url}: ${await r.text()}`).toBeTruthy();
      return (await r.json()) as T;
    },
    async post<T>(url: string, data: unknown): Promise<T> {
      const r = await request.post(url, { data, headers });
      expect(r.ok(), `${url}: ${await r.text()}`).toBeTruthy();
      return (await r.json()) as T;
    },
    async createPerson(prefix: string): Promise<PersonDetail> {
      const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
      return this.post<PersonDetail>('/api/admin/people', {
        firstName: 'Test',
        lastName: `${prefix} ${stamp}`,
        email: `${prefix.toLowerCase()}-${stamp}@e2e.groeipad.nl`,
        jobTitle: 'Docent biologie',
      });
    },
    async outboxFor(to: string): Promise<OutboxMessage[]> {
      const page = await this.get<{ items: OutboxMessage[] }>('/api/admin/outbox?pageSize=200');
      return page.items.filter((m) => m.to === to);
    },
    async logout(): Promise<void> {
      await request.post('/api/auth/logout', { data: {}, headers });
    },
  };
}

/** The one-time token from the newest mail to an address (invitation or reset). */
export function tokenFrom(message: OutboxMessage | undefined): string {
  const match = message?.text.match(/token=([A-Za-z0-9_%-]+)/);
  if (!match?.[1]) throw new Error(`No token in mail: ${message?.text ?? '(no mail)'}`);
  return decodeURIComponent(match[1]);
}

// --- staff import -------------------------------------------------------------------------

const HEADER = 'personeelsnummer;voornaam;tussenvoegsel;achternaam;e-mail;school;team;functie;leidinggevende';

/** A semicolon-separated staff file with unique numbers and addresses; one manager is another row. */
export function staffCsv(stamp: string): string {
  return [
    HEADER,
    `T${stamp}1;Anouk;van;Dijk${stamp};anouk.${stamp}@e2e.groeipad.nl;Oostland College;Exact;Teamleider;`,
    `T${stamp}2;Chloë;;Brouwer${stamp};chloe.${stamp}@e2e.groeipad.nl;Oostland College;Exact;Docent wiskunde;T${stamp}1`,
    `T${stamp}3;Sem;de;Vries${stamp};sem.${stamp}@e2e.groeipad.nl;Oostland College;Exact;Onderwijsassistent;anouk.${stamp}@e2e.groeipad.nl`,
    '',
  ].join('\r\n');
}

export function errorCsv(stamp: string): string {
  return [
    HEADER,
    `F${stamp}1;Piet;;Fout${stamp};geen-mailadres;Oostland College;Exact;Docent;`,
    `F${stamp}2;Lotte;;Goed${stamp};lotte.${stamp}@e2e.groeipad.nl;Oostland College;Exact;Docent;`,
    '',
  ].join('\n');
}

/** Sends a file on the import page's first step and waits for the mapping step. */
export async function sendCsv(page: Page, name: string, content: string): Promise<void> {
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await expect(page.getByRole('heading', { level: 2, name: 'Koppel de kolommen' })).toBeVisible();
}

/** Opens the import page and sends a file. */
export async function uploadCsv(page: Page, name: string, content: string): Promise<void> {
  await page.goto('/beheer/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Personeel importeren' })).toBeVisible();
  await sendCsv(page, name, content);
}

/** A short unique number for names, e-mail addresses and personeelsnummers. */
export function uniqueStamp(): string {
  return `${Date.now()}`.slice(-7) + String(Math.floor(Math.random() * 100)).padStart(2, '0');
}
