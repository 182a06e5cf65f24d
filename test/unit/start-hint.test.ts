/** The demo merchant's start lines name what exists where the reader is (issue #28 §2, §4.3). */
import { existsSync } from 'node:fs';
import { demoHint, whereRunning } from '../../server/start-hint.js';
import { FIXTURES_DIR, PROJECT_ROOT } from '../../server/config/load.js';

const tryIt = (port: number, where: Parameters<typeof demoHint>[3]) => demoHint('BRN-1', '12345678', port, where).split('\n').at(-1)!;

test('a clone: npm run example, with the base URL only off port 3000', () => {
  expect(tryIt(3000, 'clone')).toBe('  try it:      npm run example');
  expect(tryIt(4000, 'clone')).toBe('  try it:      DOKU_BASE_URL=http://127.0.0.1:4000 npm run example');
  expect(whereRunning()).toBe('clone'); // this test runs from one (inside a container, as CI may)
});

test('where: a clone by its server/, a package by the node_modules/ above it, else the image', () => {
  expect(whereRunning('/srv/app/node_modules/doku-sandbox')).toBe('package');
  expect(whereRunning('/app')).toBe('container');
});

test('a package: the script by its path, which exists', () => {
  expect(tryIt(3000, 'package')).toBe(`  try it:      DOKU_BASE_URL=http://127.0.0.1:3000 node ${PROJECT_ROOT}/examples/kki-flow.mjs`);
  expect(existsSync(`${PROJECT_ROOT}/examples/kki-flow.mjs`)).toBe(true);
});

test('a container: its paths are reached through docker exec and docker cp, not from the host', () => {
  const hint = demoHint('BRN-1', '12345678', 3000, 'container');
  expect(hint).toContain(`  try it:      docker exec <container> node ${PROJECT_ROOT}/examples/kki-flow.mjs`);
  expect(hint).toContain(
    `  private key: ${FIXTURES_DIR}/keys/demo-merchant.TEST-ONLY.private.pem inside the container (docker cp <container>:${FIXTURES_DIR}/keys/demo-merchant.TEST-ONLY.private.pem .)`,
  );
  expect(tryIt(8080, 'container')).toBe(
    `  try it:      docker exec -e DOKU_BASE_URL=http://127.0.0.1:8080 <container> node ${PROJECT_ROOT}/examples/kki-flow.mjs`,
  );
});
