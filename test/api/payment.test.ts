import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { CARD, DEMO } from '../helpers/merchant.js';
import { BALANCE, IP, PAY, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

describe('POST /direct-debit/core/v1/debit/payment-host-to-host', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  let session: Awaited<ReturnType<typeof customerSession>>;
  beforeEach(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
    session = await customerSession(client);
  });

  /** `token: null` sends no Authorization-Customer. */
  const pay = (ref: string, value = '10000.00', extra: Record<string, unknown> = {}, token: string | null = session.customerToken) =>
    client.tx(PAY, paymentBody(ref, value, extra), { customerToken: token ?? undefined, headers: IP });
  const balance = async () =>
    (
      await client.tx(
        BALANCE,
        { additionalInfo: { channel: 'DIRECT_DEBIT_BRI_SNAP' } },
        { customerToken: session.customerToken, headers: IP },
      )
    ).body.accountInfos[0].availableBalance.value as string;

  test("debits the customer token's card and answers 2005400 with a DOKU referenceNo", async () => {
    const before = Number(await balance());
    const res = await pay('INV-0001', '15000.00');
    expect(res.status).toBe(200);
    // webRedirectUrl is null but present: DOKU's PHP SDK reads it unguarded (docs/sdks.md).
    expect(res.body).toEqual({
      responseCode: '2005400',
      responseMessage: 'Successful',
      referenceNo: expect.stringMatching(/^\d{32}$/),
      partnerReferenceNo: 'INV-0001',
      webRedirectUrl: null,
    });
    expect(Number(await balance())).toBe(before - 15000);
  });

  test('Authorization-Customer is accepted with or without "Bearer " (Go sends it, Node does not)', async () => {
    expect((await pay('INV-B1', '1000.00', {}, `Bearer ${session.customerToken}`)).body.responseCode).toBe('2005400');
  });

  test("a bankCardToken in the body must be the customer's card", async () => {
    expect((await pay('INV-T1', '1000.00', { bankCardToken: session.bankCardToken })).body.responseCode).toBe('2005400');
    expect((await pay('INV-T2', '1000.00', { bankCardToken: 'CT-other' })).body).toEqual({
      responseCode: '4045411',
      responseMessage: 'Invalid Card/Account/Customer',
    });
  });

  test('more than the balance is 4035414 Insufficient Funds; the failed attempt can be retried', async () => {
    const res = await pay('INV-BIG', '999999999.00');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ responseCode: '4035414', responseMessage: 'Insufficient Funds' });
    expect((await pay('INV-BIG', '1000.00')).body.responseCode).toBe('2005400');
  });

  test('a partnerReferenceNo that was paid is 4095401; with another amount 4045418 Inconsistent Request', async () => {
    await pay('INV-DUP', '2000.00');
    expect((await pay('INV-DUP', '2000.00')).body).toEqual({ responseCode: '4095401', responseMessage: 'Duplicate partnerReferenceNo' });
    expect((await pay('INV-DUP', '3000.00')).body).toEqual({ responseCode: '4045418', responseMessage: 'Inconsistent Request' });
  });

  test('an unbound card is 4035418 Inactive Card/Account/Customer', async () => {
    await client.tx('/direct-debit/core/v1/registration-card-unbind', { tokenId: session.bankCardToken });
    const res = await pay('INV-UNB');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ responseCode: '4035418', responseMessage: 'Inactive Card/Account/Customer' });
  });

  test('an expired customer token is 4015402', async () => {
    sb.clock.advance(901_000);
    const token = await client.b2bToken();
    expect((await client.tx(PAY, paymentBody('INV-EXP'), { token, customerToken: session.customerToken, headers: IP })).body).toEqual({
      responseCode: '4015402',
      responseMessage: 'Invalid Customer Token',
    });
  });

  test('a customer token another sandbox issued (unknown here) is 4015404', async () => {
    await sb.deps.store.reset();
    const fresh = await client.b2bToken();
    const other = await buildSandbox();
    other.clock.advance(901_000);
    const foreign = await customerSession(new SnapClient(other.app));
    // signed by the same sandbox key (fixtures) but unknown to this store
    expect((await client.tx(PAY, paymentBody('INV-X'), { token: fresh, customerToken: foreign.customerToken, headers: IP })).body).toEqual({
      responseCode: '4015404',
      responseMessage: 'Customer Token Not Found',
    });
  });

  test("another merchant's customer token is 4015402 Invalid Customer Token", async () => {
    const other = await buildSandbox({
      DOKU_CLIENT_ID: 'BRN-0002-OTHER',
      DOKU_CLIENT_SECRET: 'other-secret',
      DOKU_PUBLIC_KEY_PEM: DEMO.publicKeyPath,
    });
    // One store seen by two merchants: merchant B presents merchant A's customer token.
    other.deps.store.data.tokenEpoch = sb.deps.store.data.tokenEpoch;
    Object.assign(other.deps.store.data.bindings, sb.deps.store.data.bindings);
    other.deps.store.bindings.rebuild(other.deps.store.data.bindings);
    const b = new SnapClient(other.app, 'BRN-0002-OTHER', 'other-secret');
    const res = await b.tx(PAY, paymentBody('INV-F1'), { customerToken: session.customerToken, headers: IP });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ responseCode: '4015402', responseMessage: 'Invalid Customer Token' });
  });

  test('a CPAN-only payment needs no customer token (docs/settings.md #28) unless DOKU_CPAN_MODE=strict', async () => {
    const cpan = await client.tx(PAY, paymentBody('INV-CPAN', '5000.00', { bankCardNo: '9360001609987000000' }), { headers: IP });
    expect(cpan.body.responseCode).toBe('2005400');
    const viaInfo = paymentBody('INV-CPAN2', '5000.00');
    (viaInfo.additionalInfo as Record<string, string>).cpan = CARD.bankCardNo;
    const before = Number(await balance());
    expect((await client.tx(PAY, viaInfo, { headers: IP })).body.responseCode).toBe('2005400');
    expect(Number(await balance())).toBe(before - 5000); // the CPAN is the customer's bound card
    const strict = await buildSandbox({ DOKU_CPAN_MODE: 'strict' });
    const res = await new SnapClient(strict.app).tx(PAY, paymentBody('INV-CPAN3', '5000.00', { bankCardNo: '9360001609987000000' }), {
      headers: IP,
    });
    expect(res.body).toEqual({ responseCode: '4005402', responseMessage: 'Invalid Mandatory Field {Authorization-Customer}' });
  });

  test('no card at all is 4005402 {bankCardToken}', async () => {
    expect((await pay('INV-N', '1000.00', {}, null)).body).toEqual({
      responseCode: '4005402',
      responseMessage: 'Invalid Mandatory Field {bankCardToken}',
    });
  });

  test('a bankCardToken without its customer token is 4005402 {Authorization-Customer}', async () => {
    expect((await pay('INV-N2', '1000.00', { bankCardToken: session.bankCardToken }, null)).body).toEqual({
      responseCode: '4005402',
      responseMessage: 'Invalid Mandatory Field {Authorization-Customer}',
    });
  });

  test.each([
    ['a number value', { amount: { value: 10000, currency: 'IDR' } }, 'Invalid Field Format {amount.value}'],
    ['one decimal', { amount: { value: '10000.0', currency: 'IDR' } }, 'Invalid Field Format {amount.value}'],
    ['USD', { amount: { value: '10000.00', currency: 'USD' } }, 'Invalid Field Format {amount.currency}'],
    ['no amount', { amount: undefined }, 'Invalid Mandatory Field {amount}'],
    ['no partnerReferenceNo', { partnerReferenceNo: undefined }, 'Invalid Mandatory Field {partnerReferenceNo}'],
    ['no channel', { additionalInfo: {} }, 'Invalid Mandatory Field {additionalInfo.channel}'],
  ])('%s is a 400 naming the field', async (_n, extra, message) => {
    const res = await pay('INV-F', '1000.00', extra);
    expect(res.status).toBe(400);
    expect(res.body.responseMessage).toBe(message);
  });

  test('0.00 is 4045413 Invalid Amount', async () => {
    expect((await pay('INV-Z', '0.00')).body).toEqual({ responseCode: '4045413', responseMessage: 'Invalid Amount' });
  });

  test('strict reference lengths: partnerReferenceNo over 32 is 4005401 (docs/settings.md #10)', async () => {
    const strict = await buildSandbox({ DOKU_REFERENCE_LENGTH_MODE: 'strict' });
    const c = new SnapClient(strict.app);
    const s = await customerSession(c);
    const res = await c.tx(PAY, paymentBody('X'.repeat(33)), { customerToken: s.customerToken, headers: IP });
    expect(res.body).toEqual({ responseCode: '4005401', responseMessage: 'Invalid Field Format {partnerReferenceNo}' });
    expect((await pay('X'.repeat(33))).body.responseCode).toBe('2005400');
  });
});
