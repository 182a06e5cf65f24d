/** GET /__mock/coverage and `doku-sandbox coverage` (issue #17): exactly the codes a known sequence of calls was answered. */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { PROJECT_ROOT } from '../../server/config/load.js';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { IP, PAY, STATUS, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

let sb: TestSandbox;
let client: SnapClient;
beforeEach(async () => {
  sb = await buildSandbox();
  client = new SnapClient(sb.app);
});
afterEach(() => sb.app.outbox.stop());

const answered = (endpoint: { codes: Array<{ responseCode: string; byState: number; byScenario: number }> }) =>
  endpoint.codes.filter((c) => c.byState + c.byScenario > 0);

/** A customer session, then: a payment, the same again (a replay: not counted), one forced short of funds, one badly signed, a status check. */
async function knownSequence() {
  const session = await customerSession(client);
  const pay = (ref: string, headers: Record<string, string> = {}) =>
    client.tx(PAY, paymentBody(ref), { customerToken: session.customerToken, headers: { ...IP, ...headers } });
  await pay('COV-1', { 'X-EXTERNAL-ID': '777001' });
  await pay('COV-1', { 'X-EXTERNAL-ID': '777001' }); // replay
  await pay('COV-2', { 'X-Mock-Scenario': 'payment-insufficient-funds' });
  await client.tx(PAY, paymentBody('COV-3'), { customerToken: session.customerToken, headers: IP, secret: 'wrong-secret' });
  await client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'COV-1' });
}

test('after a known sequence the report lists exactly those codes, by state and by scenario, with the scenarios used', async () => {
  await knownSequence();
  const report = (await request(sb.app).get('/__mock/coverage').expect(200)).body;
  const byName = Object.fromEntries(report.endpoints.map((e: { name: string }) => [e.name, e]));
  expect(answered(byName.payment)).toEqual([
    { responseCode: '2005400', byState: 1, byScenario: 0 },
    { responseCode: '4015400', byState: 1, byScenario: 0 },
    { responseCode: '4035414', byState: 0, byScenario: 1 },
  ]);
  expect(byName.payment.scenarios).toEqual(['payment-insufficient-funds']);
  expect(answered(byName['check-status'])).toEqual([{ responseCode: '2005500', byState: 1, byScenario: 0 }]);
  expect(answered(byName.refund)).toEqual([]);
  expect(byName.payment.documented).toBe(byName.payment.codes.length);
  expect(report.covered).toBe(report.endpoints.reduce((n: number, e: { covered: number }) => n + e.covered, 0));
  expect(report.percent).toBe(Math.round((1000 * report.covered) / report.documented) / 10);
});

test('?clientId= scopes it to one merchant; a reset empties it', async () => {
  await knownSequence();
  const unknown = await request(sb.app).get('/__mock/coverage?clientId=BRN-someone-else');
  expect([unknown.status, unknown.body.mockError]).toEqual([404, 'no merchant "BRN-someone-else"']); // not a silent 0 %
  const xml = await request(sb.app).get('/__mock/coverage?format=xml');
  expect([xml.status, xml.body.mockError]).toEqual([400, 'format is json (the default) or md']);
  expect((await request(sb.app).get('/__mock/coverage?clientId=BRN-0000-1700000000000')).body.covered).toBeGreaterThan(3);
  await request(sb.app).post('/__mock/reset').expect(200);
  expect((await request(sb.app).get('/__mock/coverage')).body.covered).toBe(0);
});

test('?format=md: a Markdown table with a row per endpoint', async () => {
  await knownSequence();
  const md = await request(sb.app).get('/__mock/coverage?format=md').expect(200);
  expect(md.headers['content-type']).toMatch(/^text\/markdown/);
  const lines = md.text.trim().split('\n');
  expect(lines[0]).toMatch(/^Coverage of DOKU's documented response codes: \*\*\d+ of \d+ \(\d+(\.\d)? %\)\*\*$/);
  expect(lines[2]).toBe('| endpoint | covered | answered (by state / by scenario) | not yet answered | scenarios used |');
  expect(lines.find((l) => l.startsWith('| payment |'))).toMatch(
    /^\| payment \| 3\/\d+ \| 2005400 \(1\/0\), 4015400 \(1\/0\), 4035414 \(0\/1\) \| 2025400, .* \| payment-insufficient-funds \|$/,
  );
  expect(lines.filter((l) => l.startsWith('| ') && !l.startsWith('| endpoint'))).toHaveLength(sb.deps.catalogue.endpoints.length);
});

test('doku-sandbox coverage prints the table and exits 1 under --min, 0 at or over it', async () => {
  await knownSequence();
  const server = createServer(sb.app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cli = (...args: string[]) =>
    promisify(execFile)(process.execPath, [join(PROJECT_ROOT, 'dist/server/cli.js'), 'coverage', '--url', url, ...args]).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
  try {
    const low = await cli('--endpoint', 'check-status', '--min', '50');
    expect(low.code).toBe(1);
    expect(low.stdout).toContain('| check-status | 1/');
    expect(low.stderr).toMatch(/check-status \d+(\.\d)? % covered, under --min 50 %/);
    expect((await cli('--endpoint', 'payment', '--min', '1')).code).toBe(0);
    expect((await cli('--endpoint', 'nope')).code).toBe(2);
    expect((await cli()).code).toBe(0); // no --min: report only
    const help = await cli('--help');
    expect([help.code, help.stdout.includes('DOKU_ADMIN_TOKEN'), help.stdout.includes('--client-id')]).toEqual([0, true, true]);
  } finally {
    server.close();
  }
});
