/** E-wallet "jump app" payments (docs/doku.md §7.4, issue #16): DANA and ShopeePay without a customer token, OVO SALE with one. */
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { BALANCE, IP, PAY, REFUND, STATUS, SnapClient, customerSession, paymentBody, refundBody } from '../helpers/snap-client.js';

const DEVICE = { ...IP, 'X-DEVICE-ID': 'device-123' };
const jumpApp = (partnerReferenceNo: string, channel = 'EMONEY_DANA_SNAP', extra: Record<string, unknown> = {}) => ({
  partnerReferenceNo,
  amount: { value: '25000.00', currency: 'IDR' },
  urlParam: [{ url: 'https://merchant.example/return', type: 'PAY_RETURN', isDeepLink: 'N' }],
  validUpTo: '2026-05-26T10:30:00+07:00',
  pointOfInitiation: 'app',
  additionalInfo: { channel, orderTitle: 'Kopi Susu x2', origin: { product: 'SDK' } },
  ...extra,
});

let sb: TestSandbox;
let client: SnapClient;
beforeEach(async () => {
  sb = await buildSandbox();
  client = new SnapClient(sb.app);
});
afterEach(() => sb.app.outbox.stop());

const pagePath = (res: request.Response) => new URL(res.body.webRedirectUrl).pathname;
const status = async (ref: string) => (await client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: ref })).body;

test('DANA: 2005400 with a webRedirectUrl to the wallet page; PENDING until the customer approves; back to PAY_RETURN', async () => {
  const res = await client.tx(PAY, jumpApp('DANA-1'), { headers: DEVICE });
  expect(res.body).toEqual({
    responseCode: '2005400',
    responseMessage: 'Successful',
    referenceNo: expect.any(String),
    partnerReferenceNo: 'DANA-1',
    webRedirectUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1(:\d+)?\/direct-debit\/wallet\/pay\/WALLET-/),
  });
  expect((await status('DANA-1')).latestTransactionStatus).toBe('01'); // Initiated (SNAP; DOKU_WAITING_STATUS=legacy: 03);
  const page = await request(sb.app).get(pagePath(res));
  expect([page.status, page.text.includes('Pay with DANA'), page.text.includes('IDR 25000.00')]).toEqual([200, true, true]);
  const approved = await request(sb.app).post(pagePath(res)).type('form').send({ action: 'approve' });
  expect(approved.status).toBe(303);
  const back = new URL(approved.headers.location!);
  expect([back.origin + back.pathname, back.searchParams.get('status'), back.searchParams.get('referenceNo')]).toEqual([
    'https://merchant.example/return',
    'SUCCESS',
    res.body.referenceNo,
  ]);
  expect((await status('DANA-1')).latestTransactionStatus).toBe('00');
  expect((await request(sb.app).get(pagePath(res))).status).toBe(409); // paid: the page is closed
});

test('a DANA payment refunds without a customer token', async () => {
  const res = await client.tx(PAY, jumpApp('DANA-R'), { headers: DEVICE });
  await request(sb.app).post(pagePath(res)).type('form').send({ action: 'approve' });
  const refund = await client.tx(REFUND, refundBody('DANA-R', 'RF-DANA', '5000.00', { additionalInfo: { channel: 'EMONEY_DANA_SNAP' } }), {
    headers: DEVICE,
  });
  expect(refund.body.responseCode).toBe('2000700');
});

test('declined on the page: closed (SNAP status 05 Canceled), and the customer is sent back with status=FAILED', async () => {
  const res = await client.tx(PAY, jumpApp('SHOPEE-1', 'EMONEY_SHOPEE_PAY_SNAP'), { headers: DEVICE });
  expect((await status('SHOPEE-1')).latestTransactionStatus).toBe('01'); // Initiated: the customer has not paid yet
  const declined = await request(sb.app).post(pagePath(res)).type('form').send({ action: 'decline' });
  expect(new URL(declined.headers.location!).searchParams.get('status')).toBe('FAILED');
  expect(await status('SHOPEE-1')).toMatchObject({
    latestTransactionStatus: '05',
    transactionStatusDesc: 'Canceled',
    originalResponseCode: '4045404',
  });
});

test('DOKU_WAITING_STATUS=legacy: 03 while waiting and 06 once declined, as before', async () => {
  sb.app.outbox.stop();
  sb = await buildSandbox({ DOKU_WAITING_STATUS: 'legacy' });
  client = new SnapClient(sb.app);
  const res = await client.tx(PAY, jumpApp('SHOPEE-L', 'EMONEY_SHOPEE_PAY_SNAP'), { headers: DEVICE });
  expect((await status('SHOPEE-L')).latestTransactionStatus).toBe('03');
  await request(sb.app).post(pagePath(res)).type('form').send({ action: 'decline' });
  expect((await status('SHOPEE-L')).latestTransactionStatus).toBe('06');
});

