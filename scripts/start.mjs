#!/usr/bin/env node
/**
 * `npm start`: builds only when the build is missing or older than its sources, then runs the
 * built server, and passes SIGTERM and SIGINT on to it. npm runs scripts through `sh -c`, and sh dies on npm's SIGTERM
 * without passing it on: the script is therefore `exec node scripts/start.mjs`, so the signal
 * reaches this process, which stops the server (it writes its state) and exits with its code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const BUILT = join(ROOT, 'dist/server/main.js');
const SOURCES = ['server', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

const newest = (path) => {
  const stat = statSync(join(ROOT, path));
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(join(ROOT, path)).map((entry) => newest(join(path, entry))));
};

if (!existsSync(BUILT) || Math.max(...SOURCES.map(newest)) > statSync(BUILT).mtimeMs) {
  console.error('doku-sandbox: building (the build is missing or older than server/)…');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [join(ROOT, 'dist/server/main.js')], { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + ({ SIGTERM: 15, SIGINT: 2 }[signal] ?? 1) : 1)));
