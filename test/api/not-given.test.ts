/**
 * `null`, `""` and `{}` as DOKU's SDKs send unset fields (docs/sdks.md): "not given" in an
 * optional field, a missing field (`400xx02`) in a mandatory one, `400xx01` in an optional one
 * under DOKU_EMPTY_FIELDS_MODE=strict. `{}` where a string belongs stays a wrong type.
 */
import { buildSandbox } from '../helpers/build-app.js';
import { CARD } from '../helpers/merchant.js';
import { IP, PAY, STATUS, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

const CUSTOMER_NULLS = { customerName: null, email: null, idCard: null, country: null, address: null, dateOfBirth: null };
const CUSTOMER_EMPTY = { customerName: '', email: '', idCard: '', country: '', address: '', dateOfBirth: '' };
/** A card no other test binds: the sandbox's customer already holds CARD (one card, one customer). */
let cardSeq = 10;
const freshCard = (extra: Record<string, unknown> = {}) => ({ ...CARD, bankCardNo: `41111111111111${++cardSeq}`, ...extra });

async function sandbox(env: Record<string, string> = {}) {
  const sb = await buildSandbox(env);
  const client = new SnapClient(sb.app);
  const session = await customerSession(client);
  const pay = (body: unknown) => client.tx(PAY, body, { customerToken: session.customerToken, headers: IP });
  return { client, pay };
}

describe('lenient (default): null, "" and {} in an optional field mean not given', () => {
  let s: Awaited<ReturnType<typeof sandbox>>;
  beforeAll(async () => {
    s = await sandbox();
  });
  const bindInfo = (extra: Record<string, unknown>) => ({
    channel: 'DIRECT_DEBIT_BRI_SNAP',
    successRegistrationUrl: 'https://m.example/ok',
    failedRegistrationUrl: 'https://m.example/no',
    ...extra,
  });

  test.each([
    ['PHP/Python nulls', CUSTOMER_NULLS],
    ['Go empty strings', CUSTOMER_EMPTY],
  ])('card bind with the customer fields as %s: 2000100', async (_n, customer) => {
    const res = await s.client.bind(
      { custIdMerchant: 'CUSTN', partnerReferenceNo: null, additionalInfo: bindInfo(customer) },
      {},
      freshCard(),
    );
    expect(res.body.responseCode).toBe('2000100');
  });

  test("cardData whose plaintext carries PHP's nulls: 2000100", async () => {
    const res = await s.client.bind(
      { custIdMerchant: 'CUSTC' },
      {},
      freshCard({ identificationNo: null, identificationType: null, email: null }),
    );
    expect(res.body.responseCode).toBe('2000100');
  });

  test('payment with chargeToken "", payOptionDetails null and additionalInfo.remarks null: 2005400', async () => {
    const body = paymentBody('INV-NG1', '1000.00', { chargeToken: '', payOptionDetails: null });
    const res = await s.pay({ ...body, additionalInfo: { ...body.additionalInfo, remarks: null, lineItems: null } });
    expect(res.body.responseCode).toBe('2005400');
  });

  test("check status with Go's amount {} and Python's null ids: 2005500", async () => {
    await s.pay(paymentBody('INV-NG2', '1000.00'));
    const res = await s.client.tx(STATUS, {
      originalPartnerReferenceNo: 'INV-NG2',
      originalReferenceNo: null,
      originalExternalId: '',
      serviceCode: '55',
      transactionDate: null,
      amount: {},
      additionalInfo: { channel: 'DIRECT_DEBIT_BRI_SNAP', deviceId: '' },
    });
    expect(res.body).toMatchObject({ responseCode: '2005500', latestTransactionStatus: '00' });
  });

  test.each([
    ['null', { partnerReferenceNo: null }, '4005402', 'Invalid Mandatory Field {partnerReferenceNo}'],
    ['""', { partnerReferenceNo: '' }, '4005402', 'Invalid Mandatory Field {partnerReferenceNo}'],
    ['{} for an object', { amount: {} }, '4005402', 'Invalid Mandatory Field {amount.value}'],
    ['null inside an object', { amount: { value: null, currency: 'IDR' } }, '4005402', 'Invalid Mandatory Field {amount.value}'],
    ['"" for the channel', { additionalInfo: { channel: '' } }, '4005402', 'Invalid Mandatory Field {additionalInfo.channel}'],
  ])('a mandatory field sent as %s is still missing: %s', async (_n, extra, code, message) => {
    const res = await s.pay(paymentBody('INV-NG3', '1000.00', extra));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ responseCode: code, responseMessage: message });
  });

  test('{} where a string belongs is a wrong type, not "not given": 400xx01', async () => {
    expect((await s.pay(paymentBody('INV-NG4', '1000.00', { chargeToken: {} }))).body).toEqual({
      responseCode: '4005401',
      responseMessage: 'Invalid Field Format {chargeToken}',
    });
    expect((await s.client.bind({ custIdMerchant: {} })).body).toEqual({
      responseCode: '4000101',
      responseMessage: 'Invalid Field Format {custIdMerchant}',
    });
  });
});

