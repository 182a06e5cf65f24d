#!/usr/bin/env node
/**
 * The server as one file, then V8's code cache of it, because cold start is dominated by loading
 * code: resolving and compiling ~400 files of express, zod, jose, faker and lowdb cost more than
 * the sandbox's own start, and compiling the bundle itself was a quarter of what remained
 * (docs/performance.md, "Cold start"). Runs after tsc, over its output:
 *
 *   dist/server/bundle.cjs        the whole server, CommonJS (vm.Script can take a code cache)
 *   dist/server/main.js           server/load-bundle.ts: runs the bundle from the cache
 *   dist/server/bundle.cjs.cache  written by one warm-up start of the server (below)
 *
 * pino-pretty stays outside: it is loaded from node_modules only when stdout is a terminal
 * (server/logger.ts). The rest of dist/ (tsc's per-file output) is still what the scripts import.
 */
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { copyFileSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** The V8 flags the cache is made for: `npm start`'s and the Docker image's (test/reliability/code-cache.test.ts). */
import { SANDBOX_NODE_FLAGS } from './node-flags.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const BUNDLE = `${ROOT}dist/server/bundle.cjs`;
const CACHE = `${BUNDLE}.cache`;

await build({
  absWorkingDir: ROOT,
  entryPoints: ['server/main.ts'],
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['pino-pretty'],
  minify: process.env.BUNDLE_MINIFY !== '0',
  keepNames: process.env.BUNDLE_KEEPNAMES === '1',
  sourcemap: 'linked',
  legalComments: 'external',
  logLevel: 'warning',
  // server/load-bundle.ts passes the bundle's own file URL under this name
  define: { 'import.meta.url': '__importMetaUrl' },
});
copyFileSync(`${ROOT}dist/server/load-bundle.js`, `${ROOT}dist/server/main.js`);
rmSync(CACHE, { force: true });
await warmUp();

/**
 * Starts the built server once (free port, memory store, no inherited settings), asks for its health,
 * stops it with SIGTERM; on exit the loader writes the code cache of everything compiled so far.
 */
async function warmUp() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DOKU_|PORT$|HOST$|NODE_OPTIONS$)/.test(k)));
  Object.assign(env, { PORT: '0', HOST: '127.0.0.1', DOKU_DB_FILE: ':memory:', DOKU_LOG_LEVEL: 'info', DOKU_CODE_CACHE_OUT: CACHE });
  const child = spawn(process.execPath, [...SANDBOX_NODE_FLAGS, `${ROOT}dist/server/main.js`], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      const port = line.startsWith('{') ? JSON.parse(line).port : undefined;
      if (port === undefined) continue;
      const res = await fetch(`http://127.0.0.1:${port}/__mock/health`);
      if (!res.ok) throw new Error(`warm-up: health answered ${res.status}`);
      break;
    }
  } finally {
    child.kill('SIGTERM');
    child.stdout.resume();
  }
  const code = await exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`warm-up start of the bundle failed (exit ${code})`);
  statSync(CACHE); // throws when the loader wrote no cache
}
