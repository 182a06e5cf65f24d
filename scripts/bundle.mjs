#!/usr/bin/env node
/**
 * The server as one file (dist/server/main.js, over tsc's own output), because cold start is
 * dominated by module loading: resolving and compiling ~400 ESM/CJS files of express, zod, jose,
 * faker and lowdb cost more than the sandbox's own start (docs/performance.md, "Cold start").
 * pino-pretty stays outside: it is loaded from node_modules only when stdout is a terminal
 * (server/logger.ts). The rest of dist/ (tsc's per-file output) is still what the scripts import;
 * only the entry point changes.
 */
import { build } from 'esbuild';

const ROOT = new URL('..', import.meta.url).pathname;
await build({
  absWorkingDir: ROOT,
  entryPoints: ['server/main.ts'],
  outfile: 'dist/server/main.js',
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['pino-pretty'],
  minify: process.env.BUNDLE_MINIFY !== '0',
  keepNames: process.env.BUNDLE_KEEPNAMES === '1',
  sourcemap: 'linked',
  legalComments: 'external',
  logLevel: 'warning',
  // CommonJS dependencies (express and its family) call require(): give the ES module one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
