import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { BALANCE, IP, PAY, REFUND, STATUS, SnapClient, customerSession, paymentBody, refundBody } from '../helpers/snap-client.js';

describe('refund and check status', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  let session: Awaited<ReturnType<typeof customerSession>>;
  let paid: { referenceNo: string; externalId: string };
  beforeEach(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
    session = await customerSession(client);
    const externalId = '900000000001';
    const res = await client.tx(PAY, paymentBody('INV-100', '10000.00'), {
      customerToken: session.customerToken,
      headers: { ...IP, 'X-EXTERNAL-ID': externalId },
    });
    paid = { referenceNo: res.body.referenceNo, externalId };
  });

  const refund = (
    partnerRefundNo: string,
    value: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string | undefined> = IP,
  ) => client.tx(REFUND, refundBody('INV-100', partnerRefundNo, value, extra), { customerToken: session.customerToken, headers });
  const status = (body: Record<string, unknown> = { originalPartnerReferenceNo: 'INV-100' }) =>
    client.tx(STATUS, { serviceCode: '55', ...body });

  test("a partial refund answers 2000700 with DOKU's fields and credits the balance", async () => {
    const before = (await client.tx(BALANCE, {}, { customerToken: session.customerToken, headers: IP })).body.accountInfos[0]
      .availableBalance.value;
    const res = await refund('RF-1', '4000.00');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      responseCode: '2000700',
      responseMessage: 'Successful',
      refundAmount: { value: '4000.00', currency: 'IDR' },
      originalPartnerReferenceNo: 'INV-100',
      originalReferenceNo: paid.referenceNo,
      refundNo: expect.stringMatching(/^\d{32}$/),
      partnerRefundNo: 'RF-1',
      refundTime: expect.stringMatching(/\+07:00$/),
    });
    const after = (await client.tx(BALANCE, {}, { customerToken: session.customerToken, headers: IP })).body.accountInfos[0]
      .availableBalance.value;
    expect(Number(after) - Number(before)).toBe(4000);
  });

  test('refunds never exceed the paid amount (4040713); the remainder can still be refunded', async () => {
    await refund('RF-1', '4000.00');
    expect((await refund('RF-2', '6000.01')).body).toEqual({ responseCode: '4040713', responseMessage: 'Invalid Amount' });
    expect((await refund('RF-2', '6000.00')).body.responseCode).toBe('2000700');
    expect((await refund('RF-3', '0.01')).body.responseCode).toBe('4040713');
  });

  test('the status shows both refunds and "04 Refunded" once fully refunded', async () => {
    expect((await status()).body).toMatchObject({
      responseCode: '2005500',
      latestTransactionStatus: '00',
      transactionStatusDesc: 'Success',
      refundHistory: [],
    });
    await refund('RF-1', '4000.00');
    await refund('RF-2', '6000.00');
    const res = await status();
    expect(res.body).toMatchObject({
      responseCode: '2005500',
      responseMessage: 'Successful',
      originalReferenceNo: paid.referenceNo,
      originalPartnerReferenceNo: 'INV-100',
      originalExternalId: paid.externalId,
      serviceCode: '55',
      latestTransactionStatus: '04',
      transactionStatusDesc: 'Refunded',
      originalResponseCode: '2005400',
      transAmount: { value: '10000.00', currency: 'IDR' },
      paidTime: expect.stringMatching(/\+07:00$/),
    });
    expect(
      res.body.refundHistory.map((r: { partnerRefundNo: string; refundAmount: { value: string }; refundStatus: string }) => [
        r.partnerRefundNo,
        r.refundAmount.value,
        r.refundStatus,
      ]),
    ).toEqual([
      ['RF-1', '4000.00', '00'],
      ['RF-2', '6000.00', '00'],
    ]);
  });

  test("each refund names its partnerRefundNo as SNAP does and as partnerReferenceNo, the key all five SDKs' DTOs read", async () => {
    await refund('RF-1', '4000.00');
    await refund('RF-2', '6000.00');
    const res = await status({ originalPartnerReferenceNo: 'INV-100' });
    expect(res.body.refundHistory.map((r: Record<string, string>) => [r.partnerRefundNo, r.partnerReferenceNo])).toEqual([
      ['RF-1', 'RF-1'],
      ['RF-2', 'RF-2'],
    ]);
  });

  test('status finds the payment by originalReferenceNo or originalExternalId', async () => {
    expect((await status({ originalReferenceNo: paid.referenceNo })).body.originalPartnerReferenceNo).toBe('INV-100');
    expect((await status({ originalExternalId: paid.externalId, serviceCode: '54' })).body.serviceCode).toBe('54');
  });

  test('status needs serviceCode 54 or 55 (4005501 otherwise, 4005502 without one) and a reference (4005502)', async () => {
    expect((await status({ originalPartnerReferenceNo: 'INV-100', serviceCode: '56' })).body).toEqual({
      responseCode: '4005501',
      responseMessage: 'Invalid Field Format {serviceCode}',
    });
    expect((await client.tx(STATUS, { originalPartnerReferenceNo: 'INV-100' })).body).toEqual({
      responseCode: '4005502',
      responseMessage: 'Invalid Mandatory Field {serviceCode}',
    });
    expect((await status({})).body).toEqual({
      responseCode: '4005502',
      responseMessage: 'Invalid Mandatory Field {originalPartnerReferenceNo}',
    });
  });

  test('an unknown payment is 4045501, or 2005500 with status 07 (DOKU_STATUS_NOT_FOUND=200)', async () => {
    expect((await status({ originalPartnerReferenceNo: 'NOPE' })).body).toEqual({
      responseCode: '4045501',
      responseMessage: 'Transaction Not Found',
    });
    const sb2 = await buildSandbox({ DOKU_STATUS_NOT_FOUND: '200' });
    const res = await new SnapClient(sb2.app).tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'NOPE' });
    expect(res.body).toMatchObject({ responseCode: '2005500', latestTransactionStatus: '07' });
  });

  test('a failed payment shows 06 with its original code', async () => {
    await client.tx(PAY, paymentBody('INV-FAIL', '999999999.00'), { customerToken: session.customerToken, headers: IP });
    expect((await status({ originalPartnerReferenceNo: 'INV-FAIL' })).body).toMatchObject({
      latestTransactionStatus: '06',
      originalResponseCode: '4035414',
      originalResponseMessage: 'Insufficient Funds',
    });
    expect(
      (await client.tx(REFUND, refundBody('INV-FAIL', 'RF-F', '1.00'), { customerToken: session.customerToken, headers: IP })).body,
    ).toEqual({ responseCode: '4040700', responseMessage: 'Invalid Transaction Status' });
  });

  test('an unknown original is 4040701', async () => {
    expect((await client.tx(REFUND, refundBody('NOPE', 'RF-N', '1.00'), { headers: IP })).body).toEqual({
      responseCode: '4040701',
      responseMessage: 'Transaction Not Found',
    });
  });

  test('an originalReferenceNo that is not that of the named payment is 4040701', async () => {
    expect((await refund('RF-N2', '1.00', { originalReferenceNo: '123' })).body.responseCode).toBe('4040701');
  });

  test('a reused partnerRefundNo: same data 4090701, other data 4040718', async () => {
    await refund('RF-1', '1000.00');
    expect((await refund('RF-1', '1000.00')).body).toEqual({ responseCode: '4090701', responseMessage: 'Duplicate partnerReferenceNo' });
    expect((await refund('RF-1', '2000.00')).body).toEqual({ responseCode: '4040718', responseMessage: 'Inconsistent Request' });
  });

  test('X-IP-ADDRESS is mandatory (4000702) and 10-15 characters (4000701)', async () => {
    expect((await refund('RF-1', '1.00', {}, { 'X-IP-ADDRESS': undefined })).body).toEqual({
      responseCode: '4000702',
      responseMessage: 'Invalid Mandatory Field {X-IP-ADDRESS}',
    });
    expect((await refund('RF-1', '1.00', {}, { 'X-IP-ADDRESS': '127.0.0.1' })).body).toEqual({
      responseCode: '4000701',
      responseMessage: 'Invalid Field Format {X-IP-ADDRESS}',
    });
  });

  test('a card refund without Authorization-Customer is 4000702 and moves no money (docs/doku.md §8.1)', async () => {
    const balance = async () =>
      (await client.tx(BALANCE, {}, { customerToken: session.customerToken, headers: IP })).body.accountInfos[0].availableBalance.value;
    const before = await balance();
    const res = await client.tx(REFUND, refundBody('INV-100', 'RF-NT', '4000.00'), { headers: IP });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ responseCode: '4000702', responseMessage: 'Invalid Mandatory Field {Authorization-Customer}' });
    expect(await balance()).toBe(before);
    expect((await status()).body).toMatchObject({ latestTransactionStatus: '00', refundHistory: [] });
  });

  test('a payment made by CPAN alone (no customer token) is refunded without one', async () => {
    await client.tx(PAY, paymentBody('INV-CPAN', '3000.00', { bankCardNo: '4111111111111111' }), { headers: IP });
    const res = await client.tx(REFUND, refundBody('INV-CPAN', 'RF-CPAN', '3000.00'), { headers: IP });
    expect(res.body.responseCode).toBe('2000700');
  });

  test('DOKU_REFUND_SERVICE_CODE=58 answers as SNAP: 2005800, errors 404580x', async () => {
    const sb2 = await buildSandbox({ DOKU_REFUND_SERVICE_CODE: '58' });
    const c = new SnapClient(sb2.app);
    const s = await customerSession(c);
    await c.tx(PAY, paymentBody('INV-58', '5000.00'), { customerToken: s.customerToken, headers: IP });
    expect(
      (await c.tx(REFUND, refundBody('INV-58', 'RF-58', '5000.00'), { customerToken: s.customerToken, headers: IP })).body.responseCode,
    ).toBe('2005800');
    expect((await c.tx(REFUND, refundBody('NOPE', 'RF-59', '1.00'), { headers: IP })).body.responseCode).toBe('4045801');
  });

  test("another customer's token cannot refund this payment", async () => {
    const other = await customerSession(client, 'CUST002', { bankCardNo: '4111111111111111', bankCardType: 'C', expiryDate: '1230' });
    const res = await client.tx(REFUND, refundBody('INV-100', 'RF-O', '1.00'), { customerToken: other.customerToken, headers: IP });
    expect(res.body).toEqual({ responseCode: '4010702', responseMessage: 'Invalid Customer Token' });
  });
});

