import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { CARD } from '../helpers/merchant.js';
import { SnapClient } from '../helpers/snap-client.js';
import { encryptCardData } from '../../server/products/direct-debit/domain/card-data.js';

describe('POST /direct-debit/core/v1/registration-card-bind', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  beforeEach(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
  });

  test('the answer carries chargeToken, the otp-verification handle: in additionalInfo, or top-level with DOKU_BIND_CHARGE_TOKEN=top', async () => {
    const res = await client.bind({}, { channelId: 'H2H' });
    expect(res.body.additionalInfo.chargeToken).toEqual(expect.any(String));
    expect(res.body.chargeToken).toBeUndefined(); // Python's closed DTO would refuse it
    const verified = await client.tx('/direct-debit/core/v1/otp-verification', {
      chargeToken: res.body.additionalInfo.chargeToken,
      otp: '12345678',
    });
    expect(verified.body.responseCode).toBe('2000400');
    const top = await buildSandbox({ DOKU_BIND_CHARGE_TOKEN: 'top' });
    const bound = await new SnapClient(top.app).bind();
    expect([typeof bound.body.chargeToken, bound.body.additionalInfo.chargeToken]).toEqual(['string', undefined]);
    top.app.outbox.stop();
  });

  test('CHANNEL-ID: DH answers 2000100 with a redirectUrl to the hosted OTP page, no card token yet', async () => {
    const res = await client.bind({ partnerReferenceNo: 'BIND-REF-1' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      responseCode: '2000100',
      responseMessage: 'Successful',
      partnerReferenceNo: 'BIND-REF-1',
      additionalInfo: { custIdMerchant: 'CUST001', status: 'PENDING' },
    });
    expect(res.body.referenceNo).toMatch(/^\d{32}$/);
    expect(res.body.redirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/direct-debit\/kki\/binding\/SESSION-\w+$/);
    expect(res.body.bankCardToken).toBeUndefined();
    expect(res.body.additionalInfo.authCode).toBeUndefined();
  });

  test('without CHANNEL-ID the default is DH', async () => {
    const res = await client.bind({}, { headers: { 'CHANNEL-ID': undefined } });
    expect(res.body.redirectUrl).toBeDefined();
  });

  test('CHANNEL-ID: H2H answers with additionalInfo.authCode and no redirectUrl', async () => {
    const res = await client.bind({}, { channelId: 'H2H' });
    expect(res.body.responseCode).toBe('2000100');
    expect(res.body.redirectUrl).toBeUndefined();
    expect(res.body.additionalInfo.authCode).toMatch(/^\w{32}$/);
  });

  test('DOKU_PUBLIC_URL sets the host of redirectUrl', async () => {
    const sb2 = await buildSandbox({ DOKU_PUBLIC_URL: 'http://localhost:8080/' });
    const res = await new SnapClient(sb2.app).bind();
    expect(res.body.redirectUrl).toMatch(/^http:\/\/localhost:8080\/direct-debit\/kki\/binding\//);
  });

  test('a card another customer holds is 4090101; the same customer may bind it again', async () => {
    await client.activeBinding('CUST001');
    const other = await client.bind({ custIdMerchant: 'CUST002' });
    expect(other.status).toBe(409);
    expect(other.body).toEqual({ responseCode: '4090101', responseMessage: 'Duplicate partnerReferenceNo' });
    expect(other.headers['x-mock-reason']).toMatch(/another customer/);
    expect((await client.bind({ custIdMerchant: 'CUST001' })).status).toBe(200);
  });

  test('a card whose binding was unbound can be bound by another customer', async () => {
    const { bankCardToken } = await client.activeBinding('CUST001');
    await client.tx('/direct-debit/core/v1/registration-card-unbind', { tokenId: bankCardToken });
    expect((await client.bind({ custIdMerchant: 'CUST002' })).status).toBe(200);
  });

  test('cardData under another key is 4010100 Unauthorized. Invalid cardData', async () => {
    const res = await client.bind({ cardData: encryptCardData(JSON.stringify(CARD), 'some-other-secret') });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ responseCode: '4010100', responseMessage: 'Unauthorized. Invalid cardData' });
  });

  test.each([
    ['not base64', 'not-a-blob'],
    ['bad base64 parts', '@@@@|####'],
    ['the CryptoJS example of the binding page', 'U2FsdGVkX1+A1B2C3D4E5F6G7H8I9J0K'],
  ])('cardData that is %s is 4010100', async (_n, cardData) => {
    expect((await client.bind({ cardData })).body.responseCode).toBe('4010100');
  });

  test('DOKU_SHARED_KEY encrypts cardData; the client secret still works (docs/settings.md #3)', async () => {
    const sb2 = await buildSandbox({ DOKU_SHARED_KEY: 'shared-key-for-cards' });
    const c2 = new SnapClient(sb2.app);
    const shared = await c2.bind({ cardData: encryptCardData(JSON.stringify(CARD), 'shared-key-for-cards') });
    expect(shared.body.responseCode).toBe('2000100');
    expect((await c2.bind({ custIdMerchant: 'CUST001' })).body.responseCode).toBe('2000100');
  });

  test.each([
    ['a short card number', { ...CARD, bankCardNo: '1234' }, 'Invalid Field Format {cardData.bankCardNo}'],
    ['a bad card type', { ...CARD, bankCardType: 'X' }, 'Invalid Field Format {cardData.bankCardType}'],
    ['a bad expiry', { ...CARD, expiryDate: '1328' }, 'Invalid Field Format {cardData.expiryDate}'],
    ['no card number', { bankCardType: 'C' }, 'Invalid Field Format {cardData.bankCardNo}'],
  ])('cardData with %s is 4000101', async (_n, card, message) => {
    const res = await client.bind({}, {}, card);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ responseCode: '4000101', responseMessage: message });
  });

  test('cardData that decrypts to something other than JSON is 4000101 {cardData}', async () => {
    const res = await client.bind({ cardData: encryptCardData('hello', client.secret) });
    expect(res.body).toEqual({ responseCode: '4000101', responseMessage: 'Invalid Field Format {cardData}' });
  });

  test('an expired card is 4030108 Card Expired', async () => {
    const res = await client.bind({}, {}, { ...CARD, expiryDate: '0124' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ responseCode: '4030108', responseMessage: 'Card Expired' });
  });

  test.each([
    ['cardData', 'Invalid Mandatory Field {cardData}', '4000102'],
    ['custIdMerchant', 'Invalid Mandatory Field {custIdMerchant}', '4000102'],
  ])('a missing %s is 4000102', async (field, message, code) => {
    const body = client.bindBody() as Record<string, unknown>;
    delete body[field];
    const res = await client.tx('/direct-debit/core/v1/registration-card-bind', body);
    expect(res.body).toEqual({ responseCode: code, responseMessage: message });
  });

  test('field formats are 4000101 with the JSON path', async () => {
    expect((await client.bind({ custIdMerchant: 'CUST 001!' })).body.responseMessage).toBe('Invalid Field Format {custIdMerchant}');
    expect((await client.bind({ phoneNo: '12' })).body.responseMessage).toBe('Invalid Field Format {phoneNo}');
    const badUrl = { ...client.bindBody().additionalInfo, successRegistrationUrl: 'javascript:alert(1)' };
    expect((await client.bind({ additionalInfo: badUrl })).body.responseMessage).toBe(
      'Invalid Field Format {additionalInfo.successRegistrationUrl}',
    );
    const badChannel = { ...client.bindBody().additionalInfo, channel: 'bri' };
    expect((await client.bind({ additionalInfo: badChannel })).body.responseMessage).toBe('Invalid Field Format {additionalInfo.channel}');
  });

  test('lenient by default: the KKI Postman body without phoneNo and URLs binds (docs/settings.md #24); strict refuses it', async () => {
    const body = { cardData: client.bindBody().cardData, custIdMerchant: 'CUST001' };
    expect((await client.tx('/direct-debit/core/v1/registration-card-bind', body)).body.responseCode).toBe('2000100');
    const strict = await buildSandbox({ DOKU_BIND_FIELDS_MODE: 'strict' });
    const res = await new SnapClient(strict.app).tx('/direct-debit/core/v1/registration-card-bind', body);
    expect(res.body).toEqual({ responseCode: '4000102', responseMessage: 'Invalid Mandatory Field {phoneNo}' });
  });

  test("unknown fields such as the SDK's additionalInfo.origin are accepted", async () => {
    const info = { ...client.bindBody().additionalInfo, origin: { product: 'SDK', source: 'NODE JS' } };
    expect((await client.bind({ additionalInfo: info, somethingNew: 1 })).body.responseCode).toBe('2000100');
  });
});
