/**
 * The sandbox never calls itself, and its outbound URLs are no request-forgery tool (issue #24,
 * items 1, 2, 5, 6): notification, token and verifier-check URLs that reach the sandbox's own
 * listener by any spelling are refused at registration and at send time; two sandboxes pointed at
 * each other cannot loop; URLs are bounded; DOKU_OUTBOUND_HOSTS limits the hosts; a merchant's
 * token and signed notifications go only to its own receiver unless the caller proves it is it.
 */
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { buildSandbox, freePort, listenSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { eventually, merchantReceiver, type Receiver } from '../helpers/merchant-receiver.js';
import { IP, PAY, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const A = {
  clientId: 'BRN-GUARD-A',
  clientSecret: 'SK-guard-a-secret-0001',
  publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }) as string,
};
const open: { close(): Promise<void> }[] = [];
const sandboxes: TestSandbox[] = [];
afterEach(async () => {
  for (const sb of sandboxes.splice(0)) sb.app.outbox.stop();
  for (const o of open.splice(0)) await o.close();
});

async function listening(env: Record<string, string> = {}, port = 0) {
  const sb = await buildSandbox(env);
  sandboxes.push(sb);
  const listener = await listenSandbox(sb, port);
  open.push(listener);
  return { sb, ...listener };
}

async function paidPayment(sb: TestSandbox, ref: string) {
  const client = new SnapClient(sb.app);
  const session = await customerSession(client);
  const paid = await client.tx(PAY, paymentBody(ref), { customerToken: session.customerToken, headers: IP });
  expect(paid.body.responseCode).toBe('2005400');
  return paid.body.referenceNo as string;
}

test('a notification or token URL that is the sandbox itself, by any spelling, is refused at registration', async () => {
  const { sb, port } = await listening({ DOKU_PUBLIC_URL: 'http://doku-sandbox.test:4000' });
  const self = [
    `http://127.0.0.1:${port}/__mock/notifications/verifier-check?clientId=${A.clientId}`,
    `http://localhost:${port}/__mock/reset`,
    `http://[::1]:${port}/__mock/reset`,
    `http://0.0.0.0:${port}/__mock/reset`,
    `http://0x7f000001:${port}/__mock/reset`,
    `http://2130706433:${port}/__mock/reset`,
    `http://127.0.0.2:${port}/x`,
    'http://doku-sandbox.test:4000/__mock/reset',
  ];
  for (const url of self) {
    const res = await request(sb.app)
      .post('/__mock/merchants')
      .send({ ...A, notificationUrl: url });
    expect([url, res.status, res.body.field]).toEqual([url, 400, 'notificationUrl']);
    expect(res.body.mockError).toMatch(/the sandbox itself/);
  }
  const token = await request(sb.app)
    .post('/__mock/merchants')
    .send({ ...A, tokenUrl: `http://localhost:${port}/authorization/v1/access-token/b2b` });
  expect([token.status, token.body.field]).toEqual([400, 'tokenUrl']);
  expect(sb.deps.merchants.find(A.clientId)).toBeUndefined();
  // another port of this machine is a merchant's receiver, not the sandbox
  await request(sb.app)
    .post('/__mock/merchants')
    .send({ ...A, notificationUrl: `http://127.0.0.1:${port === 65535 ? 1 : port + 1}/notify` })
    .expect(201);
});

test('at send time too: a settings URL naming the sandbox (after DNS) is refused, nothing loops and nothing is reset', async () => {
  const port = await freePort();
  const { sb, url } = await listening(
    {
      DOKU_NOTIFICATION_URL: `http://localhost:${port}/__mock/reset`,
      DOKU_MERCHANT_TOKEN_URL: `http://localhost:${port}/authorization/v1/access-token/b2b`,
    },
    port,
  );
  const referenceNo = await paidPayment(sb, 'INV-SELF');
  const [n] = await eventually(async () => {
    const log = (await request(url).get(`/__mock/notifications?referenceNo=${referenceNo}`)).body.notifications;
    return log[0]?.attempts.length > 0 && log;
  });
  expect(n.attempts[0].error).toMatch(/^token request to .*: refused: localhost:\d+ resolves to .*, the sandbox itself$/);
  expect(sb.deps.store.findPayment(referenceNo)).toBeDefined(); // no reset ran
  const journal = (await request(url).get('/__mock/requests')).body.requests;
  expect(journal.length).toBeGreaterThan(0);
  expect(
    journal.filter((e: { requestHeaders: Record<string, string> }) => /doku-sandbox/.test(e.requestHeaders['user-agent'] ?? '')),
  ).toEqual([]);
});

test('a verifier check never reaches the sandbox: refused before anything is sent', async () => {
  const { sb, port } = await listening();
  const res = await request(sb.app)
    .post('/__mock/notifications/verifier-check')
    .send({ url: `http://127.0.0.1:${port}/__mock/notifications/verifier-check` });
  expect([res.status, res.body.field]).toEqual([400, 'url']);
  expect(res.body.mockError).toMatch(/the sandbox itself/);
});

