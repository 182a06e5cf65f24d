/**
 * DIPC (docs/doku.md §14.11): paying a VA number the merchant never created asks its Inquiry URL
 * first. The merchant here is the tests' own receiver, which checks DOKU's token request (RSA) and
 * the inquiry's and notification's HMAC with code of its own; its answer decides the payment.
 */
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { eventually, merchantReceiver, type Receiver } from '../helpers/merchant-receiver.js';
import { SnapClient } from '../helpers/snap-client.js';

const INQUIRY = '/v1.1/transfer-va/inquiry';
const PAYMENT = '/v1.1/transfer-va/payment';
const NO = '788961220023342200'; // DOKU's BTN DIPC sample, unpadded
let receiver: Receiver;
let sb: TestSandbox;
let bill: (body: Record<string, unknown>) => [number, unknown];

const accepting = (inquiry: Record<string, unknown>) => [
  200,
  {
    responseCode: '2002400',
    responseMessage: 'Successful',
    virtualAccountData: {
      partnerServiceId: inquiry.partnerServiceId,
      customerNo: inquiry.customerNo,
      virtualAccountNo: inquiry.virtualAccountNo,
      virtualAccountName: 'Siti Rahma',
      totalAmount: { value: '25000.00', currency: 'IDR' },
      virtualAccountTrxType: 'C',
      additionalInfo: { channel: 'VIRTUAL_ACCOUNT_BTN', trxId: 'INV-DIPC-1' },
      inquiryStatus: '00',
      inquiryReason: { english: 'Success', indonesia: 'Sukses' },
      inquiryRequestId: inquiry.inquiryRequestId,
    },
  },
];

async function start(env: Record<string, string> = {}) {
  receiver = await merchantReceiver(DEMO.clientId, DEMO.clientSecret);
  bill = accepting as typeof bill;
  receiver.answer = (r, res) => {
    if (r.path !== INQUIRY) return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"responseCode":"2002500"}');
    if (!r.verified) return void res.writeHead(401).end('{"responseCode":"4012400","responseMessage":"Unauthorized"}');
    const [status, body] = bill(JSON.parse(r.body));
    if (status === 0) return; // never answers
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };
  sb = await buildSandbox({
    DOKU_MERCHANT_TOKEN_URL: receiver.tokenUrl,
    DOKU_VA_INQUIRY_URL: `${receiver.url}${INQUIRY}`,
    DOKU_VA_NOTIFICATION_URL: `${receiver.url}${PAYMENT}`,
    ...env,
  });
  receiver.trustDokuKey((await request(sb.app).get('/__mock/doku-public-key')).text);
}

afterEach(async () => {
  sb.app.outbox.stop();
  await receiver.close();
});

const pay = (body: Record<string, unknown> = {}) => request(sb.app).post(`/__mock/virtual-accounts/${NO}/pay`).send(body);

test('the merchant bills 25000.00: the inquiry is signed as DOKU signs it, the payment follows with its trxId', async () => {
  await start();
  const paid = await pay({ channel: 'VIRTUAL_ACCOUNT_BTN' });
  expect(paid.status).toBe(200);
  const inquiry = receiver.received.find((r) => r.path === INQUIRY)!;
  expect(inquiry.verified).toBe(true); // token request RSA-verified, then the HMAC over the inquiry body
  expect(inquiry.headers['channel-id']).toBe('VA004');
  const sent = JSON.parse(inquiry.body);
  expect(sent).toMatchObject({
    partnerServiceId: '   78896',
    customerNo: '1220023342200',
    virtualAccountNo: '   788961220023342200',
    channelCode: '6011',
    additionalInfo: { channel: 'VIRTUAL_ACCOUNT_BTN' },
  });
  expect(sent.trxDateInit).toMatch(/\+07:00$/);
  expect(sent.inquiryRequestId).toMatch(/^\d{17}$/); // Python's README handler reads all three unguarded
  expect(paid.body.payment).toMatchObject({ paymentRequestId: sent.inquiryRequestId, paidAmount: { value: '25000.00' } });
  expect(paid.body.virtualAccount).toMatchObject({ numbering: 'DIPC', trxId: 'INV-DIPC-1', state: 'PAID' });
  expect(paid.body.attempt).toMatchObject({ outcome: 'PAID', inquiry: { status: 200 } });

  const note = await eventually(() => receiver.received.find((r) => r.path === PAYMENT));
  expect(note.verified).toBe(true);
  expect(JSON.parse(note.body)).toMatchObject({
    trxId: 'INV-DIPC-1',
    paymentRequestId: sent.inquiryRequestId,
    virtualAccountName: 'Siti Rahma',
  });

  const status = await new SnapClient(sb.app).tx('/orders/v1.0/transfer-va/status', {
    partnerServiceId: '   78896',
    customerNo: '1220023342200',
    virtualAccountNo: '   788961220023342200',
  });
  expect(status.body.virtualAccountData).toMatchObject({ paymentFlagStatus: '00', paidAmount: { value: '25000.00', currency: 'IDR' } });
});

test('the merchant declines (its code a number, HTTP 404): the bank refuses with that code; the journal says why', async () => {
  await start();
  bill = () => [404, { responseCode: 4042412, responseMessage: 'Bill not found' }];
  const refused = await pay({ amount: '25000.00' });
  expect([refused.status, refused.body.responseCode, refused.body.responseMessage]).toEqual([409, '4042412', 'Bill not found']);
  expect(refused.body.mockError).toMatch(/declined the inquiry: HTTP 404 4042412/);
  const sent = JSON.parse(receiver.received.find((r) => r.path === INQUIRY)!.body);
  expect(sent.amount).toEqual({ value: '25000.00', currency: 'IDR' });
  const journal = await request(sb.app).get('/__mock/virtual-accounts/attempts');
  expect(journal.body.attempts[0]).toMatchObject({ outcome: 'REFUSED', responseCode: '4042412', inquiry: { status: 404 } });
  expect(receiver.received.some((r) => r.path === PAYMENT)).toBe(false);
});

test("a payment that is not the merchant's closed bill is refused 4042513; no answer within the timeout is 5042400", async () => {
  await start({ DOKU_VA_INQUIRY_TIMEOUT_MS: '300' });
  const wrong = await pay({ amount: '100.00' });
  expect([wrong.status, wrong.body.responseCode]).toEqual([409, '4042513']);
  expect(wrong.body.mockError).toMatch(/closed VA is paid exactly 25000.00 \(the merchant's bill\)/);
  bill = () => [0, null];
  const slow = await pay();
  expect([slow.status, slow.body.responseCode, slow.body.mockError]).toEqual([409, '5042400', expect.stringMatching(/timed out/)]);
});

test('without an Inquiry URL an unknown number is 404 and says how to make it a DIPC one', async () => {
  sb = await buildSandbox();
  receiver = await merchantReceiver(DEMO.clientId, DEMO.clientSecret);
  const res = await pay();
  expect(res.status).toBe(404);
  expect(res.body.mockError).toMatch(/DOKU_VA_INQUIRY_URL/);
});
