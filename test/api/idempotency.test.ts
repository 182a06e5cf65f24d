/** DOKU's idempotency (docs/doku.md §12): X-EXTERNAL-ID per merchant per Asia/Jakarta day. */
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { BALANCE, IP, PAY, STATUS as STATUS_PATH, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

describe('idempotency', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  let session: Awaited<ReturnType<typeof customerSession>>;
  let token: string;
  beforeEach(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
    session = await customerSession(client);
    token = await client.b2bToken();
  });

  const pay = (externalId: string, ref = 'INV-1', value = '1000.00') =>
    client.tx(PAY, paymentBody(ref, value), {
      token,
      customerToken: session.customerToken,
      headers: { ...IP, 'X-EXTERNAL-ID': externalId },
    });
  const payments = () =>
    Object.keys(sb.deps.store.data.payments)
      .map((ref) => sb.deps.store.findPayment(ref)!)
      .filter((p) => p.status === 'SUCCESS');

  test('the same X-EXTERNAL-ID and body gets the stored answer with HTTP 409, and nothing runs twice', async () => {
    const first = await pay('111');
    const again = await pay('111');
    expect(first.status).toBe(200);
    expect(again.status).toBe(409);
    expect(again.body).toEqual(first.body);
    expect(again.headers['x-mock-replay']).toBe('true');
    expect(payments()).toHaveLength(1);
  });

  test('DOKU_REPLAY_STATUS=original replays with the original status', async () => {
    const sb2 = await buildSandbox({ DOKU_REPLAY_STATUS: 'original' });
    const c = new SnapClient(sb2.app);
    const s = await customerSession(c);
    const t = await c.b2bToken();
    const send = () =>
      c.tx(PAY, paymentBody('INV-9'), { token: t, customerToken: s.customerToken, headers: { ...IP, 'X-EXTERNAL-ID': '999' } });
    const first = await send();
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  test('the same X-EXTERNAL-ID with another body is 4095400 Conflict', async () => {
    await pay('222', 'INV-A');
    const res = await pay('222', 'INV-B');
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ responseCode: '4095400', responseMessage: 'Conflict' });
    expect(payments()).toHaveLength(1);
  });

  test('errors are replayed too: a refused request is not re-judged with the same key', async () => {
    const big = await pay('333', 'INV-BIG', '999999999.00');
    expect(big.body.responseCode).toBe('4035414');
    const again = await pay('333', 'INV-BIG', '999999999.00');
    expect(again.status).toBe(409);
    expect(again.body).toEqual(big.body);
  });

  test('the key is per merchant and per Jakarta day: the next day it is new again', async () => {
    await pay('444', 'INV-D1');
    sb.clock.advance(24 * 3600 * 1000);
    const t2 = await client.b2bToken();
    const fresh = await customerSession(client, 'CUST002', { bankCardNo: '4111111111111111', bankCardType: 'C', expiryDate: '1230' });
    const next = await client.tx(PAY, paymentBody('INV-D2', '1000.00'), {
      token: t2,
      customerToken: fresh.customerToken,
      headers: { ...IP, 'X-EXTERNAL-ID': '444' },
    });
    expect(next.status).toBe(200);
    expect(next.body.responseCode).toBe('2005400');
  });

  test('days before yesterday are pruned from the ledger', async () => {
    await pay('555', 'INV-P1');
    sb.clock.advance(3 * 24 * 3600 * 1000);
    const t2 = await client.b2bToken();
    await client.tx('/direct-debit/core/v1/registration-card-unbind', { tokenId: 'CT-x' }, { token: t2 });
    expect(Object.keys(sb.deps.store.data.idempotency)).toEqual(['2026-05-29']);
  });

  test('it covers the card lifecycle too: a replayed card bind creates no second binding', async () => {
    const body = client.bindBody({ custIdMerchant: 'CUST777' }, { bankCardNo: '4111111111111111', bankCardType: 'C', expiryDate: '1230' });
    const send = () => client.tx('/direct-debit/core/v1/registration-card-bind', body, { token, headers: { 'X-EXTERNAL-ID': 'bind-1' } });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(200);
    expect(again.status).toBe(409);
    expect(again.body).toEqual(first.body);
    expect(Object.values(sb.deps.store.data.bindings).filter((b) => b.custIdMerchant === 'CUST777')).toHaveLength(1);
  });

  test('50 parallel identical payments with one X-EXTERNAL-ID: exactly one executes, 49 replays', async () => {
    const before = (await client.tx(BALANCE, {}, { customerToken: session.customerToken, headers: IP })).body.accountInfos[0]
      .availableBalance.value;
    const results = await Promise.all(Array.from({ length: 50 }, () => pay('777', 'INV-PAR', '1000.00')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.responseCode === '2005400')).toHaveLength(49);
    expect(payments()).toHaveLength(1);
    const after = (await client.tx(BALANCE, {}, { customerToken: session.customerToken, headers: IP })).body.accountInfos[0]
      .availableBalance.value;
    expect(Number(before) - Number(after)).toBe(1000);
  });

  test('20 parallel payments with one partnerReferenceNo and distinct keys: one pays, 19 are 4095401', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => pay(`88${i}`, 'INV-SAME', '1000.00')));
    expect(results.filter((r) => r.body.responseCode === '2005400')).toHaveLength(1);
    expect(results.filter((r) => r.body.responseCode === '4095401')).toHaveLength(19);
    expect(payments()).toHaveLength(1);
  });
});

describe('idempotency ledger bound', () => {
  test('DOKU_IDEMPOTENCY_MAX keeps the newest answers of the day; older keys run again', async () => {
    const sb = await buildSandbox({ DOKU_IDEMPOTENCY_MAX: '3' });
    const client = new SnapClient(sb.app);
    const token = await client.b2bToken();
    const status = (ext: string) =>
      client.tx(STATUS_PATH, { serviceCode: '55', originalPartnerReferenceNo: 'NONE' }, { token, headers: { 'X-EXTERNAL-ID': ext } });
    for (const ext of ['k1', 'k2', 'k3', 'k4']) expect((await status(ext)).status).toBe(404);
    expect(Object.keys(Object.values(sb.deps.store.data.idempotency)[0]!)).toHaveLength(3);
    expect((await status('k4')).status).toBe(409); // still stored: replayed
    expect((await status('k1')).status).toBe(404); // evicted: judged again
  });
});