describe('DOKU_EMPTY_FIELDS_MODE=strict: an empty optional field is a format error, never a mandatory one', () => {
  let s: Awaited<ReturnType<typeof sandbox>>;
  beforeAll(async () => {
    s = await sandbox({ DOKU_EMPTY_FIELDS_MODE: 'strict' });
  });

  test.each([
    ['null', { idCard: null }, 'Invalid Field Format {additionalInfo.idCard}'],
    ['""', { email: '' }, 'Invalid Field Format {additionalInfo.email}'],
  ])('card bind with an optional customer field as %s: 4000101', async (_n, extra, message) => {
    const res = await s.client.bind({ custIdMerchant: 'CUSTS', additionalInfo: { channel: 'DIRECT_DEBIT_BRI_SNAP', ...extra } });
    expect(res.body).toEqual({ responseCode: '4000101', responseMessage: message });
  });

  test('check status with amount {}: 4005501 naming amount', async () => {
    const res = await s.client.tx(STATUS, { originalPartnerReferenceNo: 'X', serviceCode: '55', amount: {} });
    expect(res.body).toEqual({ responseCode: '4005501', responseMessage: 'Invalid Field Format {amount}' });
  });

  test('a null in cardData: 4000101', async () => {
    const res = await s.client.bind({ custIdMerchant: 'CUSTS2' }, {}, { ...CARD, identificationType: null });
    expect(res.body).toEqual({ responseCode: '4000101', responseMessage: 'Invalid Field Format {cardData.identificationType}' });
  });

  test('a mandatory field sent as null is still 4005402', async () => {
    expect((await s.pay(paymentBody('INV-S1', '1000.00', { partnerReferenceNo: null }))).body.responseCode).toBe('4005402');
  });

  test('what is filled in passes as in lenient mode', async () => {
    expect((await s.pay(paymentBody('INV-S2', '1000.00'))).body.responseCode).toBe('2005400');
  });
});

describe('the formats the spec gives (checked before any lookup)', () => {
  let s: Awaited<ReturnType<typeof sandbox>>;
  beforeAll(async () => {
    s = await sandbox();
  });

  test.each([
    ['journeyId of 33 characters', { journeyId: 'J'.repeat(33) }, 'Invalid Field Format {journeyId}'],
    ['sendOtpFlag other than YES/NO', { sendOtpFlag: 'MAYBE' }, 'Invalid Field Format {sendOtpFlag}'],
  ])('card bind: %s is 4000101', async (_n, extra, message) => {
    expect((await s.client.bind({ custIdMerchant: 'CUSTF', ...extra })).body).toEqual({
      responseCode: '4000101',
      responseMessage: message,
    });
  });

  test('card bind: journeyId of 32 characters and sendOtpFlag YES are accepted', async () => {
    expect(
      (await s.client.bind({ custIdMerchant: 'CUSTG', journeyId: 'J'.repeat(32), sendOtpFlag: 'YES' }, {}, freshCard())).body.responseCode,
    ).toBe('2000100');
  });

  test('cardData identificationType outside 01, 02, 03, 04, 99 is 4000101; 02 is accepted', async () => {
    expect((await s.client.bind({ custIdMerchant: 'CUSTH' }, {}, { ...CARD, identificationType: '05' })).body).toEqual({
      responseCode: '4000101',
      responseMessage: 'Invalid Field Format {cardData.identificationType}',
    });
    expect((await s.client.bind({ custIdMerchant: 'CUSTH' }, {}, freshCard({ identificationType: '02' }))).body.responseCode).toBe(
      '2000100',
    );
  });

  test('payment: pointOfInitiation over 20 characters is 4005401', async () => {
    expect((await s.pay(paymentBody('INV-F1', '1000.00', { pointOfInitiation: 'p'.repeat(21) }))).body).toEqual({
      responseCode: '4005401',
      responseMessage: 'Invalid Field Format {pointOfInitiation}',
    });
    expect((await s.pay(paymentBody('INV-F2', '1000.00', { pointOfInitiation: 'app' }))).body.responseCode).toBe('2005400');
  });

  test('X-DEVICE-ID over 400 characters is 400xx01 wherever it is sent', async () => {
    const res = await s.client.tx(
      STATUS,
      { originalPartnerReferenceNo: 'X', serviceCode: '55' },
      { headers: { 'X-DEVICE-ID': 'd'.repeat(401) } },
    );
    expect(res.body).toEqual({ responseCode: '4005501', responseMessage: 'Invalid Field Format {X-DEVICE-ID}' });
  });

  test('X-IP-ADDRESS is checked where it is optional too (card unbind): 4000501', async () => {
    const res = await s.client.tx(
      '/direct-debit/core/v1/registration-card-unbind',
      { tokenId: 'x' },
      { headers: { 'X-IP-ADDRESS': '127.0.0.1' } },
    );
    expect(res.body).toEqual({ responseCode: '4000501', responseMessage: 'Invalid Field Format {X-IP-ADDRESS}' });
  });

  test('check status: a malformed transactionDate is 4005501 before "not found"; a good one reaches 4045501', async () => {
    const status = (transactionDate: string) =>
      s.client.tx(STATUS, { originalPartnerReferenceNo: 'NOPE', serviceCode: '55', transactionDate });
    for (const bad of ['yesterday', '2026-13-01T00:00:00+07:00', '2026-02-30', '26-05-2026']) {
      expect((await status(bad)).body).toEqual({ responseCode: '4005501', responseMessage: 'Invalid Field Format {transactionDate}' });
    }
    expect((await status('2026-05-26T10:00:00+07:00')).body.responseCode).toBe('4045501');
    expect((await status('2026-05-26')).body.responseCode).toBe('4045501');
  });
});
