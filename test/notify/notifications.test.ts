/**
 * DOKU → merchant notifications (issue #16): a merchant handler on a loopback port verifies every
 * token request and notification with its own code (test/helpers/merchant-receiver.ts).
 */
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { eventually, merchantReceiver, type Receiver } from '../helpers/merchant-receiver.js';
import { IP, PAY, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';
import { eachTempState } from '../helpers/temp-state.js';

let receiver: Receiver;
const sandboxes: TestSandbox[] = [];
beforeEach(async () => {
  receiver = await merchantReceiver(DEMO.clientId, DEMO.clientSecret);
});
afterEach(async () => {
  for (const sb of sandboxes.splice(0)) sb.app.outbox.stop();
  await receiver.close();
});

async function sandbox(env: Record<string, string> = {}) {
  const sb = await buildSandbox({ DOKU_NOTIFICATION_URL: receiver.notifyUrl, DOKU_MERCHANT_TOKEN_URL: receiver.tokenUrl, ...env });
  sandboxes.push(sb);
  receiver.trustDokuKey((await request(sb.app).get('/__mock/doku-public-key')).text);
  const client = new SnapClient(sb.app);
  const session = await customerSession(client);
  const pay = (ref: string, value = '10000.00') =>
    client.tx(PAY, paymentBody(ref, value), { customerToken: session.customerToken, headers: IP });
  const log = async (referenceNo: string) =>
    (await request(sb.app).get(`/__mock/notifications?referenceNo=${referenceNo}`)).body.notifications;
  return { sb, client, session, pay, log };
}

test('a paid payment: a token request signed with the key at /__mock/doku-public-key, then a notification the merchant verifies', async () => {
  const { pay, log } = await sandbox();
  const paid = await pay('INV-N1', '15000.00');
  expect(paid.body.responseCode).toBe('2005400');
  const [note] = await eventually(() => receiver.notifications().length > 0 && receiver.notifications());
  const [token] = receiver.received;
  expect([token!.path, token!.verified]).toEqual(['/authorization/v1/access-token/b2b', true]);
  expect(note!.verified).toBe(true);
  expect(note!.headers['x-external-id']).toMatch(/^\d{21}$/);
  expect(JSON.parse(note!.body)).toEqual({
    originalPartnerReferenceNo: 'INV-N1',
    originalReferenceNo: paid.body.referenceNo,
    originalExternalId: expect.any(String),
    latestTransactionStatus: '00',
    transactionStatusDesc: 'Success',
    amount: { value: '15000.00', currency: 'IDR' },
    additionalInfo: {
      channelId: expect.any(String),
      channel: expect.any(String),
      acquirerId: 'BRI',
      custIdMerchant: 'CUST001',
      accountType: 'DIRECT_DEBIT',
      lineItems: [],
    },
  });
  const entries = await eventually(async () => {
    const l = await log(paid.body.referenceNo);
    return l[0]?.state !== 'PENDING' && l;
  });
  expect(entries).toEqual([
    expect.objectContaining({
      state: 'DELIVERED',
      attempts: [expect.objectContaining({ status: 200, requestHeaders: expect.objectContaining({ Authorization: 'Bearer ****' }) })],
    }),
  ]);
});

test('answered 500, then 200: retried on the schedule, counted from the first attempt, until the 2xx', async () => {
  const { sb, pay, log } = await sandbox({ DOKU_NOTIFICATION_RETRY: '30,60' });
  let calls = 0;
  receiver.answer = (_r, res) => void res.writeHead(++calls === 1 ? 500 : 200).end('{}');
  const paid = await pay('INV-R1');
  await eventually(() => calls === 1);
  sb.clock.advance(29_000);
  await new Promise((r) => setTimeout(r, 300));
  expect(calls).toBe(1); // not before its time
  sb.clock.advance(1_000);
  await eventually(() => calls === 2);
  const [entry] = await eventually(async () => {
    const l = await log(paid.body.referenceNo);
    return l[0]?.state === 'DELIVERED' && l;
  });
  expect(entry.attempts.map((a: { status: number }) => a.status)).toEqual([500, 200]);
  expect(entry.attempts[1].at - entry.attempts[0].at).toBe(30_000);
  expect(receiver.notifications().every((n) => n.verified)).toBe(true);
  expect(new Set(receiver.notifications().map((n) => n.headers['x-external-id'])).size).toBe(2); // each attempt its own X-EXTERNAL-ID
});

test('every retry used up: FAILED, with each attempt in the log', async () => {
  const { sb, pay, log } = await sandbox({ DOKU_NOTIFICATION_RETRY: '1' });
  receiver.answer = (_r, res) => void res.writeHead(503).end('busy');
  const paid = await pay('INV-F1');
  await eventually(() => receiver.notifications().length === 1);
  sb.clock.advance(1_000);
  const [entry] = await eventually(async () => {
    const l = await log(paid.body.referenceNo);
    return l[0]?.state === 'FAILED' && l;
  });
  expect(entry.attempts.map((a: { status: number; responseBody: string }) => [a.status, a.responseBody])).toEqual([
    [503, 'busy'],
    [503, 'busy'],
  ]);
});

test('DOKU_NOTIFICATION_RETRY_UNTIL=any: any HTTP answer ends the retries', async () => {
  const { pay, log } = await sandbox({ DOKU_NOTIFICATION_RETRY_UNTIL: 'any' });
  receiver.answer = (_r, res) => void res.writeHead(500).end();
  const paid = await pay('INV-A1');
  const [entry] = await eventually(async () => {
    const l = await log(paid.body.referenceNo);
    return l[0]?.state !== 'PENDING' && l;
  });
  expect([entry.state, entry.attempts.length]).toEqual(['DELIVERED', 1]);
});

test('no notification URL: nothing is sent, and the delivery log says why', async () => {
  const sb = await buildSandbox();
  sandboxes.push(sb);
  const client = new SnapClient(sb.app);
  const session = await customerSession(client);
  const paid = await client.tx(PAY, paymentBody('INV-0'), { customerToken: session.customerToken, headers: IP });
  const log = (await request(sb.app).get(`/__mock/notifications?referenceNo=${paid.body.referenceNo}`)).body;
  expect(log).toEqual({
    notice: 'no notification URL is configured (DOKU_NOTIFICATION_URL): payments are not notified (merchants BRN-0000-1700000000000)',
    notifications: [], // nothing kept: a record and a write per payment for nothing
  });
  const sent = await request(sb.app).post('/__mock/notifications/send').send({ referenceNo: paid.body.referenceNo });
  expect(sent.body.notification).toMatchObject({ state: 'NOT_SENT', body: { originalReferenceNo: paid.body.referenceNo } });
  await new Promise((r) => setTimeout(r, 300));
  expect(receiver.received).toEqual([]);
});

test('without a merchant token URL the sandbox signs with a token of its own; no token request is made', async () => {
  const { pay } = await sandbox({ DOKU_MERCHANT_TOKEN_URL: '' });
  await pay('INV-T1');
  const [note] = await eventually(() => receiver.notifications().length > 0 && receiver.notifications());
  expect(receiver.received.map((r) => r.path)).toEqual(['/v1.0/debit/notify']);
  expect(note!.headers.authorization).toMatch(/^Bearer [\w-]{32}$/);
});

test('a PENDING (202) payment is notified when it settles by its time, with no request reading it first', async () => {
  const { sb, client, session } = await sandbox();
  const res = await client.tx(PAY, paymentBody('INV-P1'), {
    customerToken: session.customerToken,
    headers: { ...IP, 'X-Mock-Scenario': 'payment-in-progress' },
  });
  expect(res.body.responseCode).toBe('2025400');
  await new Promise((r) => setTimeout(r, 300));
  expect(receiver.notifications()).toEqual([]); // still PENDING: nothing to report yet
  sb.clock.advance(10_000);
  const [note] = await eventually(() => receiver.notifications().length > 0 && receiver.notifications());
  expect(JSON.parse(note!.body)).toMatchObject({ originalReferenceNo: res.body.referenceNo, latestTransactionStatus: '00' });
});

test('a payment refused in its answer (4035414) is not notified: the merchant has the answer', async () => {
  const { pay, log } = await sandbox();
  const res = await pay('INV-X1', '999999999.00');
  expect(res.body.responseCode).toBe('4035414');
  await new Promise((r) => setTimeout(r, 300));
  expect(receiver.notifications()).toEqual([]);
  expect(await log(res.body.referenceNo ?? 'none')).toEqual([]);
});

test('send now and resend from the admin API; unknown ones are 404', async () => {
  const { sb, pay, log } = await sandbox();
  const paid = await pay('INV-S1');
  await eventually(() => receiver.notifications().length === 1);
  const sent = await request(sb.app).post('/__mock/notifications/send').send({ referenceNo: paid.body.referenceNo });
  expect(sent.status).toBe(202);
  await eventually(() => receiver.notifications().length === 2);
  const again = await request(sb.app).post(`/__mock/notifications/${sent.body.notification.id}/resend`);
  expect(again.status).toBe(202);
  await eventually(() => receiver.notifications().length === 3);
  expect((await log(paid.body.referenceNo)).map((n: { attempts: unknown[] }) => n.attempts.length)).toEqual([2, 1]);
  expect((await request(sb.app).post('/__mock/notifications/send').send({ referenceNo: 'nope' })).status).toBe(404);
  expect((await request(sb.app).post('/__mock/notifications/send').send({})).status).toBe(400);
  expect((await request(sb.app).post('/__mock/notifications/nope/resend')).status).toBe(404);
});

test('the admin settle helper settling a PENDING payment to FAILED notifies status 06', async () => {
  const { sb, client, session } = await sandbox();
  const res = await client.tx(PAY, paymentBody('INV-P2'), {
    customerToken: session.customerToken,
    headers: { ...IP, 'X-Mock-Scenario': 'payment-in-progress' },
  });
  await request(sb.app).post(`/__mock/payments/${res.body.referenceNo}/settle`).send({ status: 'FAILED' }).expect(200);
  const [note] = await eventually(() => receiver.notifications().length > 0 && receiver.notifications());
  expect(JSON.parse(note!.body)).toMatchObject({ latestTransactionStatus: '06', transactionStatusDesc: 'Failed' });
});

describe('receivers that misbehave never hold up payments', () => {
  test.each([
    ['refuses connections', 'closed', /ECONNREFUSED/],
    ['never answers', 'hang', /timed out/],
  ])('one that %s: the attempt fails with the reason, the payment is answered at once', async (_name, how, error) => {
    const closedUrl = `${receiver.url}/v1.0/debit/notify`;
    if (how === 'closed') await receiver.close();
    else receiver.answer = () => undefined; // keeps the request open
    const { pay, log } = await sandbox({
      DOKU_NOTIFICATION_URL: closedUrl,
      DOKU_MERCHANT_TOKEN_URL: '',
      DOKU_NOTIFICATION_TIMEOUT_MS: '300',
    });
    const started = Date.now();
    const paid = await pay('INV-B1');
    expect([paid.body.responseCode, Date.now() - started < 250]).toEqual(['2005400', true]);
    const [entry] = await eventually(async () => {
      const l = await log(paid.body.referenceNo);
      return l[0]?.attempts.length > 0 && l;
    });
    expect(entry.attempts[0]).toMatchObject({ status: null, error: expect.stringMatching(error) });
    expect(entry.state).toBe('PENDING'); // a retry is due
    if (how === 'closed') receiver = await merchantReceiver(DEMO.clientId, DEMO.clientSecret); // for afterEach
  });

  test('one that redirects: not followed, and not delivered', async () => {
    receiver.answer = (_r, res) => void res.writeHead(302, { Location: 'http://127.0.0.1:9/elsewhere' }).end();
    const { pay, log } = await sandbox();
    const paid = await pay('INV-B2');
    const [entry] = await eventually(async () => {
      const l = await log(paid.body.referenceNo);
      return l[0]?.attempts.length > 0 && l;
    });
    expect([entry.state, entry.attempts[0].status]).toEqual(['PENDING', 302]);
  });

  test('one that answers 10 MB: at most 64 KiB is read, 4 KiB kept in the log', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    receiver.answer = (_r, res) => void res.writeHead(200).end(big);
    const { pay, log } = await sandbox();
    const paid = await pay('INV-B3');
    const [entry] = await eventually(async () => {
      const l = await log(paid.body.referenceNo);
      return l[0]?.state === 'DELIVERED' && l;
    });
    expect(entry.attempts[0].responseBody).toHaveLength(4096);
  });
});