test('unanswered until validUpTo: the payment expires (status 05, 4035400) and the page says it expired', async () => {
  const res = await client.tx(PAY, jumpApp('DANA-EXP'), { headers: DEVICE });
  sb.clock.advance(30 * 60_000);
  expect(await status('DANA-EXP')).toMatchObject({ latestTransactionStatus: '05', originalResponseCode: '4035400' });
  const page = await request(sb.app).get(pagePath(res));
  expect([page.status, page.text.includes('expired')]).toEqual([409, true]);
  expect([page.text.includes('e-wallet payment'), page.text.includes('Kartu Kredit'), page.text.includes('No real card')]).toEqual([
    true,
    false,
    false,
  ]);
});

test('the shapes other SDKs send: urlParam as one object (Python), validUpto (a DOKU page), no validUpTo at all', async () => {
  const one = jumpApp('PY-1', 'EMONEY_SHOPEEPAY_SNAP', {
    urlParam: { url: 'https://merchant.example/py', type: 'PAY_RETURN', isDeepLink: 'Y' },
  });
  expect((await client.tx(PAY, one, { headers: DEVICE })).body.webRedirectUrl).toMatch(/wallet\/pay/);
  const { validUpTo, ...rest } = jumpApp('UPTO-1');
  expect((await client.tx(PAY, { ...rest, validUpto: validUpTo }, { headers: DEVICE })).body.responseCode).toBe('2005400');
  expect((await client.tx(PAY, { ...rest, partnerReferenceNo: 'NONE-1' }, { headers: DEVICE })).body.responseCode).toBe('2005400');
});

test('bad jump-app fields: a validUpTo already past, a urlParam without a URL', async () => {
  expect(
    (await client.tx(PAY, jumpApp('PAST-1', undefined, { validUpTo: '2026-05-26T09:00:00+07:00' }), { headers: DEVICE })).body,
  ).toEqual({
    responseCode: '4005401',
    responseMessage: 'Invalid Field Format {validUpTo}',
  });
  expect((await client.tx(PAY, jumpApp('URL-1', undefined, { urlParam: [{ type: 'PAY_RETURN' }] }), { headers: DEVICE })).body).toEqual({
    responseCode: '4005402',
    responseMessage: 'Invalid Mandatory Field {urlParam[0].url}',
  });
  expect(
    (await client.tx(PAY, jumpApp('URL-2', undefined, { urlParam: [{ url: 'javascript:alert(1)' }] }), { headers: DEVICE })).body,
  ).toEqual({
    responseCode: '4005401',
    responseMessage: 'Invalid Field Format {urlParam[0].url}',
  });
});

test('X-DEVICE-ID: accepted without it by default (DOKU’s Node SDK never sends it); DOKU_DEVICE_ID_MODE=strict requires it', async () => {
  expect((await client.tx(PAY, jumpApp('NODEV-1'), { headers: IP })).body.responseCode).toBe('2005400');
  const strict = await buildSandbox({ DOKU_DEVICE_ID_MODE: 'strict' });
  strict.app.outbox.stop();
  expect((await new SnapClient(strict.app).tx(PAY, jumpApp('NODEV-2'), { headers: IP })).body).toEqual({
    responseCode: '4005402',
    responseMessage: 'Invalid Mandatory Field {X-DEVICE-ID}',
  });
});

test('DOKU_JUMPAPP_SUCCESS_CODE=2000500 answers as DOKU’s DANA page shows (HTTP 200)', async () => {
  const old = await buildSandbox({ DOKU_JUMPAPP_SUCCESS_CODE: '2000500' });
  old.app.outbox.stop();
  const res = await new SnapClient(old.app).tx(PAY, jumpApp('OLD-PHP'), { headers: DEVICE });
  expect([res.status, res.body.responseCode, typeof res.body.webRedirectUrl]).toEqual([200, '2000500', 'string']);
});

