/**
 * The build's code cache (server/load-bundle.ts, scripts/bundle.mjs): `npm start` and the Docker
 * image run with the V8 flags the cache was made for, so it is used; any other flags, or a cache
 * that does not belong to the bundle beside it, fall back to compiling, and the server still serves.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../../server/config/load.js';
import { spawnSandbox, type Spawned } from '../helpers/spawn-server.js';
import { SANDBOX_NODE_FLAGS } from '../../scripts/node-flags.mjs';

const DIST = join(PROJECT_ROOT, 'dist/server');

/** The flags `npm start` (scripts/start.mjs) runs the server with. */
function startFlags(): string[] {
  return [...SANDBOX_NODE_FLAGS];
}

/** The "listening" log line (pino writes lines in batches: wait for it), once the server is stopped. */
async function listeningLine(s: Spawned): Promise<Record<string, unknown>> {
  s.child.kill('SIGTERM');
  expect((await s.exited).code).toBe(0);
  const line = s
    .output()
    .split('\n')
    .find((l) => l.includes('listening on'));
  return JSON.parse(line!) as Record<string, unknown>;
}

async function start(opts: { nodeFlags?: string[]; entry?: string }): Promise<Record<string, unknown>> {
  const s = await spawnSandbox({ DOKU_DB_FILE: ':memory:', DOKU_LOG_LEVEL: 'info' }, opts);
  const health = await fetch(`${s.url}/__mock/health`);
  expect(health.status).toBe(200);
  const line = await listeningLine(s);
  expect(line.port).toBe(Number(new URL(s.url).port));
  expect(typeof line.startupMs).toBe('number');
  return line;
}

describe('code cache', () => {
  test('the Docker image runs with the same V8 flags as npm start', () => {
    const docker = readFileSync(join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
    const entrypoint = JSON.parse(/^ENTRYPOINT (\[.*\])$/m.exec(docker)![1]!) as string[];
    expect(entrypoint).toEqual(['node', ...startFlags(), 'dist/server/main.js']);
  });

  test("with npm start's flags the build's cache is used", async () => {
    expect((await start({ nodeFlags: startFlags() })).codeCache).toBe('used');
  });

  test('with other V8 flags V8 rejects it and the bundle is compiled as usual', async () => {
    expect((await start({ nodeFlags: [] })).codeCache).toBe('rejected');
  });

  test('a cache made for another bundle is not handed to V8 (V8 itself only compares lengths)', async () => {
    const dir = join(PROJECT_ROOT, 'dist', `stale-cache-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      for (const f of ['main.js', 'bundle.cjs']) copyFileSync(join(DIST, f), join(dir, f));
      const cache = readFileSync(join(DIST, 'bundle.cjs.cache'));
      cache[0] = cache[0]! ^ 0xff; // the bundle's SHA-256 comes first
      writeFileSync(join(dir, 'bundle.cjs.cache'), cache);
      expect((await start({ nodeFlags: startFlags(), entry: join(dir, 'main.js') })).codeCache).toBe('stale');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('PORT=0 binds a free port, and the listening line names it', async () => {
    const child = spawn(process.execPath, [join(DIST, 'main.js')], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DOKU_DB_FILE: ':memory:', DOKU_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let port: number | undefined;
      for await (const line of createInterface({ input: child.stdout! })) {
        port = line.includes('listening on') ? (JSON.parse(line) as { port: number }).port : undefined;
        if (port) break;
      }
      expect(port).toBeGreaterThan(0);
      expect((await fetch(`http://127.0.0.1:${port}/__mock/health`)).status).toBe(200);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
