/**
 * The settings for where DOKU's sources disagree about its calls to the merchant (docs/doku.md
 * §14.12): the psid's padding and a `virtualAccountData` copy in the VA notification, the client id
 * the calls name, X-TIMESTAMP's form, and the strict acknowledgement. Each is checked by the tests'
 * own receiver, which verifies the RSA token request and the HMAC with code of its own.
 */
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { eventually, merchantReceiver, type Receiver } from '../helpers/merchant-receiver.js';
import { SnapClient } from '../helpers/snap-client.js';

const PAYMENT = '/v1.1/transfer-va/payment';
let receiver: Receiver;
let sb: TestSandbox;

async function paidVa(env: Record<string, string>, partnerId = DEMO.clientId, answer?: Receiver['answer']) {
  receiver = await merchantReceiver(partnerId, DEMO.clientSecret);
  if (answer) receiver.answer = answer;
  sb = await buildSandbox({ DOKU_VA_NOTIFICATION_URL: `${receiver.url}${PAYMENT}`, DOKU_MERCHANT_TOKEN_URL: receiver.tokenUrl, ...env });
  receiver.trustDokuKey((await request(sb.app).get('/__mock/doku-public-key')).text);
  const created = await new SnapClient(sb.app).tx('/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va', {
    partnerServiceId: '   19008',
    customerNo: '00000000000000000061',
    virtualAccountNo: '   1900800000000000000000061',
    virtualAccountName: 'Agus Salim',
    trxId: 'INV-61',
    totalAmount: { value: '5000.00', currency: 'IDR' },
    additionalInfo: { channel: 'VIRTUAL_ACCOUNT_BCA' },
  });
  expect(created.body.responseCode).toBe('2002700');
  const paid = await request(sb.app).post('/__mock/virtual-accounts/1900800000000000000000061/pay').send({});
  expect(paid.status).toBe(200);
  return paid.body.payment.paymentRequestId as string;
}

afterEach(async () => {
  sb.app.outbox.stop();
  await receiver.close();
});

const delivered = () => eventually(() => receiver.received.find((r) => r.path === PAYMENT));

test('DOKU_VA_NOTIFICATION_PADDING=zero and a virtualAccountData copy (DOKU_VA_NOTIFICATION_WRAPPER)', async () => {
  await paidVa({ DOKU_VA_NOTIFICATION_PADDING: 'zero', DOKU_VA_NOTIFICATION_WRAPPER: 'with-virtual-account-data' });
  const body = JSON.parse((await delivered()).body);
  expect([body.partnerServiceId, body.virtualAccountNo]).toEqual(['00019008', '0001900800000000000000000061']);
  expect(body.virtualAccountData).toMatchObject({
    virtualAccountNo: '0001900800000000000000000061',
    trxId: 'INV-61',
    paidAmount: { value: '5000.00' },
  });
});

test('DOKU_VA_NOTIFICATION_PADDING=none: bare digits, as DOKU samples them; flat by default', async () => {
  await paidVa({ DOKU_VA_NOTIFICATION_PADDING: 'none' });
  const body = JSON.parse((await delivered()).body);
  expect([body.partnerServiceId, body.virtualAccountNo, body.virtualAccountData]).toEqual([
    '19008',
    '1900800000000000000000061',
    undefined,
  ]);
});

test('DOKU_CALLBACK_CLIENT_ID and DOKU_CALLBACK_TIMESTAMP=utc-millis: named, signed and verified consistently', async () => {
  await paidVa({ DOKU_CALLBACK_CLIENT_ID: 'DOKU-CLIENT-1', DOKU_CALLBACK_TIMESTAMP: 'utc-millis' }, 'DOKU-CLIENT-1');
  const note = await delivered();
  const token = receiver.received.find((r) => r.path === '/authorization/v1/access-token/b2b')!;
  expect([token.verified, token.headers['x-client-key'], token.headers['x-timestamp']]).toEqual([
    true,
    'DOKU-CLIENT-1',
    expect.stringMatching(/\.000Z$/),
  ]);
  expect([note.verified, note.headers['x-partner-id'], note.headers['x-timestamp']]).toEqual([
    true,
    'DOKU-CLIENT-1',
    expect.stringMatching(/T\d\d:\d\d:\d\d\.000Z$/),
  ]);
});

test('DOKU_NOTIFICATION_RETRY_UNTIL=2xx-and-code: a 2xx saying 5002500 is retried; Node’s number 2002700 acknowledges', async () => {
  let answers = 0;
  const id = await paidVa(
    { DOKU_NOTIFICATION_RETRY_UNTIL: '2xx-and-code', DOKU_NOTIFICATION_RETRY: '1,1' },
    DEMO.clientId,
    (_r, res) =>
      void res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(++answers === 1 ? '{"responseCode":"5002500"}' : '{"responseCode":2002700}'),
  );
  await eventually(() => answers >= 1);
  sb.clock.advance(2000);
  const log = await eventually(async () => {
    const n = (await request(sb.app).get(`/__mock/notifications?referenceNo=${id}`)).body.notifications[0];
    return n?.state === 'DELIVERED' && n;
  }, 5000);
  expect(log.attempts.map((a: { status: number }) => a.status)).toEqual([200, 200]);
});
