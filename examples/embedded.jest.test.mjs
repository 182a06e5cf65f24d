/**
 * doku-sandbox inside a jest suite, with DOKU's own Node SDK as a merchant's code uses it, and the
 * merchant's notification endpoint receiving DOKU's call. jest runs ES modules with
 * `NODE_OPTIONS=--experimental-vm-modules npx jest` (doku-sandbox is an ES module package).
 * The same with node:test: examples/embedded.node-test.mjs. scripts/check-pack.sh runs both against
 * the packed package in an empty project.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { startSandbox } from 'doku-sandbox';

const require = createRequire(import.meta.url); // DOKU's SDK is CommonJS
const doku = require('doku-nodejs-library');
const SdkConfig = require('doku-nodejs-library/_commons/config.js');
const CreateVARequestDto = require('doku-nodejs-library/_models/createVaRequestDto.js');

const PSID = '  888994';
const createVa = (customerNo) =>
  new CreateVARequestDto(
    PSID,
    customerNo,
    `${PSID}${customerNo}`,
    'Budi Santoso',
    'budi@example.com',
    '6281234567890',
    `INV-${customerNo}`,
    { value: '25000.00', currency: 'IDR' },
    { channel: 'VIRTUAL_ACCOUNT_BCA', virtualAccountConfig: { reusableStatus: false } },
    'C',
    '2030-12-31T23:59:59+07:00',
    [],
  );

// The merchant's notification endpoint (in a real suite: the app under test)
const received = [];
const merchantApp = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    received.push({ signature: req.headers['x-signature'], body: JSON.parse(body) });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ responseCode: '2002500', responseMessage: 'Success' }));
  });
});

let sandbox;
let snap;
beforeAll(async () => {
  await new Promise((resolve) => merchantApp.listen(0, '127.0.0.1', resolve));
  sandbox = await startSandbox({ vaNotificationUrl: `http://127.0.0.1:${merchantApp.address().port}/notify/va` });
  SdkConfig.CORE_SANDBOX_BASE_URL = sandbox.url;
  snap = new doku.Snap({
    isProduction: false,
    clientID: sandbox.merchant.clientId,
    secretKey: sandbox.merchant.clientSecret,
    privateKey: sandbox.merchant.privateKeyPem,
    publicKey: sandbox.merchant.publicKeyPem,
    dokuPublicKey: sandbox.dokuPublicKeyPem,
    issuer: '',
  });
});
afterAll(async () => {
  await sandbox.close();
  merchantApp.close();
});

test('the customer pays a VA: DOKU notifies the merchant, signed', async () => {
  expect((await snap.createVa(createVa('00000000000000000003'))).responseCode).toBe('2002700');
  const paid = await sandbox.payVirtualAccount(`${PSID}00000000000000000003`);
  const notification = await sandbox.waitForNotification(paid.payment.paymentRequestId);
  expect(notification.state).toBe('DELIVERED');
  expect(received).toHaveLength(1);
  expect(received[0].body.trxId).toBe('INV-00000000000000000003');
  expect(received[0].signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
});

test('time moves without waiting: the VA expires when the clock passes its expiry', async () => {
  await snap.createVa(createVa('00000000000000000004'));
  await sandbox.clock.set('2031-01-01T00:00:00+07:00');
  await expect(sandbox.payVirtualAccount(`${PSID}00000000000000000004`)).rejects.toMatchObject({ name: 'SandboxError', status: 409 });
  await sandbox.clock.reset();
});
