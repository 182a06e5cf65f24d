/** The Node recipe of docs/sdks.md, executed verbatim against a sandbox on a loopback port. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../server/config/load.js';
import { buildSandbox } from '../helpers/build-app.js';

test('docs/sdks.md: the Node recipe gets a B2B token from the sandbox', async () => {
  const doc = readFileSync(join(PROJECT_ROOT, 'docs/sdks.md'), 'utf8');
  const recipe = doc.match(/<!-- node-recipe -->\s*```js\n([\s\S]*?)```/)?.[1];
  expect(recipe).toBeDefined();
  // Inside the project so `require('doku-nodejs-library')` resolves from its node_modules.
  const dir = mkdtempSync(join(PROJECT_ROOT, 'test', '.recipe-'));
  const file = join(dir, 'recipe.cjs');
  writeFileSync(file, recipe!);
  const sb = await buildSandbox();
  sb.clock.now = () => Date.now();
  const server: Server = createServer(sb.app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { stdout } = await promisify(execFile)(process.execPath, [file], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DOKU_BASE_URL: base },
    });
    expect(stdout).toContain('token 2007300 expiresIn 900');
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
