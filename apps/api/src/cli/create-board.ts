// `npm run board:create -- --name "Stichting …" --slug kort --email beheer@school.nl --first-name Anna --last-name Smit`
// A fresh installation starts here: a board, its first beheerder, and an invitation link to choose a password.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BoardSetupInput } from '@groeipad/contracts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { migrateDatabase } from '../platform/db/client.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { AppError } from '../platform/http/errors.ts';
import { createMailer } from '../platform/mail/mailer.ts';
import { issueInvitation } from '../modules/auth/index.ts';
import { createBoardWithAdmin } from '../modules/organisation/index.ts';
import { describeDatabase, openConfiguredDatabase } from './cli-support.ts';

const HELP = `Maakt een bestuur aan met de eerste beheerder, en een uitnodiging om een wachtwoord te kiezen.

  npm run board:create -- --name "Stichting Voorbeeld" --slug voorbeeld \\
      --email beheer@voorbeeld.nl --first-name Anna [--infix van] --last-name Smit

De database komt uit dezelfde omgeving als de server (DATABASE_URL, of PGlite in GROEIPAD_DATA_DIR).
Stop bij PGlite eerst de server. Zonder SMTP_URL staat de uitnodiging ook in de uitgaande e-mail.`;

z.config(z.locales.nl());

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      email: { type: 'string' },
      'first-name': { type: 'string' },
      infix: { type: 'string' },
      'last-name': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const parsed = BoardSetupInput.safeParse({
    name: values.name,
    slug: values.slug,
    admin: {
      firstName: values['first-name'],
      infix: values.infix ?? null,
      lastName: values['last-name'],
      email: values.email,
    },
  });
  if (!parsed.success) {
    const flag: Record<string, string> = {
      name: '--name',
      slug: '--slug',
      'admin.email': '--email',
      'admin.firstName': '--first-name',
      'admin.lastName': '--last-name',
      'admin.infix': '--infix',
    };
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      process.stderr.write(`${flag[key] ?? key}: ${issue.code === 'invalid_type' ? 'ontbreekt' : issue.message}\n`);
    }
    process.stderr.write('\nZie --help.\n');
    return 1;
  }
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  try {
    await migrateDatabase(database);
    const { adminId } = await createBoardWithAdmin(database.db, parsed.data);
    const link = await issueInvitation({ db: database.db, now: new Date(), config, mailer }, adminId, null);
    process.stdout.write(
      [
        `Bestuur "${parsed.data.name}" aangemaakt in ${describeDatabase(config)}.`,
        `Beheerder: ${parsed.data.admin.email}. Een uitnodiging is ${config.smtpUrl ? 'gemaild' : 'in de uitgaande e-mail gezet'}.`,
        'Met deze link kiest de beheerder een wachtwoord (één keer te gebruiken, twee weken geldig):',
        `  ${link}`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    mailer.close();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof AppError || err instanceof ConfigError || err instanceof DataDirLockedError) {
      process.stderr.write(`${err.message}\n`);
    } else {
      process.stderr.write(`Bestuur aanmaken mislukt: ${(err as Error).stack ?? String(err)}\n`);
    }
    process.exit(1);
  },
);
