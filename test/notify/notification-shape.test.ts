/**
 * Notifications as the SDKs' helpers check them (issue #25 item 3): DOKU's whole header list
 * (Authorization-Customer, X-DEVICE-ID, X-IP-ADDRESS), X-TIMESTAMP in real time after a clock move,
 * the signed token as a setting with the verifier check reporting each reading, the body keys every
 * SDK's DTO has, a 2xx that says it failed flagged, and a made-up token named for what it is.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { eventually, merchantReceiver, type Receiver } from '../helpers/merchant-receiver.js';
import { IP, PAY, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

const REAL = Date.parse('2026-05-26T10:00:00+07:00'); // the test sandbox's real time (its clock's base)
let receiver: Receiver;
let sb: TestSandbox;
beforeEach(async () => {
  receiver = await merchantReceiver(DEMO.clientId, DEMO.clientSecret, () => REAL); // checks freshness and replays too
});
afterEach(async () => {
  sb.app.outbox.stop();
  await receiver.close();
});

async function sandbox(env: Record<string, string> = {}, travel = 0) {
  sb = await buildSandbox({ DOKU_NOTIFICATION_URL: receiver.notifyUrl, DOKU_MERCHANT_TOKEN_URL: receiver.tokenUrl, ...env });
  sb.clock.advance(travel); // before the customer signs in: its tokens follow the moved clock
  receiver.trustDokuKey((await request(sb.app).get('/__mock/doku-public-key')).text);
  const client = new SnapClient(sb.app);
  const session = await customerSession(client);
  return (ref: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = IP) =>
    client.tx(PAY, paymentBody(ref, '10000.00', extra), { customerToken: session.customerToken, headers });
}
const logOf = async (referenceNo: string) =>
  eventually(async () => {
    const [n] = (await request(sb.app).get(`/__mock/notifications?referenceNo=${referenceNo}`)).body.notifications;
    return n?.state !== 'PENDING' && n;
  });

test("DOKU's header list: Authorization-Customer (the merchant's own token), the payment's X-DEVICE-ID and X-IP-ADDRESS; masked in the log", async () => {
  const pay = await sandbox();
  const paid = await pay('INV-H1', {}, { ...IP, 'X-DEVICE-ID': 'device77' });
  const [note] = await eventually(() => receiver.notifications().length > 0 && receiver.notifications());
  expect(note!.verified).toBe(true);
  expect(note!.headers['authorization-customer']).toBe(note!.headers.authorization);
  expect([note!.headers['x-device-id'], note!.headers['x-ip-address']]).toEqual(['device77', '103.31.4.100']);
  const n = await logOf(paid.body.referenceNo);
  expect(n.attempts[0].requestHeaders).toMatchObject({ Authorization: 'Bearer ****', 'Authorization-Customer': 'Bearer ****' });
});

test('after a clock move X-TIMESTAMP is real time, so a handler that checks freshness still accepts', async () => {
  const pay = await sandbox({}, 86_400_000); // the merchant's tests travel a day ahead
  const paid = await pay('INV-T1');
  const n = await logOf(paid.body.referenceNo);
  expect([n.state, n.attempts[0].requestHeaders['X-TIMESTAMP']]).toEqual(['DELIVERED', '2026-05-26T10:00:00+07:00']);
  expect(receiver.notifications()[0]!.verified).toBe(true);
});

test('DOKU_NOTIFICATION_SIGNED_TOKEN=empty signs over an empty token; the verifier check reports which readings a handler takes', async () => {
  const pay = await sandbox({ DOKU_NOTIFICATION_SIGNED_TOKEN: 'empty' });
  const emptyReading = (body: string, ts: string) =>
    createHmac('sha512', DEMO.clientSecret)
      .update(`POST:/v1.0/debit/notify::${createHash('sha256').update(body).digest('hex')}:${ts}`)
      .digest('base64');
  await pay('INV-E1');
  const [note] = await eventually(() => receiver.notifications().length > 0 && receiver.notifications());
  expect(note!.headers['x-signature']).toBe(emptyReading(note!.body, String(note!.headers['x-timestamp'])));
  // a receiver that refuses what it cannot verify, by the authorization reading: the check says so, whatever the setting
  receiver.answer = (r, res) => void res.writeHead(r.verified ? 200 : 401).end('{}');
  const check = (await request(sb.app).post('/__mock/notifications/verifier-check').send({})).body;
  expect([check.signedToken, check.readings]).toEqual(['empty', { empty: false, authorization: true, 'doku-issued': false }]);
});

test("the body has what every SDK's DTO reads: acquirerId, lineItems as paid; OVO's accountType is WALLET", async () => {
  const pay = await sandbox();
  const lineItems = [{ name: 'Kopi', price: '10000.00', quantity: 1 }];
  const paid = await pay('INV-B1', {
    additionalInfo: {
      channel: 'DIRECT_DEBIT_MANDIRI_SNAP',
      lineItems,
      successPaymentUrl: 'https://m.example/ok',
      failedPaymentUrl: 'https://m.example/no',
    },
  });
  const n = await logOf(paid.body.referenceNo);
  expect(n.body.additionalInfo).toMatchObject({ acquirerId: 'MANDIRI', accountType: 'DIRECT_DEBIT', lineItems });
  const ovo = { ...sb.deps.store.findPayment(paid.body.referenceNo)!, channel: 'EMONEY_OVO_SNAP' };
  const { notificationBody } = await import('../../server/products/direct-debit/domain/notification-body.js');
  expect(notificationBody(ovo, undefined).additionalInfo).toMatchObject({ accountType: 'WALLET', acquirerId: 'OVO' });
});

test('a 2xx whose body says the handler failed (5005600) is delivered, and flagged in the delivery log', async () => {
  const pay = await sandbox();
  receiver.answer = (_r, res) =>
    void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"responseCode":"5005600","responseMessage":"General Error"}');
  const paid = await pay('INV-W1');
  const n = await logOf(paid.body.referenceNo);
  expect([n.state, n.attempts[0].warning]).toEqual(['DELIVERED', expect.stringMatching(/responseCode 5005600: the handler failed/)]);
});

test('without a token URL the made-up token is named for what it is: in the delivery log and at registration', async () => {
  sb = await buildSandbox({ DOKU_NOTIFICATION_URL: receiver.notifyUrl });
  expect((await request(sb.app).get('/__mock/notifications')).body.notice).toMatch(/a token the sandbox made up, not a JWT/);
  const reg = await request(sb.app)
    .post('/__mock/merchants')
    .send({
      clientId: 'BRN-NOTOKEN',
      clientSecret: 'SK-x',
      publicKeyPem: readFileSync(DEMO.publicKeyPath, 'utf8'),
      notificationUrl: receiver.notifyUrl,
    });
  expect([reg.status, reg.body.notice]).toEqual([201, expect.stringMatching(/validateTokenB2B/)]);
});
