/**
 * `dist/server/main.js` of a build (scripts/bundle.mjs copies this file there): runs the bundled
 * server, `dist/server/bundle.cjs`, from V8's code cache when one matches. Compiling the 1.9 MB
 * bundle was a quarter of a cold start, and Node 20 keeps no compile cache of its own
 * (docs/performance.md, "Cold start").
 *
 * `bundle.cjs.cache` is written by the build itself (one warm-up start with
 * `DOKU_CODE_CACHE_OUT`, so the functions run while starting are in it, not only the top level).
 * It begins with the bundle's SHA-256, because V8 only checks that the source has the same length.
 * V8 rejects the cache when the process runs with other V8 flags than the build's (those of
 * `npm start` and the Docker image); the bundle is then compiled as any script is. Either way the
 * outcome is the `codeCache` field of the "listening" log line. Runtime never writes the cache.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

export type CodeCacheOutcome = 'used' | 'rejected' | 'stale' | 'none';
type Wrapper = (exports: object, require: NodeRequire, module: object, filename: string, dirname: string, importMetaUrl: string) => void;

const dir = dirname(fileURLToPath(import.meta.url));
const file = join(dir, 'bundle.cjs');

/** Compiles the bundle, from the cache when it belongs to it. In a function: the file buffers are garbage once it returns. */
function compile(): { script: Script; digest: Buffer; outcome: CodeCacheOutcome } {
  const bytes = readFileSync(file);
  // A minified bundle is ASCII (esbuild escapes the rest): Latin-1 then reads it exactly, without UTF-8 decoding.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const digest = createHash('sha256').update(bytes).digest();
  const cache = readCache(digest);
  // CommonJS's own wrapper, plus the module URL the bundle's `import.meta.url` was replaced with.
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __importMetaUrl) {\n${source}\n})`, {
    filename: file,
    lineOffset: -1,
    cachedData: cache.data,
  });
  return { script, digest, outcome: cache.data && script.cachedDataRejected ? 'rejected' : cache.outcome };
}

function readCache(digest: Buffer): { data?: Buffer; outcome: CodeCacheOutcome } {
  let raw: Buffer;
  try {
    raw = readFileSync(`${file}.cache`);
  } catch {
    return { outcome: 'none' };
  }
  return raw.subarray(0, digest.length).equals(digest) ? { data: raw.subarray(digest.length), outcome: 'used' } : { outcome: 'stale' };
}

const { script, digest, outcome } = compile();
(globalThis as Record<symbol, unknown>)[Symbol.for('doku-sandbox.codeCache')] = outcome;

const out = process.env.DOKU_CODE_CACHE_OUT;
if (out) process.once('exit', () => writeFileSync(out, Buffer.concat([digest, script.createCachedData()])));

const module = { exports: {} };
(script.runInThisContext() as Wrapper)(module.exports, createRequire(file), module, file, dir, pathToFileURL(file).href);
