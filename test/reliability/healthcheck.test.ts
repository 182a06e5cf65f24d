/**
 * The Dockerfile: its HEALTHCHECK command (docs/ci.md's compose recipe waits on it), run as the
 * container runs it: against a live sandbox it exits 0, against a port nothing answers on it exits 1.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../server/config/load.js';
import { spawnSandbox } from '../helpers/spawn-server.js';

const dockerfile = readFileSync(join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
const script = dockerfile.match(/HEALTHCHECK[^\n]*\\\n\s*CMD node -e "(.*)"\n/)?.[1];
const healthcheck = (port: string) =>
  promisify(execFile)(process.execPath, ['-e', script!], { env: { ...process.env, PORT: port } }).then(
    () => 0,
    (e: { code: number }) => e.code,
  );

test('the Dockerfile has a HEALTHCHECK running node -e', () => {
  expect(script).toContain('/__mock/health');
});

test('HEALTHCHECK exits 0 against a running sandbox and 1 where none answers', async () => {
  const s = await spawnSandbox({ DOKU_DB_FILE: ':memory:' });
  expect(await healthcheck(new URL(s.url).port)).toBe(0);
  s.child.kill('SIGTERM');
  await s.exited;
  const closed = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => closed.once('listening', r));
  const port = String((closed.address() as AddressInfo).port);
  await new Promise((r) => closed.close(r));
  expect(await healthcheck(port)).toBe(1);
});
