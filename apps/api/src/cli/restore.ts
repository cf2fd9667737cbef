import path from 'node:path';
import { assertRestorable, readBackupHeader, restoreDatabase } from '../platform/backup/index.ts';
import {
  describeDatabase,
  formatSummary,
  loadConfig,
  openConfiguredDatabase,
  parseCommandLine,
  printProgress,
  runCommand,
} from './cli-support.ts';

const USAGE = `Gebruik: npm run restore -- <bestand>

Zet een back-up van Groeipad terug in een LEGE database: die uit dezelfde omgeving als de server,
DATABASE_URL (PostgreSQL), anders PGlite in GROEIPAD_DATA_DIR (standaard ./data; een nieuwe map mag).
Eerst worden de migraties van deze versie toegepast; daarna gaan alle rijen in één transactie erin
(alles of niets). Een back-up van PGlite kan in PostgreSQL worden teruggezet en andersom.

  --help    deze uitleg

Start de server pas na het terugzetten (anders maakt hij een demobestuur aan en is de database niet leeg).
Zie docs/operations/backup.md.`;

runCommand(USAGE, async () => {
  const args = parseCommandLine(process.argv.slice(2), []);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const file = path.resolve(args.file);
  const header = await readBackupHeader(file);
  assertRestorable(header);
  const config = loadConfig();
  process.stdout.write(
    `Terugzetten van ${file} (${header.database}, gemaakt ${header.createdAt}) in ${describeDatabase(config)}\n`,
  );
  const database = await openConfiguredDatabase(config);
  try {
    const summary = await restoreDatabase(database, file, printProgress());
    process.stdout.write(`Terugzetten klaar: ${formatSummary(summary)}.\n`);
  } finally {
    await database.close();
  }
});