describe('after a restart', () => {
  let file: string;
  eachTempState('notify-', (_d, f) => (file = f));

  test('a delivery still due is sent by the next process, on its schedule', async () => {
    receiver.answer = (_r, res) => void res.writeHead(500).end();
    const first = await sandbox({ DOKU_DB_FILE: file, DOKU_NOTIFICATION_RETRY: '60' });
    const paid = await first.pay('INV-RS1');
    await eventually(async () => (await first.log(paid.body.referenceNo))[0]?.attempts.length === 1);
    first.sb.app.outbox.stop(); // the process "dies": no clean stop
    receiver.answer = (_r, res) => void res.writeHead(200).end('{}');
    const second = await sandbox({ DOKU_DB_FILE: file, DOKU_NOTIFICATION_RETRY: '60' });
    second.sb.clock.advance(60_000);
    const [entry] = await eventually(async () => {
      const l = await second.log(paid.body.referenceNo);
      return l[0]?.state === 'DELIVERED' && l;
    });
    expect(entry.attempts.map((a: { status: number }) => a.status)).toEqual([500, 200]);
    expect(receiver.notifications().map((n) => JSON.parse(n.body).originalReferenceNo)).toEqual([
      paid.body.referenceNo,
      paid.body.referenceNo,
    ]);
  });

  test('a delivery still due when the next process has no notification URL: not sent, and the log says why', async () => {
    receiver.answer = (_r, res) => void res.writeHead(500).end();
    const first = await sandbox({ DOKU_DB_FILE: file, DOKU_NOTIFICATION_RETRY: '60' });
    const paid = await first.pay('INV-RS2');
    await eventually(async () => (await first.log(paid.body.referenceNo))[0]?.attempts.length === 1);
    first.sb.app.outbox.stop();
    const second = await buildSandbox({ DOKU_DB_FILE: file });
    sandboxes.push(second);
    second.clock.advance(60_000);
    second.app.outbox.kick();
    const [entry] = await eventually(async () => {
      const l = (await request(second.app).get(`/__mock/notifications?referenceNo=${paid.body.referenceNo}`)).body.notifications;
      return l[0]?.state === 'NOT_SENT' && l;
    });
    expect([entry.reason, entry.attempts.length, receiver.notifications().length]).toEqual([
      'no notification URL is configured (DOKU_NOTIFICATION_URL): payments are not notified',
      1,
      1,
    ]);
  });
});

