import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { BALANCE, IP, PAY, SnapClient, paymentBody } from '../helpers/snap-client.js';

const BIND = '/direct-debit/core/v1/registration-account-binding';
const UNBIND = '/direct-debit/core/v1/registration-account-unbinding';

const bindBody = (channel = 'DIRECT_DEBIT_CIMB_SNAP', extra: Record<string, unknown> = {}, custIdMerchant = 'CUST001') => ({
  phoneNo: '62813941306101',
  additionalInfo: {
    channel,
    custIdMerchant,
    customerName: 'Siti Rahma',
    successRegistrationUrl: 'https://merchant.example/acc/ok',
    failedRegistrationUrl: 'https://merchant.example/acc/failed',
    ...extra,
  },
});

describe('account binding and unbinding', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  beforeEach(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
  });

  /** bind → hosted OTP → authCode → customer token */
  async function boundAccount(
    channel = 'DIRECT_DEBIT_CIMB_SNAP',
    headers: Record<string, string> = IP,
    extra: Record<string, unknown> = {},
  ) {
    const bind = await client.tx(BIND, bindBody(channel, extra), { headers });
    expect(bind.body).toMatchObject({
      responseCode: '2000700',
      responseMessage: 'Successful',
      additionalInfo: { custIdMerchant: 'CUST001', status: 'PENDING' },
    });
    const page = new URL(bind.body.redirectUrl).pathname;
    expect(page).toMatch(/^\/direct-debit\/account\/binding\//);
    expect((await request(sb.app).get(page)).text).toContain('Verify your account');
    const otp = await request(sb.app).post(page).type('form').send({ otp: '12345678' });
    const authCode = new URL(otp.headers.location!).searchParams.get('authCode')!;
    const token = await client.b2b2cToken(authCode);
    expect(token.body.responseCode).toBe('2007400');
    return token.body.accessToken as string;
  }

  test('bind (2000700) → OTP page → B2B2C token → balance and payment work as for a card', async () => {
    const customerToken = await boundAccount();
    const balance = await client.tx(BALANCE, {}, { customerToken, headers: IP });
    expect(balance.body.responseCode).toBe('2001100');
    const pay = await client.tx(PAY, paymentBody('ACC-1', '2500.00', { additionalInfo: { channel: 'DIRECT_DEBIT_CIMB_SNAP' } }), {
      customerToken,
      headers: IP,
    });
    expect(pay.body.responseCode).toBe('2005400'); // CIMB: verified by the customer's OTP before it is paid (docs/doku.md §7.5)
    expect(pay.body.webRedirectUrl).toMatch(/\/direct-debit\/issuer\/pay\/ISSUER-/);
    const otp = await client.tx('/direct-debit/core/v1/otp-verification', {
      originalPartnerReferenceNo: 'ACC-1',
      type: 'PAYMENT',
      otp: '12345678',
    });
    expect(otp.body.responseCode).toBe('2000400');
    const after = await client.tx(BALANCE, {}, { customerToken, headers: IP });
    expect(Number(balance.body.accountInfos[0].availableBalance.value) - Number(after.body.accountInfos[0].availableBalance.value)).toBe(
      2500,
    );
  });

  test('unbinding with the customer token (2000900) stops payments; again is 4030918', async () => {
    const customerToken = await boundAccount();
    const res = await client.tx(UNBIND, { tokenId: customerToken, additionalInfo: { channel: 'DIRECT_DEBIT_CIMB_SNAP' } }, { headers: IP });
    expect(res.body).toEqual({ responseCode: '2000900', responseMessage: 'Successful', referenceNo: expect.stringMatching(/^\d{32}$/) });
    expect((await client.tx(PAY, paymentBody('ACC-2'), { customerToken, headers: IP })).body.responseCode).toBe('4035418');
    expect((await client.tx(UNBIND, { tokenId: customerToken }, { headers: IP })).body).toEqual({
      responseCode: '4030918',
      responseMessage: 'Inactive Card/Account/Customer',
    });
  });

  test("an unknown tokenId is 4010902 Invalid Customer Token; a card's token is not an account", async () => {
    expect((await client.tx(UNBIND, { tokenId: 'nope' }, { headers: IP })).body).toEqual({
      responseCode: '4010902',
      responseMessage: 'Invalid Customer Token',
    });
    const card = await client.activeBinding();
    expect((await client.tx(UNBIND, { tokenId: card.bankCardToken }, { headers: IP })).body.responseCode).toBe('4010902');
  });

  test('Allo Bank needs X-DEVICE-ID and its device fields', async () => {
    const allo = { deviceModel: 'Pixel 8', osType: 'android', channelId: 'app' };
    expect((await client.tx(BIND, bindBody('DIRECT_DEBIT_ALLO_SNAP', allo), { headers: IP })).body).toEqual({
      responseCode: '4000702',
      responseMessage: 'Invalid Mandatory Field {X-DEVICE-ID}',
    });
    expect(
      (
        await client.tx(BIND, bindBody('DIRECT_DEBIT_ALLO_SNAP', { osType: 'android', channelId: 'app' }), {
          headers: { ...IP, 'X-DEVICE-ID': 'dev1' },
        })
      ).body,
    ).toEqual({ responseCode: '4000702', responseMessage: 'Invalid Mandatory Field {additionalInfo.deviceModel}' });
    await boundAccount('DIRECT_DEBIT_ALLO_SNAP', { ...IP, 'X-DEVICE-ID': 'dev1' }, allo);
  });

  test('the answer carries additionalInfo.accountStatus and authCode (null until the OTP), which PHP reads unguarded', async () => {
    const res = await client.tx(BIND, bindBody(), { headers: IP });
    expect(res.body.additionalInfo).toEqual({ custIdMerchant: 'CUST001', status: 'PENDING', accountStatus: 'PENDING', authCode: null });
  });

  test("Go's empty device fields and empty X-DEVICE-ID are not given outside Allo; channelId is free text there, app or web for Allo", async () => {
    const go = { deviceModel: '', osType: '', channelId: '' };
    expect((await client.tx(BIND, bindBody('EMONEY_OVO_SNAP', go), { headers: { ...IP, 'X-DEVICE-ID': '' } })).body.responseCode).toBe(
      '2000700',
    );
    expect((await client.tx(BIND, bindBody('EMONEY_OVO_SNAP', { channelId: 'CH001' }, 'CUST004'), { headers: IP })).body.responseCode).toBe(
      '2000700',
    );
    const allo = { deviceModel: 'Pixel 8', osType: 'ANDROID', channelId: 'CH001' }; // Go's README value: DOKU's Allo page lists app/web
    const bind = (info: Record<string, string>) =>
      client.tx(BIND, bindBody('DIRECT_DEBIT_ALLO_SNAP', info, 'CUST003'), { headers: { ...IP, 'X-DEVICE-ID': 'dev1' } });
    expect((await bind(allo)).body.responseCode).toBe('4000701');
    expect((await bind({ ...allo, channelId: 'APP' })).body.responseCode).toBe('2000700');
  });

  test('for Allo an empty device field or X-DEVICE-ID is a missing one (4000702)', async () => {
    const allo = { deviceModel: 'Pixel 8', osType: 'android', channelId: 'app' };
    expect((await client.tx(BIND, bindBody('DIRECT_DEBIT_ALLO_SNAP', allo), { headers: { ...IP, 'X-DEVICE-ID': '' } })).body).toEqual({
      responseCode: '4000702',
      responseMessage: 'Invalid Mandatory Field {X-DEVICE-ID}',
    });
    expect(
      (await client.tx(BIND, bindBody('DIRECT_DEBIT_ALLO_SNAP', { ...allo, osType: '' }), { headers: { ...IP, 'X-DEVICE-ID': 'dev1' } }))
        .body,
    ).toEqual({ responseCode: '4000702', responseMessage: 'Invalid Mandatory Field {additionalInfo.osType}' });
  });

  test('X-IP-ADDRESS is mandatory (4000702)', async () => {
    expect((await client.tx(BIND, bindBody())).body).toEqual({
      responseCode: '4000702',
      responseMessage: 'Invalid Mandatory Field {X-IP-ADDRESS}',
    });
  });

  test('successRegistrationUrl is mandatory (4000702)', async () => {
    const body = bindBody();
    delete (body.additionalInfo as Record<string, unknown>).successRegistrationUrl;
    expect((await client.tx(BIND, body, { headers: IP })).body).toEqual({
      responseCode: '4000702',
      responseMessage: 'Invalid Mandatory Field {additionalInfo.successRegistrationUrl}',
    });
  });

  test('an account another customer holds is 4090701', async () => {
    await boundAccount();
    const res = await client.tx(BIND, bindBody('DIRECT_DEBIT_CIMB_SNAP', {}, 'CUST002'), { headers: IP });
    expect(res.body).toEqual({ responseCode: '4090701', responseMessage: 'Duplicate partnerReferenceNo' });
  });
});