test("two sandboxes pointed at each other cannot loop: a sandbox's own calls never reach another's admin API", async () => {
  const a = await listening();
  const referenceNoA = await paidPayment(a.sb, 'INV-A-KEEP');
  const b = await listening({ DOKU_NOTIFICATION_URL: `${a.url}/__mock/reset` });
  const referenceNoB = await paidPayment(b.sb, 'INV-B');
  const [n] = await eventually(async () => {
    const log = (await request(b.url).get(`/__mock/notifications?referenceNo=${referenceNoB}`)).body.notifications;
    return log[0]?.attempts.length > 0 && log;
  });
  expect(n.attempts[0].status).toBe(508);
  expect(JSON.parse(n.attempts[0].responseBody).mockError).toMatch(/never reaches the admin API/);
  expect(a.sb.deps.store.findPayment(referenceNoA)).toBeDefined(); // A was not reset
  const check = await request(b.url)
    .post('/__mock/notifications/verifier-check')
    .send({ url: `${a.url}/__mock/notifications/verifier-check` });
  expect(check.body.verdict).toBe('the valid notification was not accepted');
  expect(check.body.variants.every((v: { status: number }) => v.status === 508)).toBe(true);
});

describe('outbound URLs', () => {
  let receiver: Receiver;
  let other: Receiver;
  beforeEach(async () => {
    receiver = await merchantReceiver(A.clientId, A.clientSecret);
    other = await merchantReceiver(A.clientId, A.clientSecret);
  });
  afterEach(async () => {
    await receiver.close();
    await other.close();
  });

  test('are bounded in length, at registration and for the verifier check', async () => {
    const sb = await buildSandbox();
    sandboxes.push(sb);
    const long = `${receiver.notifyUrl}?${'x'.repeat(2048)}`;
    const res = await request(sb.app)
      .post('/__mock/merchants')
      .send({ ...A, notificationUrl: long });
    expect([res.status, res.body.field, res.body.mockError]).toEqual([400, 'notificationUrl', expect.stringMatching(/at most 2048/)]);
    const check = await request(sb.app).post('/__mock/notifications/verifier-check').send({ url: long });
    expect(check.status).toBe(400);
    expect(receiver.received).toHaveLength(0);
  });

  test('DOKU_OUTBOUND_HOSTS limits where the sandbox sends, and the delivery log says why', async () => {
    const sb = await buildSandbox({ DOKU_OUTBOUND_HOSTS: 'receiver.ci.internal', DOKU_NOTIFICATION_URL: receiver.notifyUrl });
    sandboxes.push(sb);
    const reg = await request(sb.app)
      .post('/__mock/merchants')
      .send({ ...A, notificationUrl: other.notifyUrl });
    expect([reg.status, reg.body.mockError]).toEqual([400, expect.stringMatching(/is not in DOKU_OUTBOUND_HOSTS/)]);
    const referenceNo = await paidPayment(sb, 'INV-HOSTS');
    const [n] = await eventually(async () => {
      const log = (await request(sb.app).get(`/__mock/notifications?referenceNo=${referenceNo}`)).body.notifications;
      return log[0]?.attempts.length > 0 && log;
    });
    expect(n.attempts[0].error).toMatch(/refused: 127\.0\.0\.1:\d+ is not in DOKU_OUTBOUND_HOSTS/);
    expect(receiver.received).toHaveLength(0);
  });

  test("a merchant's token and signed notifications go only to its own URL, unless the caller proves it is that merchant", async () => {
    const sb = await buildSandbox();
    sandboxes.push(sb);
    await request(sb.app)
      .post('/__mock/merchants')
      .send({ ...A, notificationUrl: receiver.notifyUrl, tokenUrl: receiver.tokenUrl })
      .expect(201);
    receiver.trustDokuKey((await request(sb.app).get('/__mock/doku-public-key')).text);
    const elsewhere = await request(sb.app)
      .post('/__mock/notifications/verifier-check')
      .send({ clientId: A.clientId, url: other.notifyUrl });
    expect([elsewhere.status, elsewhere.body.mockError]).toEqual([403, expect.stringMatching(/Bearer <its client secret>/)]);
    expect([receiver.received.length, other.received.length]).toEqual([0, 0]); // no token was fetched, nothing was sent
    const own = await request(sb.app).post('/__mock/notifications/verifier-check').send({ clientId: A.clientId });
    expect([own.status, receiver.notifications().length]).toEqual([200, 10]); // 8 variants, then 2 other readings of the signed token
    const proven = await request(sb.app)
      .post('/__mock/notifications/verifier-check')
      .set('Authorization', `Bearer ${A.clientSecret}`)
      .send({ clientId: A.clientId, url: other.notifyUrl });
    expect(proven.status).toBe(200);
    expect(other.notifications().length).toBe(10);
    // the demo merchant's secret is published: its check may go anywhere
    const demo = await request(sb.app).post('/__mock/notifications/verifier-check').send({ clientId: DEMO.clientId, url: other.notifyUrl });
    expect(demo.status).toBe(200);
  });
});
