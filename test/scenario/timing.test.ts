/**
 * delay, hang, drop and execute. Short timings come from a scenario folder written by the test;
 * assertions are lower bounds or outcomes, never speed targets.
 */
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/config/load.js';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { IP, PAY, STATUS, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

function scenarioDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'scn-timing-'));
  cpSync(join(PROJECT_ROOT, 'scenarios'), d, { recursive: true });
  const put = (name: string, payment: object) =>
    writeFileSync(join(d, `${name}.json`), JSON.stringify({ name, description: 'test', apply: { payment } }));
  put('t-delay', { delayMs: 200 });
  put('t-delay-forced', { delayMs: 200, responseCode: '5045400' });
  put('t-hang', { hangMs: 400 });
  put('t-drop', { drop: true });
  put('t-done-then-drop', { execute: true, drop: true });
  put('t-done-then-hang', { execute: true, hangMs: 300 });
  return d;
}

describe('scenario timing effects', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  let session: Awaited<ReturnType<typeof customerSession>>;
  beforeAll(async () => {
    sb = await buildSandbox({ DOKU_SCENARIOS_DIR: scenarioDir() });
    client = new SnapClient(sb.app);
    session = await customerSession(client);
  });
  const pay = (ref: string, scenario: string, externalId?: string, timeoutMs?: number) =>
    client.tx(PAY, paymentBody(ref, '1000.00'), {
      timeoutMs,
      customerToken: session.customerToken,
      headers: { ...IP, 'X-Mock-Scenario': scenario, ...(externalId ? { 'X-EXTERNAL-ID': externalId } : {}) },
    });
  const status = (ref: string) => client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: ref });

  test('delayMs: the normal answer comes no sooner than the delay', async () => {
    const t0 = Date.now();
    const res = await pay('D-1', 't-delay');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    expect(res.body.responseCode).toBe('2005400');
  });

  test('delayMs with a forced code: the forced answer after the delay', async () => {
    const t0 = Date.now();
    const res = await pay('D-2', 't-delay-forced');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    expect(res.status).toBe(504);
    expect(res.body).toEqual({ responseCode: '5045400', responseMessage: 'Timeout' });
  });

  test('hangMs: no answer before the client gives up; nothing is paid', async () => {
    await expect(pay('H-1', 't-hang', undefined, 150)).rejects.toMatchObject({ timeout: 150 });
    expect((await status('H-1')).body.responseCode).toBe('4045501');
  });

  test('hangMs: when the hang ends the connection is closed without an answer', async () => {
    await expect(pay('H-2', 't-hang')).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  test('drop: the connection closes without an answer; nothing is paid', async () => {
    await expect(pay('X-1', 't-drop')).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await status('X-1')).body.responseCode).toBe('4045501');
  });

  test('execute + drop: "timed out but it worked": paid, and a retry with the same X-EXTERNAL-ID replays the success', async () => {
    await expect(pay('E-1', 't-done-then-drop', 'ext-e1')).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await status('E-1')).body.latestTransactionStatus).toBe('00');
    const retry = await pay('E-1', 't-done-then-drop', 'ext-e1');
    expect(retry.status).toBe(409);
    expect(retry.body.responseCode).toBe('2005400');
  });

  test('execute + hang: the client times out while the payment is already made', async () => {
    await expect(pay('E-2', 't-done-then-hang', undefined, 100)).rejects.toMatchObject({ timeout: 100 });
    expect((await status('E-2')).body.latestTransactionStatus).toBe('00');
  });
});