describe('POST /direct-debit/core/v1/balance-inquiry', () => {
  test('a stable generated balance (2001100)', async () => {
    const sb = await buildSandbox();
    const client = new SnapClient(sb.app);
    const s = await customerSession(client);
    const first = await client.tx(
      BALANCE,
      { additionalInfo: { channel: 'DIRECT_DEBIT_BRI_SNAP' } },
      { customerToken: s.customerToken, headers: IP },
    );
    expect(first.body).toEqual({
      responseCode: '2001100',
      responseMessage: 'Successful',
      accountInfos: [expect.objectContaining({ balanceType: 'Cash', status: '0001' })],
    });
    const value = Number(first.body.accountInfos[0].availableBalance.value);
    expect(value).toBeGreaterThanOrEqual(1_000_000);
    expect(value).toBeLessThanOrEqual(25_000_000);
    const second = await client.tx(BALANCE, {}, { customerToken: s.customerToken, headers: IP });
    expect(second.body.accountInfos[0].availableBalance.value).toBe(first.body.accountInfos[0].availableBalance.value);
  });

  test('the customer token and X-IP-ADDRESS are mandatory (4001102)', async () => {
    const sb = await buildSandbox();
    const client = new SnapClient(sb.app);
    const s = await customerSession(client);
    expect((await client.tx(BALANCE, {}, { headers: IP })).body).toEqual({
      responseCode: '4001102',
      responseMessage: 'Invalid Mandatory Field {Authorization-Customer}',
    });
    expect((await client.tx(BALANCE, {}, { customerToken: s.customerToken })).body).toEqual({
      responseCode: '4001102',
      responseMessage: 'Invalid Mandatory Field {X-IP-ADDRESS}',
    });
  });
});
