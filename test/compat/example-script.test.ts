/** examples/kki-flow.mjs is the README's worked example: it must keep working against the sandbox. */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../server/config/load.js';
import { buildSandbox } from '../helpers/build-app.js';

test('examples/kki-flow.mjs runs the whole flow against a sandbox', async () => {
  const sb = await buildSandbox();
  sb.clock.now = () => Date.now(); // the script signs with the real clock
  const server: Server = createServer(sb.app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { stdout } = await promisify(execFile)(process.execPath, [join(PROJECT_ROOT, 'examples/kki-flow.mjs')], {
      env: { ...process.env, DOKU_BASE_URL: base },
    });
    expect(stdout).toContain('→ 2007300 Successful');
    expect(stdout).toContain('→ 2000100 Successful');
    expect(stdout).toContain('→ 2007400 Successful');
    expect(stdout).toContain('→ 2005400 Successful');
    expect(stdout).toContain('→ 2000700 Successful');
    expect(stdout).toContain('→ 2005500 Successful');
    expect(stdout).toContain('status 00 (Success), 1 refund(s)');
    expect(stdout).toContain('→ 2000500 Successful');
    expect(stdout).toContain('done: bind → OTP → customer token → pay → refund → status → unbind');
  } finally {
    server.close();
  }
});

test('examples/kki-flow.mjs without a sandbox: one line saying where it looked and what to do, exit 1', async () => {
  const closed = createNetServer().listen(0, '127.0.0.1'); // a port nothing listens on once closed
  await new Promise((r) => closed.once('listening', r));
  const base = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((r) => closed.close(r));
  const result = await promisify(execFile)(process.execPath, [join(PROJECT_ROOT, 'examples/kki-flow.mjs')], {
    env: { ...process.env, DOKU_BASE_URL: base },
  }).catch((e: { code: number; stderr: string }) => e);
  expect((result as { code: number }).code).toBe(1);
  expect((result as { stderr: string }).stderr.trim()).toBe(
    `no sandbox answers at ${base} (ECONNREFUSED): start it with \`npm start\`, or set DOKU_BASE_URL to where it runs`,
  );
});
