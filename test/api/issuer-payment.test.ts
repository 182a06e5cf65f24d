/**
 * Tokenized bank payments the customer verifies with the issuer (docs/doku.md §7.5, issue #25
 * items 1 and 2): BRI and Mandiri with paymentType SALE, CIMB always, answer 2005400 with a
 * webRedirectUrl to the issuer's OTP/PIN page and stay PENDING (status 01) until the customer pays
 * there (or the merchant passes the OTP on with otp-verification type PAYMENT); wrong codes, cancel
 * and expiry; RECURRING is paid at once; a payment's own `otp` is checked.
 */
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { BALANCE, IP, PAY, STATUS, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

const OTP_PATH = '/direct-debit/core/v1/otp-verification';
let sb: TestSandbox;
let client: SnapClient;
let customerToken: string;
beforeEach(async () => {
  sb = await buildSandbox();
  client = new SnapClient(sb.app);
  customerToken = (await customerSession(client)).customerToken;
});
afterEach(() => sb.app.outbox.stop());

const bank = (ref: string, channel = 'DIRECT_DEBIT_BRI_SNAP', paymentType?: string, value = '10000.00') =>
  client.tx(
    PAY,
    paymentBody(ref, value, {
      additionalInfo: {
        channel,
        ...(paymentType ? { paymentType } : {}),
        successPaymentUrl: 'https://merchant.example/paid',
        failedPaymentUrl: 'https://merchant.example/failed',
      },
    }),
    { customerToken, headers: IP },
  );
const pageOf = (res: request.Response) => new URL(res.body.webRedirectUrl).pathname;
const status = async (ref: string) => (await client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: ref })).body;
const balance = async () =>
  Number((await client.tx(BALANCE, {}, { customerToken, headers: IP })).body.accountInfos[0].availableBalance.value);
const submit = (res: request.Response, form: Record<string, string>) => request(sb.app).post(pageOf(res)).type('form').send(form);

test('BRI SALE: 2005400 with a webRedirectUrl; Initiated (01) and nothing debited until the customer enters the OTP', async () => {
  const before = await balance();
  const res = await bank('BRI-SALE-1', 'DIRECT_DEBIT_BRI_SNAP', 'SALE');
  expect(res.body).toEqual({
    responseCode: '2005400',
    responseMessage: 'Successful',
    referenceNo: expect.any(String),
    partnerReferenceNo: 'BRI-SALE-1',
    webRedirectUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/direct-debit\/issuer\/pay\/ISSUER-[\w-]+$/),
  });
  expect(await status('BRI-SALE-1')).toMatchObject({ latestTransactionStatus: '01', transactionStatusDesc: 'Initiated' });
  expect(await balance()).toBe(before);
  const page = await request(sb.app).get(pageOf(res));
  expect([page.status, page.text.includes('One-time password'), page.text.includes('id="pin"')]).toEqual([200, true, false]);
  const paid = await submit(res, { action: 'pay', otp: '12345678' });
  expect(paid.status).toBe(303);
  const back = new URL(paid.headers.location!);
  expect([back.pathname, back.searchParams.get('status'), back.searchParams.get('referenceNo')]).toEqual([
    '/paid',
    'SUCCESS',
    res.body.referenceNo,
  ]);
  expect(await status('BRI-SALE-1')).toMatchObject({ latestTransactionStatus: '00', approvalCode: expect.any(String) });
  expect(await balance()).toBe(before - 10000);
  expect((await request(sb.app).get(pageOf(res))).status).toBe(409); // paid: the page is closed
});

test('RECURRING (and no paymentType) is paid at once, as before; DOKU_ISSUER_PAGE=none pays SALE at once too', async () => {
  for (const [ref, type] of [
    ['BRI-REC-1', 'RECURRING'],
    ['BRI-NONE-1', undefined],
  ] as const)
    expect(await bank(ref, 'DIRECT_DEBIT_BRI_SNAP', type).then((r) => [r.body.webRedirectUrl, r.body.responseCode])).toEqual([
      null,
      '2005400',
    ]);
  expect((await status('BRI-REC-1')).latestTransactionStatus).toBe('00');
  // what Go ("") and Python and PHP (null) send for an unset paymentType: not given, so paid at once
  for (const [ref, type] of [
    ['BRI-GO-1', ''],
    ['BRI-PY-1', null],
  ] as const) {
    const res = await client.tx(
      PAY,
      paymentBody(ref, '1000.00', { additionalInfo: { channel: 'DIRECT_DEBIT_BRI_SNAP', paymentType: type } }),
      { customerToken, headers: IP },
    );
    expect([ref, res.body.responseCode, res.body.webRedirectUrl]).toEqual([ref, '2005400', null]);
  }
  sb.app.outbox.stop();
  sb = await buildSandbox({ DOKU_ISSUER_PAGE: 'none' });
  client = new SnapClient(sb.app);
  customerToken = (await customerSession(client)).customerToken;
  expect((await bank('BRI-OFF-1', 'DIRECT_DEBIT_BRI_SNAP', 'SALE')).body.webRedirectUrl).toBeNull();
});

