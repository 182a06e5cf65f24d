/**
 * startSandbox (issue #28 §1), through its source: a free loopback port, in-memory state, typed
 * options refused by name when wrong, process.env ignored, several sandboxes in one process sharing
 * nothing, and each helper doing what its admin call does. (scripts/check-pack.sh runs the examples
 * against the packed tarball with DOKU's Node SDK, in jest and in node:test.)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateKeyPairSync } from 'node:crypto';
import { startSandbox, ConfigError, SandboxError, type Sandbox } from '../../server/index.js';
import { PROJECT_ROOT } from '../../server/config/load.js';
import { CARD, DEMO } from '../helpers/merchant.js';
import { merchantReceiver } from '../helpers/merchant-receiver.js';
import { IP, PAY, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

const CREATE = '/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va';
const STATUS = '/orders/v1.0/transfer-va/status';
const PSID = '   19008';
const va = (customerNo: string) => ({ partnerServiceId: PSID, customerNo, virtualAccountNo: `${PSID}${customerNo}` });
const createVa = (client: SnapClient, customerNo: string) =>
  client.tx(CREATE, {
    ...va(customerNo),
    virtualAccountName: 'Budi Santoso',
    trxId: `INV-${customerNo}`,
    totalAmount: { value: '20000.00', currency: 'IDR' },
    additionalInfo: { channel: 'VIRTUAL_ACCOUNT_BNI' },
  });
const clientOf = (sb: Sandbox) => new SnapClient(sb.url, sb.merchant.clientId, sb.merchant.clientSecret, sb.merchant.privateKeyPem);

const open: Sandbox[] = [];
const start = async (...args: Parameters<typeof startSandbox>) => {
  const sb = await startSandbox(...args);
  open.push(sb);
  return sb;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((sb) => sb.close()));
});

test('defaults: a free port on 127.0.0.1, the demo merchant with its TEST-ONLY keys, DOKU’s public key; process.env is not read', async () => {
  const saved = { PORT: process.env.PORT, DOKU_VA_MODE: process.env.DOKU_VA_MODE, DOKU_ADMIN_TOKEN: process.env.DOKU_ADMIN_TOKEN };
  Object.assign(process.env, { PORT: '1', DOKU_VA_MODE: 'not-a-mode', DOKU_ADMIN_TOKEN: 'from-the-environment' });
  try {
    const sb = await start();
    expect(sb.url).toBe(`http://127.0.0.1:${sb.port}`);
    expect(sb.port).toBeGreaterThan(1024);
    expect(sb.merchant).toMatchObject({ clientId: 'BRN-0000-1700000000000', demo: true });
    expect(sb.merchant.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(sb.dokuPublicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const health = await fetch(`${sb.url}/__mock/health`); // no admin token: the environment's was not read
    expect(health.status).toBe(200);
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
});

test('options are the settings, typed: a wrong or unknown one is refused by name and nothing listens', async () => {
  const wrong = startSandbox({ vaMode: 'sloppy' as 'strict', otpMaxAttempts: -1, prot: 3 } as never);
  await expect(wrong).rejects.toBeInstanceOf(ConfigError);
  await expect(wrong).rejects.toThrow(/otpMaxAttempts: must be a whole number >= 0, not -1[\s\S]*prot: not an option of startSandbox/);
  await expect(startSandbox({ vaMode: 'sloppy' as 'strict' })).rejects.toThrow('DOKU_VA_MODE: "sloppy" must be one of lenient, strict');
  const sb = await start({ adminToken: 'the-token', channels: ['DIRECT_DEBIT_BRI_SNAP'] });
  expect((await fetch(`${sb.url}/__mock/requests`)).status).toBe(401);
  expect(await sb.requests()).toEqual([]); // the helpers send the token
});

test('two sandboxes in one process share nothing: state, scenario, clock', async () => {
  const [a, b] = await Promise.all([start(), start()]);
  expect(a.port).not.toBe(b.port);
  expect((await createVa(clientOf(a), '00000000000000000001')).body.responseCode).toBe('2002700');
  await a.scenario('va-status-invalid-bill-virtual-account');
  await a.clock.advance(3600);
  const inB = await clientOf(b).tx(STATUS, va('00000000000000000001'));
  expect([inB.status, inB.body.responseCode]).toEqual([404, '4042612']); // not B's VA
  expect((await b.admin<{ now: string; real: boolean }>('GET', '/clock')).real).toBe(true);
  expect((await b.admin<{ scenario: string | null }>('GET', '/scenario')).scenario).toBeNull();
  expect((await createVa(clientOf(b), '00000000000000000001')).body.responseCode).toBe('2002700'); // A's scenario is A's
  await a.scenario(null);
  expect((await clientOf(a).tx(STATUS, va('00000000000000000001'))).body.responseCode).toBe('2002600');
});

test('the helpers: a VA paid, a notification waited for, the customer’s OTP, a settlement, a reset; a refusal is a SandboxError', async () => {
  // the merchant's handler checks the signature and the token with its own code (helpers/merchant-receiver.ts)
  const receiver = await merchantReceiver(DEMO.clientId, DEMO.clientSecret);
  try {
    const sb = await start({ vaNotificationUrl: receiver.notifyUrl, merchantTokenUrl: receiver.tokenUrl });
    receiver.trustDokuKey(sb.dokuPublicKeyPem);
    const client = clientOf(sb);
    await createVa(client, '00000000000000000002');
    const paid = await sb.payVirtualAccount('1900800000000000000000002');
    const { paymentRequestId } = paid.payment as { paymentRequestId: string };
    const note = await sb.waitForNotification(paymentRequestId);
    expect([note.state, String(note.body.virtualAccountNo).trim()]).toEqual(['DELIVERED', '1900800000000000000000002']);
    expect(receiver.notifications().map((r) => r.verified)).toEqual([true]);

    const bind = await client.bind({}, { channelId: 'DH' });
    const otp = await sb.completeOtp(bind.body.referenceNo);
    expect(otp).toMatchObject({ status: 'ACTIVE', authCode: expect.any(String) });

    const session = await customerSession(client, 'CUST009', { ...CARD, bankCardNo: '5221849876543210' });
    const pending = await client.tx(PAY, paymentBody('EMB-P'), {
      customerToken: session.customerToken,
      headers: { ...IP, 'X-Mock-Scenario': 'payment-in-progress' },
    });
    expect(await sb.settle(pending.body.referenceNo, 'FAILED')).toMatchObject({ status: 'FAILED' });

    const refused = sb.settle(pending.body.referenceNo);
    await expect(refused).rejects.toBeInstanceOf(SandboxError);
    await expect(refused).rejects.toMatchObject({ status: 409, message: 'the payment is FAILED, not PENDING' });
    await sb.reset();
    expect(await sb.notifications()).toEqual([]);
    expect((await client.tx(STATUS, va('00000000000000000002'))).body.responseCode).toBe('4042612');
  } finally {
    await receiver.close();
  }
});

test('a merchant of its own is sandbox.merchant (no private key known); the helpers ignore an intercepted global fetch', async () => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const sb = await start({
    host: '0.0.0.0',
    merchants: [{ clientId: 'BRN-EMBED-1', clientSecret: 'SK-embed-secret', publicKeyPem, sharedKey: 'AES-key' }],
  });
  expect(sb.merchant).toEqual({
    clientId: 'BRN-EMBED-1',
    clientSecret: 'SK-embed-secret',
    publicKeyPem,
    sharedKey: 'AES-key',
    demo: false,
  });
  expect(sb.url).toBe(`http://127.0.0.1:${sb.port}`); // every interface: reached on loopback
  expect(sb.merchants.map((m) => m.clientId)).toEqual(['BRN-0000-1700000000000', 'BRN-EMBED-1']);
  const realFetch = globalThis.fetch;
  globalThis.fetch = () => Promise.reject(new Error('intercepted (msw, nock)'));
  try {
    expect((await sb.clock.advance(60, { clientId: 'BRN-EMBED-1' })).length).toBe(25);
  } finally {
    globalThis.fetch = realFetch;
  }
  await expect(start({ merchants: [{ clientId: 'X', clientSecret: 's', publicKeyPem: 'nope' }] })).rejects.toThrow(
    'merchants: merchant 1: publicKeyPem is not an RSA public key in PEM format',
  );
});

test('waitForNotification says why it waited in vain: none made, or one still retrying', async () => {
  const sb = await start({ vaNotificationUrl: 'http://127.0.0.1:9/refused' }); // nothing listens on port 9
  await expect(sb.waitForNotification('NO-SUCH-PAYMENT', { timeoutMs: 50 })).rejects.toThrow(/none was made/);
  await createVa(clientOf(sb), '00000000000000000005');
  const paid = await sb.payVirtualAccount('1900800000000000000000005');
  const ref = (paid.payment as { paymentRequestId: string }).paymentRequestId;
  await expect(sb.waitForNotification(ref, { timeoutMs: 300 })).rejects.toThrow(
    /it is PENDING after 1 attempt\(s\), the last answered .+; retries follow notificationRetry/,
  );
});

test('close() frees the port and ends the sandbox’s timers (jest would report an open handle)', async () => {
  const sb = await startSandbox();
  await sb.close();
  await expect(fetch(`${sb.url}/__mock/health`)).rejects.toThrow();
  await sb.close(); // twice is harmless
});

test('a forgotten close() never holds the process open (a test runner would hang); keepAlive: true does, as a server', () => {
  // the built package (pretest builds it), in a process of its own that never calls close()
  const entry = pathToFileURL(join(PROJECT_ROOT, 'dist/server/index.js')).href;
  const run = (options: string) =>
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { startSandbox } = await import(${JSON.stringify(entry)}); const s = await startSandbox(${options}); await s.clock.advance(1); await fetch(s.url + '/__mock/health'); console.log('started');`,
      ],
      { encoding: 'utf8', timeout: 4000 },
    );
  const forgot = run('{}');
  expect([forgot.stdout.trim(), forgot.status, forgot.signal]).toEqual(['started', 0, null]);
  const server = run('{ keepAlive: true }');
  expect([server.stdout.trim(), server.signal]).toEqual(['started', 'SIGTERM']); // still running when the 4 s were up
});
