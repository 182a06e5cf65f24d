/**
 * What a new user meets when starting the built server (issue #20, "the first hour"): a busy port
 * is one line naming it and how to choose another; `--version`; a start message whose paths exist.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../server/config/load.js';
import { spawnSandbox } from '../helpers/spawn-server.js';

const run = promisify(execFile);
const MAIN = join(PROJECT_ROOT, 'dist/server/main.js');

test('a port already in use: one line naming it and how to choose another, exit 1, the other sandbox untouched', async () => {
  const first = await spawnSandbox({ DOKU_DB_FILE: ':memory:' });
  const port = new URL(first.url).port;
  const second = await run(process.execPath, [MAIN], {
    env: { ...process.env, PORT: port, HOST: '127.0.0.1', DOKU_DB_FILE: ':memory:' },
  }).catch((e: { code: number; stdout: string; stderr: string }) => e);
  expect((second as { code: number }).code).toBe(1);
  const out = `${(second as { stdout: string }).stdout}${(second as { stderr: string }).stderr}`.trim();
  expect(out).toBe(
    `doku-sandbox: cannot listen on 127.0.0.1:${port}: the port is already in use (another doku-sandbox?). Choose another port: PORT=${Number(port) + 1} npm start, or doku-sandbox --port ${Number(port) + 1}.`,
  );
  expect((await fetch(`${first.url}/__mock/health`)).status).toBe(200);
  first.child.kill('SIGTERM');
  await first.exited;
});

test('doku-sandbox --version prints the package version', async () => {
  const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  const { stdout } = await run(process.execPath, [join(PROJECT_ROOT, 'dist/server/cli.js'), '--version']);
  expect(stdout).toBe(`doku-sandbox ${version}\n`);
});

test('the start message names the demo files by paths that exist, and how to try the flow', async () => {
  const s = await spawnSandbox({ DOKU_DB_FILE: ':memory:', DOKU_LOG_LEVEL: 'info' });
  s.child.kill('SIGTERM');
  await s.exited;
  const out = s.output();
  expect(out).toContain(join(PROJECT_ROOT, 'fixtures', 'keys', 'demo-merchant.TEST-ONLY.private.pem'));
  expect(out).toContain(join(PROJECT_ROOT, 'fixtures', 'demo-merchant.json'));
  // a clone: the example script is a package script here, told where this sandbox listens
  expect(out).toContain(`DOKU_BASE_URL=${s.url} npm run example`);
  expect(out).toMatch(/dashboard: http:\/\/127\.0\.0\.1:\d+\/__mock\/ui/);
});

test("the start message prints DOKU's public key, the one /__mock/doku-public-key serves", async () => {
  const s = await spawnSandbox({ DOKU_DB_FILE: ':memory:', DOKU_LOG_LEVEL: 'info' });
  const served = (await (await fetch(`${s.url}/__mock/doku-public-key`)).text()).trim();
  s.child.kill('SIGTERM');
  await s.exited;
  expect(served).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----$/);
  expect(s.output().replaceAll('\\n', '\n')).toContain(served);
});

test('an empty scenarios folder starts with a warning naming it, not silently', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'no-scenarios-'));
  const s = await spawnSandbox({ DOKU_DB_FILE: ':memory:', DOKU_SCENARIOS_DIR: empty });
  s.child.kill('SIGTERM');
  await s.exited;
  expect(s.output()).toContain(`warning: no scenario files (*.json) in ${empty}`);
});