describe('POST /__mock/notifications/verifier-check', () => {
  test('a handler that accepts anything is told which forgeries it accepted', async () => {
    const { sb } = await sandbox();
    receiver.answer = (_r, res) => void res.writeHead(200).end('{}');
    const check = (await request(sb.app).post('/__mock/notifications/verifier-check').send({}).expect(200)).body;
    expect(check.verdict).toBe('accepts forged notifications');
    expect(check.acceptedForgeries).toEqual([
      'wrong-signature',
      'other-secret',
      'stale-timestamp',
      'replayed-external-id',
      'amount-tampered',
      'no-signature',
      'unknown-token',
    ]);
  });

  test('a handler that verifies signature, token, timestamp and X-EXTERNAL-ID accepts only the valid one', async () => {
    await receiver.close();
    receiver = await merchantReceiver(DEMO.clientId, DEMO.clientSecret, () => Date.parse('2026-05-26T10:00:00+07:00'));
    const { sb } = await sandbox();
    receiver.answer = (r, res) => void res.writeHead(r.verified ? 200 : 401).end('{}');
    const check = (await request(sb.app).post('/__mock/notifications/verifier-check').send({}).expect(200)).body;
    expect([check.verdict, check.acceptedForgeries]).toEqual(['verifies notifications', []]);
    expect(check.variants.map((v: { name: string; status: number }) => [v.name, v.status])).toEqual([
      ['valid', 200],
      ['wrong-signature', 401],
      ['other-secret', 401],
      ['stale-timestamp', 401],
      ['replayed-external-id', 401],
      ['amount-tampered', 401],
      ['no-signature', 401],
      ['unknown-token', 401],
    ]);
  });

  test('another URL can be checked; a bad one or an unknown merchant is refused', async () => {
    const sb = await buildSandbox();
    sandboxes.push(sb);
    receiver.answer = (_r, res) => void res.writeHead(200).end('{}');
    const check = (await request(sb.app).post('/__mock/notifications/verifier-check').send({ url: receiver.notifyUrl }).expect(200)).body;
    expect(check.variants).toHaveLength(8);
    expect((await request(sb.app).post('/__mock/notifications/verifier-check').send({})).status).toBe(400); // no URL configured
    expect((await request(sb.app).post('/__mock/notifications/verifier-check').send({ url: 'ftp://x' })).status).toBe(400);
    expect((await request(sb.app).post('/__mock/notifications/verifier-check').send({ clientId: 'nope' })).status).toBe(404);
  });
});