describe('OVO (account binding, then the customer token)', () => {
  async function ovoCustomer(): Promise<string> {
    const bind = await client.tx(
      '/direct-debit/core/v1/registration-account-binding',
      {
        phoneNo: '62813941306101',
        additionalInfo: {
          channel: 'EMONEY_OVO_SNAP',
          custIdMerchant: 'CUST-OVO',
          successRegistrationUrl: 'https://merchant.example/ok',
          failedRegistrationUrl: 'https://merchant.example/failed',
        },
      },
      { headers: IP },
    );
    const otp = await request(sb.app).post(new URL(bind.body.redirectUrl).pathname).type('form').send({ otp: '12345678' });
    const token = await client.b2b2cToken(new URL(otp.headers.location!).searchParams.get('authCode')!);
    return token.body.accessToken;
  }
  const ovo = (ref: string, paymentType: string) =>
    jumpApp(ref, 'EMONEY_OVO_SNAP', { additionalInfo: { channel: 'EMONEY_OVO_SNAP', paymentType } });
  const balance = async (customerToken: string) =>
    Number((await client.tx(BALANCE, {}, { customerToken, headers: IP })).body.accountInfos[0].availableBalance.value);

  test('SALE: the wallet page first; approving debits the OVO balance', async () => {
    const customerToken = await ovoCustomer();
    const before = await balance(customerToken);
    const res = await client.tx(PAY, ovo('OVO-SALE', 'SALE'), { customerToken, headers: DEVICE });
    expect(res.body.webRedirectUrl).toMatch(/wallet\/pay/);
    expect(await balance(customerToken)).toBe(before); // nothing moves before the customer approves
    await request(sb.app).post(pagePath(res)).type('form').send({ action: 'approve' });
    expect(await balance(customerToken)).toBe(before - 25000);
  });

  test('RECURRING: paid at once, no page', async () => {
    const customerToken = await ovoCustomer();
    const res = await client.tx(PAY, ovo('OVO-REC', 'RECURRING'), { customerToken, headers: DEVICE });
    expect([res.body.responseCode, res.body.webRedirectUrl]).toEqual(['2005400', null]);
    expect((await status('OVO-REC')).latestTransactionStatus).toBe('00');
  });

  test("refunds as DOKU's OVO sample sends them: no X-IP-ADDRESS, no Authorization-Customer", async () => {
    const customerToken = await ovoCustomer();
    await client.tx(PAY, ovo('OVO-RF', 'RECURRING'), { customerToken, headers: DEVICE });
    const refund = await client.tx(REFUND, refundBody('OVO-RF', 'RF-OVO', '5000.00', { additionalInfo: { channel: 'EMONEY_OVO_SNAP' } }));
    expect(refund.body.responseCode).toBe('2000700');
  });
});

test("a card refund still needs X-IP-ADDRESS (DOKU's KKI refund page); ShopeePay's does not", async () => {
  const session = await customerSession(client);
  await client.tx(PAY, paymentBody('CARD-RF', '10000.00'), { customerToken: session.customerToken, headers: IP });
  const noIp = await client.tx(REFUND, refundBody('CARD-RF', 'RF-CARD', '1000.00'), { customerToken: session.customerToken });
  expect(noIp.body).toEqual({ responseCode: '4000702', responseMessage: 'Invalid Mandatory Field {X-IP-ADDRESS}' });
  const shopee = await client.tx(PAY, jumpApp('SHOPEE-RF', 'EMONEY_SHOPEE_PAY_SNAP'), { headers: DEVICE });
  await request(sb.app).post(pagePath(shopee)).type('form').send({ action: 'approve' });
  const refund = await client.tx(
    REFUND,
    refundBody('SHOPEE-RF', 'RF-SHOPEE', '1000.00', { additionalInfo: { channel: 'EMONEY_SHOPEE_PAY_SNAP' } }),
  );
  expect(refund.body.responseCode).toBe('2000700');
});

test('the page of an unknown session is 404, a malformed link 400, no choice 400', async () => {
  expect((await request(sb.app).get('/direct-debit/wallet/pay/WALLET-nope')).status).toBe(404);
  expect((await request(sb.app).get('/direct-debit/wallet/pay/%ZZ')).status).toBe(400);
  const res = await client.tx(PAY, jumpApp('DANA-NC'), { headers: DEVICE });
  expect((await request(sb.app).post(pagePath(res)).type('form').send({})).status).toBe(400);
});

test('the outcome is notified (accountType EMONEY)', async () => {
  sb.app.outbox.stop();
  sb = await buildSandbox({ DOKU_NOTIFICATION_URL: 'http://127.0.0.1:9/v1.0/debit/notify' }); // nobody there: the record stays, retried
  client = new SnapClient(sb.app);
  const res = await client.tx(PAY, jumpApp('DANA-N'), { headers: DEVICE });
  expect((await request(sb.app).get(`/__mock/notifications?referenceNo=${res.body.referenceNo}`)).body.notifications).toEqual([]); // PENDING
  await request(sb.app).post(pagePath(res)).type('form').send({ action: 'approve' });
  const [n] = (await request(sb.app).get(`/__mock/notifications?referenceNo=${res.body.referenceNo}`)).body.notifications;
  expect(n.body).toMatchObject({ latestTransactionStatus: '00', additionalInfo: { channel: 'EMONEY_DANA_SNAP', accountType: 'EMONEY' } });
});
