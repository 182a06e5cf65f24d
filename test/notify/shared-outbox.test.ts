/**
 * The notifications outbox shared by a team (issue #24, items 4 and 11): one merchant's backlog
 * never drops another's notifications, and a merchant overflowing its cap is reported; a resend
 * asked for during an attempt is sent after it; /__mock/events admits a bounded number of clients.
 */
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { buildSandbox, freePort, listenSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { eventually, merchantReceiver, type Receiver } from '../helpers/merchant-receiver.js';
import { IP, PAY, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const V = {
  clientId: 'BRN-VICTIM',
  clientSecret: 'SK-victim-secret-0001',
  publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }) as string,
};
const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

let sb: TestSandbox;
let receiver: Receiver;
afterEach(async () => {
  sb.app.outbox.stop();
  await receiver.close();
});

async function pay(client: SnapClient, ref: string): Promise<string> {
  const session = await customerSession(client);
  const paid = await client.tx(PAY, paymentBody(ref), { customerToken: session.customerToken, headers: IP });
  expect(paid.body.responseCode).toBe('2005400');
  return paid.body.referenceNo;
}

const notificationsOf = async (clientId: string) =>
  (await request(sb.app).get('/__mock/notifications')).body.notifications.filter((n: { clientId: string }) => n.clientId === clientId);

test("another merchant's backlog to a dead receiver never drops a merchant's pending notifications; the overflow is reported", async () => {
  const dead = `http://127.0.0.1:${await freePort()}/v1.0/debit/notify`; // refuses every connection
  sb = await buildSandbox({ DOKU_NOTIFICATION_URL: dead, DOKU_NOTIFICATIONS_PER_MERCHANT: '20' });
  receiver = await merchantReceiver(V.clientId, V.clientSecret);
  let up = false;
  receiver.answer = (_r, res) => void res.writeHead(up ? 200 : 500).end('{}');
  await request(sb.app)
    .post('/__mock/merchants')
    .send({ ...V, notificationUrl: receiver.notifyUrl })
    .expect(201);
  const victim = new SnapClient(sb.app, V.clientId, V.clientSecret, privateKeyPem);
  for (let i = 0; i < 5; i++) await pay(victim, `INV-V${i}`);
  const flooded = await pay(new SnapClient(sb.app), 'INV-D');
  for (let i = 0; i < 30; i++) await request(sb.app).post('/__mock/notifications/send').send({ referenceNo: flooded }).expect(202);
  await eventually(async () => (await notificationsOf(DEMO.clientId)).every((n: { attempts: unknown[] }) => n.attempts.length > 0));

  expect(await notificationsOf(V.clientId)).toHaveLength(5); // the victim's five are all kept, still pending
  expect((await notificationsOf(DEMO.clientId)).length).toBe(31); // the flooder's pending ones are not dropped either
  const health = (await request(sb.app).get('/__mock/health')).body;
  expect(health.notificationsOverflowing).toEqual({ [DEMO.clientId]: 31 });
  const log = (await request(sb.app).get(`/__mock/notifications?clientId=${DEMO.clientId}`)).body;
  expect(log.notice).toMatch(new RegExp(`merchant ${DEMO.clientId} keeps 31 notifications, more than DOKU_NOTIFICATIONS_PER_MERCHANT`));

  up = true; // the victim's receiver is back: its next retry delivers every one
  sb.clock.advance(11_000);
  sb.app.outbox.kick();
  const delivered = await eventually(async () => {
    const mine = await notificationsOf(V.clientId);
    return mine.every((n: { state: string }) => n.state === 'DELIVERED') && mine;
  });
  expect(delivered).toHaveLength(5);
});

test('a resend asked for while an attempt is in flight is sent once that attempt ends', async () => {
  receiver = await merchantReceiver(DEMO.clientId, DEMO.clientSecret);
  const held: (() => void)[] = [];
  receiver.answer = (_r, res) => void held.push(() => res.writeHead(200).end('{}'));
  sb = await buildSandbox({ DOKU_NOTIFICATION_URL: receiver.notifyUrl });
  const referenceNo = await pay(new SnapClient(sb.app), 'INV-RESEND');
  await eventually(() => held.length === 1); // the first attempt waits for its answer
  const [n] = (await request(sb.app).get(`/__mock/notifications?referenceNo=${referenceNo}`)).body.notifications;
  await request(sb.app).post(`/__mock/notifications/${n.id}/resend`).send({}).expect(202);
  held.shift()!();
  await eventually(() => held.length === 1); // the resend: a second attempt
  held.shift()!();
  const [after] = await eventually(async () => {
    const log = (await request(sb.app).get(`/__mock/notifications?referenceNo=${referenceNo}`)).body.notifications;
    return log[0].attempts.length === 2 && log[0].state === 'DELIVERED' && log;
  });
  expect(after.attempts.map((a: { status: number }) => a.status)).toEqual([200, 200]);
  expect(receiver.notifications()).toHaveLength(2);
});

test('/__mock/events admits DOKU_EVENTS_MAX clients; one more is answered 503 with a mockError, and a closed one frees its place', async () => {
  sb = await buildSandbox({ DOKU_EVENTS_MAX: '2' });
  receiver = await merchantReceiver(DEMO.clientId, DEMO.clientSecret); // closed by afterEach
  const listener = await listenSandbox(sb);
  const follow = async () => {
    const abort = new AbortController();
    const res = await fetch(`${listener.url}/__mock/events`, { signal: abort.signal });
    return { res, abort };
  };
  const first = await follow();
  const second = await follow();
  expect([first.res.status, second.res.status]).toEqual([200, 200]);
  const third = await follow();
  expect(third.res.status).toBe(503);
  expect((await third.res.json()).mockError).toMatch(/2 clients already follow \/__mock\/events \(DOKU_EVENTS_MAX\)/);
  first.abort.abort();
  const again = await eventually(async () => {
    const f = await follow();
    if (f.res.status === 200) return f;
    f.abort.abort();
    return false;
  });
  expect(again.res.status).toBe(200);
  second.abort.abort();
  again.abort.abort();
  await listener.close();
});
