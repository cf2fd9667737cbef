// `npm start`: builds the web app when its sources changed since the last build, then starts the server
// (embedded PGlite in ./data unless DATABASE_URL is set; the demo board on an empty database).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'apps', 'web');
const dist = path.join(web, 'dist');
const stamp = path.join(dist, '.source-stamp');

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

const sources = [
  path.join(web, 'src'),
  path.join(web, 'index.html'),
  path.join(web, 'vite.config.ts'),
  path.join(web, 'public'),
  path.join(root, 'packages', 'contracts', 'src'),
];
const sourceStamp = String(Math.max(...sources.map(newestMtime)));
const built =
  fs.existsSync(stamp) &&
  fs.readFileSync(stamp, 'utf8') === sourceStamp &&
  fs.existsSync(path.join(dist, 'index.html'));

if (!built) {
  process.stdout.write('Web-app bouwen (eenmalig na een wijziging)…\n');
  const r = spawnSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(stamp, sourceStamp);
}

process.env.WEB_DIST_DIR ??= dist;
await import('../apps/api/src/main.ts');
