import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, BackupError } from '../platform/backup/index.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import {
  describeDatabase,
  formatSummary,
  loadConfig,
  openConfiguredDatabase,
  parseCommandLine,
  printProgress,
  runCommand,
} from './cli-support.ts';

const USAGE = `Gebruik: npm run backup -- <bestand> [--force]

Schrijft alle gegevens van Groeipad naar <bestand> (gzip'd JSON-regels, bijvoorbeeld groeipad.backup.gz).
De database komt uit dezelfde omgeving als die van de server: DATABASE_URL (PostgreSQL), anders PGlite
in GROEIPAD_DATA_DIR (standaard ./data).

  --force   een bestaand bestand overschrijven
  --help    deze uitleg

PostgreSQL: de back-up kan terwijl de server draait (één consistente momentopname).
PGlite: stop de server eerst; de datamap kan maar door één proces tegelijk geopend worden.
Zie docs/operations/backup.md.`;

runCommand(USAGE, async () => {
  const args = parseCommandLine(process.argv.slice(2), ['force']);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const file = path.resolve(args.file);
  if (fs.existsSync(file) && !args.values.force) {
    throw new BackupError(`Het bestand ${file} bestaat al. Kies een andere naam, of overschrijf het met --force.`);
  }
  if (!fs.existsSync(path.dirname(file))) throw new BackupError(`De map ${path.dirname(file)} bestaat niet.`);
  const config = loadConfig();
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pglite'))) {
    throw new BackupError(
      `Er staat geen Groeipad-database in ${config.dataDir}. Zet GROEIPAD_DATA_DIR (of DATABASE_URL) zoals voor de server.`,
    );
  }
  process.stdout.write(`Back-up van ${describeDatabase(config)} naar ${file}\n`);
  let database;
  try {
    database = await openConfiguredDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      throw new BackupError(
        `${err.message}\nDraait de server op deze datamap? Stop hem eerst: een back-up van PGlite kan alleen ` +
          'als de server niet draait.',
      );
    }
    throw err;
  }
  try {
    const summary = await backupDatabase(database, file, printProgress());
    process.stdout.write(`Back-up klaar: ${formatSummary(summary)}.\n`);
  } finally {
    await database.close();
  }
});