test('a wrong OTP shows the form again; the third fails the payment (4035411, status 06) and sends the customer back', async () => {
  const res = await bank('BRI-WRONG', 'DIRECT_DEBIT_MANDIRI_SNAP', 'SALE');
  for (const left of [2, 1]) {
    const again = await submit(res, { action: 'pay', otp: '00000000' });
    expect([again.status, again.text.includes(`${left} attempt(s) left`), again.text.includes('role="alert"')]).toEqual([200, true, true]);
  }
  const third = await submit(res, { action: 'pay', otp: '00000000' });
  expect(new URL(third.headers.location!).pathname).toBe('/failed');
  expect(await status('BRI-WRONG')).toMatchObject({ latestTransactionStatus: '06', originalResponseCode: '4035411' });
});

test('cancel on the page closes the payment (05 Canceled); unanswered, it expires at its time (05, 4035400)', async () => {
  const cancelled = await bank('BRI-CANCEL', 'DIRECT_DEBIT_BRI_SNAP', 'SALE');
  expect(new URL((await submit(cancelled, { action: 'cancel' })).headers.location!).searchParams.get('status')).toBe('FAILED');
  expect(await status('BRI-CANCEL')).toMatchObject({ latestTransactionStatus: '05', originalResponseCode: '4045404' });
  const left = await bank('BRI-EXPIRE', 'DIRECT_DEBIT_BRI_SNAP', 'SALE');
  sb.clock.advance(301_000); // the page lives as long as an OTP (DOKU_OTP_TTL_SECONDS) when no validUpTo is given
  expect(await status('BRI-EXPIRE')).toMatchObject({ latestTransactionStatus: '05', originalResponseCode: '4035400' });
  expect((await request(sb.app).get(pageOf(left))).status).toBe(409);
});

test('CIMB always asks, for the OTP and the PIN on its page, or the merchant passes the OTP on with type PAYMENT', async () => {
  const res = await bank('CIMB-1', 'DIRECT_DEBIT_CIMB_SNAP', 'RECURRING');
  const page = await request(sb.app).get(pageOf(res));
  expect(page.text.includes('id="pin"')).toBe(true);
  const wrongPin = await submit(res, { action: 'pay', otp: '12345678', pin: '000000' });
  expect(wrongPin.text).toContain('wrong OTP or PIN');
  expect(new URL((await submit(res, { action: 'pay', otp: '12345678', pin: '123456' })).headers.location!).pathname).toBe('/paid');

  await bank('CIMB-2', 'DIRECT_DEBIT_CIMB_SNAP');
  const wrong = await client.tx(OTP_PATH, { originalPartnerReferenceNo: 'CIMB-2', type: 'PAYMENT', otp: '87654321' });
  expect(wrong.body.responseCode).toBe('4040415');
  const right = await client.tx(OTP_PATH, { originalPartnerReferenceNo: 'CIMB-2', type: 'PAYMENT', otp: '12345678' });
  expect(right.body).toEqual({
    responseCode: '2000400',
    responseMessage: 'Successful',
    originalReferenceNo: expect.any(String),
    originalPartnerReferenceNo: 'CIMB-2',
    additionalInfo: { status: 'SUCCESS', channel: 'DIRECT_DEBIT_CIMB_SNAP' },
  });
  expect((await status('CIMB-2')).latestTransactionStatus).toBe('00');
  const again = await client.tx(OTP_PATH, { originalPartnerReferenceNo: 'CIMB-2', action: 'otpPayment', otp: '12345678' });
  expect(again.body.responseCode).toBe('4040400'); // paid: nothing waits for an OTP any more
  const unknown = await client.tx(OTP_PATH, { originalPartnerReferenceNo: 'NOPE', type: 'PAYMENT', otp: '12345678' });
  expect(unknown.body.responseCode).toBe('4040401');
});

test("a payment's own otp is checked: wrong 4045415, blocked after three (4035411) even with the right one; right pays", async () => {
  const withOtp = (ref: string, otp: string) => client.tx(PAY, paymentBody(ref, '1000.00', { otp }), { customerToken, headers: IP });
  expect((await withOtp('OTP-OK', '12345678')).body.responseCode).toBe('2005400');
  expect((await withOtp('OTP-BAD', '00000000')).body.responseCode).toBe('4045415');
  expect((await withOtp('OTP-BAD', '00000000')).body.responseCode).toBe('4045415');
  expect((await withOtp('OTP-BAD', '00000000')).body.responseCode).toBe('4035411');
  expect((await withOtp('OTP-BAD', '12345678')).body.responseCode).toBe('4035411');
  sb.app.outbox.stop();
  sb = await buildSandbox({ DOKU_OTP_LENGTH_MODE: 'strict' });
  client = new SnapClient(sb.app);
  customerToken = (await customerSession(client)).customerToken;
  const short = await withOtp('OTP-6', '123456');
  expect([short.body.responseCode, short.body.responseMessage]).toEqual(['4005401', 'Invalid Field Format {otp}']);
});

test('the page takes form posts from itself only', async () => {
  const res = await bank('BRI-XO', 'DIRECT_DEBIT_BRI_SNAP', 'SALE');
  const foreign = await request(sb.app)
    .post(pageOf(res))
    .set('Origin', 'http://evil.example')
    .type('form')
    .send({ action: 'pay', otp: '12345678' });
  expect(foreign.status).toBe(403);
  expect((await status('BRI-XO')).latestTransactionStatus).toBe('01');
});
