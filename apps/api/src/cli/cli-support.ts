import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/client.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { BackupError, type BackupSummary, type OnProgress } from '../platform/backup/index.ts';

export class UsageError extends Error {}

/** `<file>` plus the given boolean flags; --help is always there. */
export function parseCommandLine(argv: string[], flags: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: Object.fromEntries([...flags, 'help'].map((f) => [f, { type: 'boolean' as const }])),
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const values = parsed.values as Record<string, boolean | undefined>;
  if (values.help) return { help: true, file: '', values };
  if (parsed.positionals.length !== 1) throw new UsageError('Geef precies één bestand op.');
  return { help: false, file: parsed.positionals[0]!, values };
}

export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `PGlite in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
}

const nl = new Intl.NumberFormat('nl-NL');
const nl1 = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${nl1.format(n / 1024)} kB`;
  if (n < 1024 ** 3) return `${nl1.format(n / 1024 ** 2)} MB`;
  return `${nl1.format(n / 1024 ** 3)} GB`;
}

/** One line per table when it is done, on stdout. */
export function printProgress(): OnProgress {
  return (p) => {
    if (p.done) process.stdout.write(`  ${p.table.padEnd(32)} ${nl.format(p.rows).padStart(10)} rijen\n`);
  };
}

export function formatSummary(s: BackupSummary): string {
  return `${nl.format(s.tables)} tabellen, ${nl.format(s.rows)} rijen, ${formatBytes(s.bytes)}, ${nl1.format(s.seconds)} s`;
}

/** Runs a command: known refusals print their message, anything else its stack; exit code 0 or 1. */
export function runCommand(usage: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      if (err instanceof UsageError) {
        process.stderr.write(`\n${err.message}\n\n${usage}\n`);
      } else if (err instanceof BackupError || err instanceof ConfigError || err instanceof DataDirLockedError) {
        process.stderr.write(`\n${err.message}\n\n`);
      } else {
        process.stderr.write(`\nOnverwachte fout: ${(err as Error).stack ?? String(err)}\n\n`);
      }
      process.exit(1);
    },
  );
}

export { loadConfig };
