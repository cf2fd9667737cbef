// `npm test`: system packages, lint, format, types, unit + integration tests (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), the web build and the Playwright journeys in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const env = {
  ...process.env,
  PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
};

function step(title: string, cmd: string, args: string[], extraEnv: Record<string, string> = {}): void {
  process.stdout.write(`\n▶ ${title}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    process.stdout.write(`\n✗ ${title} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status ?? 1);
  }
  process.stdout.write(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

if (want('e2e')) step('system packages', 'bash', ['scripts/system-deps.sh'], { GP_NEED_POSTGRES: '0' });
if (want('lint')) step('lint', bin('eslint'), ['.', '--max-warnings=0']);
if (want('format')) step('format', bin('prettier'), ['--check', '--log-level=warn', '.']);
if (want('types')) {
  step('types (api, contracts, scripts)', bin('tsc'), ['-p', 'tsconfig.json']);
  step('types (web)', bin('tsc'), ['-p', 'apps/web']);
}
const vitestJson = path.join(tmp, 'vitest.json');
if (want('unit')) {
  if (!process.env.TEST_DATABASE_URL) {
    process.stdout.write('\n(TEST_DATABASE_URL is not set: the integration suite runs on PGlite only)\n');
  }
  step('unit + integration tests', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ]);
}
const pwJson = path.join(tmp, 'playwright.json');
if (want('e2e')) {
  step('web build', bin('vite'), ['build', 'apps/web', '--logLevel', 'warn']);
  step('browser journeys (Playwright, Chromium)', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
}

// One closing line that any CI can read.
let passed = 0;
let failed = 0;
let skipped = 0;
if (want('unit') && fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
  };
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests;
}
if (want('e2e') && fs.existsSync(pwJson)) {
  const p = JSON.parse(fs.readFileSync(pwJson, 'utf8')) as {
    stats: { expected: number; unexpected: number; skipped: number; flaky: number };
  };
  passed += p.stats.expected;
  failed += p.stats.unexpected + p.stats.flaky;
  skipped += p.stats.skipped;
}
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failed > 0 ? 1 : 0);
