/** Choosing a scenario: per request, globally, sticky; security first; state stays consistent. */
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { BALANCE, IP, PAY, REFUND, STATUS, SnapClient, customerSession, paymentBody, refundBody } from '../helpers/snap-client.js';

describe('scenario selection', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  let session: Awaited<ReturnType<typeof customerSession>>;
  beforeEach(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
    session = await customerSession(client);
  });

  /** Tokens are fetched up front: a global scenario may break the token endpoint too. */
  let token: string;
  beforeEach(async () => {
    token = await client.b2bToken();
  });
  const pay = (ref: string, scenario?: string, value = '10000.00') =>
    client.tx(PAY, paymentBody(ref, value), {
      token,
      customerToken: session.customerToken,
      headers: { ...IP, ...(scenario ? { 'X-Mock-Scenario': scenario } : {}) },
    });
  const status = (ref: string) => client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: ref });
  const balance = async () =>
    Number(
      (await client.tx(BALANCE, {}, { customerToken: session.customerToken, headers: IP })).body.accountInfos[0].availableBalance.value,
    );
  const setGlobal = (name: string) => request(sb.app).put('/__mock/scenario').send({ name });

  test('per request: X-Mock-Scenario forces the documented answer and changes nothing', async () => {
    const before = await balance();
    const res = await pay('INV-1', 'payment-insufficient-funds');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ responseCode: '4035414', responseMessage: 'Insufficient Funds' });
    expect(res.headers['x-mock-scenario']).toBe('payment-insufficient-funds');
    expect(await balance()).toBe(before);
    expect((await status('INV-1')).body.responseCode).toBe('4045501');
  });

  test('every answer names the scenario that produced it: none for normal behaviour', async () => {
    const res = await pay('INV-2');
    expect(res.headers['x-mock-scenario']).toBe('none');
    expect((await client.tokenRequest('/authorization/v1/access-token/b2b', {})).headers['x-mock-scenario']).toBe('none');
  });

  test('globally until reset; the header wins over the global one', async () => {
    expect((await setGlobal('all-general-error')).body).toMatchObject({ scenario: 'all-general-error' });
    expect((await request(sb.app).get('/__mock/scenario')).body).toEqual({ scenario: 'all-general-error' });
    const forced = await pay('INV-3');
    expect(forced.body).toEqual({ responseCode: '5005400', responseMessage: 'General Error' });
    expect(forced.headers['x-mock-scenario']).toBe('all-general-error');
    expect((await pay('INV-4', 'payment-do-not-honor')).body.responseCode).toBe('4035405');
    await request(sb.app).delete('/__mock/scenario').expect(200);
    expect((await pay('INV-5')).body.responseCode).toBe('2005400');
  });

  test('a global scenario applies only where it names the endpoint', async () => {
    await setGlobal('payment-insufficient-funds');
    expect((await status('INV-X')).headers['x-mock-scenario']).toBe('none');
    expect((await pay('INV-6')).body.responseCode).toBe('4035414');
  });

  test('an unknown name is an immediate mock error listing the valid names, never a fallback', async () => {
    const res = await pay('INV-7', 'payment-insuficient-funds');
    expect(res.status).toBe(400);
    expect(res.body.mockError).toMatch(/unknown scenario "payment-insuficient-funds"/);
    expect(res.body.known).toContain('payment-insufficient-funds');
    expect(res.body.responseCode).toBeUndefined();
    expect((await setGlobal('nope')).body).toMatchObject({ mockError: expect.stringMatching(/unknown scenario/) });
  });

  test('a header scenario for another endpoint is a mock error', async () => {
    const res = await pay('INV-8', 'refund-exceeds-amount');
    expect(res.status).toBe(400);
    expect(res.body.mockError).toMatch(/does not apply to payment; it applies to refund/);
  });

  test('security checks run first: a forced answer still needs a correctly signed request', async () => {
    const res = await client.tx(PAY, paymentBody('INV-9'), {
      secret: 'wrong',
      customerToken: session.customerToken,
      headers: { ...IP, 'X-Mock-Scenario': 'payment-in-progress' },
    });
    expect(res.body.responseCode).toBe('4015400');
  });

  test('unless the scenario targets the auth stage: a gateway outage answers before any check', async () => {
    const res = await request(sb.app)
      .post('/authorization/v1/access-token/b2b')
      .set('X-Mock-Scenario', 'all-gateway-down')
      .send('not even json');
    expect(res.status).toBe(504);
    expect(res.body).toEqual({ responseCode: '5047300', responseMessage: 'Timeout' });
  });

  test('a forced token-invalid-signature on a correctly signed token call', async () => {
    const res = await client.tokenRequest(
      '/authorization/v1/access-token/b2b',
      { grantType: 'client_credentials' },
      { headers: { 'X-Mock-Scenario': 'token-invalid-signature' } },
    );
    expect(res.body).toEqual({ responseCode: '4017300', responseMessage: 'Unauthorized. Invalid Signature' });
  });

  test('202 then settle: payment-in-progress is PENDING until its delay passes, then paid', async () => {
    const before = await balance();
    const res = await pay('INV-P', 'payment-in-progress');
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      responseCode: '2025400',
      responseMessage: 'Request In Progress',
      referenceNo: expect.any(String),
      partnerReferenceNo: 'INV-P',
      webRedirectUrl: null,
    });
    expect((await status('INV-P')).body).toMatchObject({ latestTransactionStatus: '03', transactionStatusDesc: 'Pending' });
    expect(await balance()).toBe(before);
    expect(
      (await client.tx(REFUND, refundBody('INV-P', 'RF-P', '1.00'), { customerToken: session.customerToken, headers: IP })).body
        .responseCode,
    ).toBe('4040700');
    sb.clock.advance(10_000);
    expect((await status('INV-P')).body).toMatchObject({
      latestTransactionStatus: '00',
      originalResponseCode: '2005400',
      paidTime: expect.any(String),
    });
    expect(await balance()).toBe(before - 10000);
  });

  test('payment-in-progress-then-failed settles to 06; the reference may then be paid again', async () => {
    await pay('INV-F', 'payment-in-progress-then-failed');
    sb.clock.advance(10_000);
    expect((await status('INV-F')).body).toMatchObject({ latestTransactionStatus: '06', originalResponseCode: '4035405' });
    expect((await pay('INV-F')).body.responseCode).toBe('2005400');
  });

  test('a retry of a payment whose pending predecessor has settled to FAILED is allowed, without a status check first', async () => {
    await pay('INV-RF', 'payment-in-progress-then-failed');
    sb.clock.advance(10_000);
    expect((await pay('INV-RF')).body.responseCode).toBe('2005400');
  });

  test('an admin call settles a pending payment now', async () => {
    const res = await pay('INV-A', 'payment-in-progress-until-settled');
    sb.clock.advance(3_600_000);
    expect((await status('INV-A')).body.latestTransactionStatus).toBe('03');
    const settled = await request(sb.app).post(`/__mock/payments/${res.body.referenceNo}/settle`).send({ status: 'SUCCESS' });
    expect(settled.body).toMatchObject({ status: 'SUCCESS', responseCode: '2005400' });
    expect((await status('INV-A')).body.latestTransactionStatus).toBe('00');
    expect((await request(sb.app).post(`/__mock/payments/${res.body.referenceNo}/settle`).send({ status: 'FAILED' })).status).toBe(409);
  });

  test('sticky: a payment made under payment-then-refund-fails fails its refunds; a header still wins', async () => {
    await pay('INV-S', 'payment-then-refund-fails');
    const refund = await client.tx(REFUND, refundBody('INV-S', 'RF-S1', '1000.00'), { customerToken: session.customerToken, headers: IP });
    expect(refund.body).toEqual({ responseCode: '5000700', responseMessage: 'General Error' });
    expect(refund.headers['x-mock-scenario']).toBe('payment-then-refund-fails');
    expect((await status('INV-S')).body.refundHistory).toEqual([]);
    const other = await client.tx(REFUND, refundBody('INV-S', 'RF-S2', '1000.00'), {
      customerToken: session.customerToken,
      headers: { ...IP, 'X-Mock-Scenario': 'refund-exceeds-amount' },
    });
    expect(other.body.responseCode).toBe('4040713');
  });

  test("sticky beats global: the payment's own scenario answers its refunds while a global one is set", async () => {
    await pay('INV-SG', 'payment-then-refund-fails');
    await setGlobal('refund-exceeds-amount');
    const refund = await client.tx(REFUND, refundBody('INV-SG', 'RF-SG', '1000.00'), { customerToken: session.customerToken, headers: IP });
    expect(refund.headers['x-mock-scenario']).toBe('payment-then-refund-fails');
    expect(refund.body.responseCode).toBe('5000700');
    await pay('INV-SG2');
    const plain = await client.tx(REFUND, refundBody('INV-SG2', 'RF-SG2', '1000.00'), {
      customerToken: session.customerToken,
      headers: IP,
    });
    expect(plain.headers['x-mock-scenario']).toBe('refund-exceeds-amount'); // no sticky one: the global applies
  });

  test('a forced refund answer (404, 409) records no refund', async () => {
    await pay('INV-R');
    await client.tx(REFUND, refundBody('INV-R', 'RF-R1', '1000.00'), {
      customerToken: session.customerToken,
      headers: { ...IP, 'X-Mock-Scenario': 'refund-transaction-not-found' },
    });
    await client.tx(REFUND, refundBody('INV-R', 'RF-R2', '1000.00'), {
      customerToken: session.customerToken,
      headers: { ...IP, 'X-Mock-Scenario': 'refund-duplicate' },
    });
    expect((await status('INV-R')).body.refundHistory).toEqual([]);
    expect(
      (await client.tx(REFUND, refundBody('INV-R', 'RF-R1', '10000.00'), { customerToken: session.customerToken, headers: IP })).body
        .responseCode,
    ).toBe('2000700');
  });

  test('POST /__mock/reset: state, global scenario and journal are cleared', async () => {
    await setGlobal('all-general-error');
    await request(sb.app).post('/__mock/reset').expect(200);
    expect((await request(sb.app).get('/__mock/scenario')).body.scenario).toBeNull();
    expect((await request(sb.app).get('/__mock/requests')).body.requests).toEqual([]);
    expect((await client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'X' }, { token })).body.responseCode).toBe('4015503');
  });
});
