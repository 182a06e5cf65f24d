/**
 * Issue #25 item 7, each rule where DOKU's pages or SDKs say it: an OVO payment names its missing
 * customer token; X-DEVICE-ID is strict for DANA only; strict timestamps take UTC `Z` on the token
 * endpoint; card bind `type` and Allo's `channelId` are checked; milliseconds in X-TIMESTAMP are
 * accepted with a warning logged once.
 */
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { IP, PAY, SnapClient } from '../helpers/snap-client.js';

let sb: TestSandbox;
let client: SnapClient;
const start = async (env: Record<string, string> = {}, log?: Logger) => {
  sb = await buildSandbox(env, { log });
  client = new SnapClient(sb.app);
};
afterEach(() => sb.app.outbox.stop());

const wallet = (partnerReferenceNo: string, channel: string, paymentType?: string) => ({
  partnerReferenceNo,
  amount: { value: '15000.00', currency: 'IDR' },
  urlParam: [{ url: 'https://merchant.example/return', type: 'PAY_RETURN', isDeepLink: 'N' }],
  additionalInfo: { channel, ...(paymentType ? { paymentType } : {}) },
});

test('an OVO payment without Authorization-Customer is refused naming that header, not bankCardToken', async () => {
  await start();
  for (const type of ['SALE', 'RECURRING']) {
    const res = await client.tx(PAY, wallet(`OVO-${type}`, 'EMONEY_OVO_SNAP', type), { headers: IP });
    expect([type, res.body]).toEqual([
      type,
      { responseCode: '4005402', responseMessage: 'Invalid Mandatory Field {Authorization-Customer}' },
    ]);
  }
});

test('strict DOKU_DEVICE_ID_MODE requires X-DEVICE-ID for DANA only: ShopeePay now marks it optional', async () => {
  await start({ DOKU_DEVICE_ID_MODE: 'strict' });
  expect((await client.tx(PAY, wallet('SHOPEE-NODEV', 'EMONEY_SHOPEE_PAY_SNAP'), { headers: IP })).body.responseCode).toBe('2005400');
  expect((await client.tx(PAY, wallet('DANA-NODEV', 'EMONEY_DANA_SNAP'), { headers: IP })).body).toEqual({
    responseCode: '4005402',
    responseMessage: 'Invalid Mandatory Field {X-DEVICE-ID}',
  });
});

test("strict timestamps take UTC Z on the B2B token endpoint (DOKU's token page, Java and Python), not on transactional calls", async () => {
  await start({ DOKU_TIMESTAMP_MODE: 'strict' });
  const token = await client.tokenRequest(
    '/authorization/v1/access-token/b2b',
    { grantType: 'client_credentials' },
    { timestamp: '2026-05-26T03:00:00Z' },
  );
  expect(token.body.responseCode).toBe('2007300');
  const millis = await client.tokenRequest(
    '/authorization/v1/access-token/b2b',
    { grantType: 'client_credentials' },
    { timestamp: '2026-05-26T03:00:00.000Z' },
  );
  expect(millis.body.responseCode).toBe('4007301');
  const status = await client.tx(
    '/orders/v1.0/debit/status',
    { serviceCode: '55', originalPartnerReferenceNo: 'X' },
    { timestamp: '2026-05-26T03:00:00Z' },
  );
  expect(status.body.responseCode).toBe('4005501');
});

test('card bind type is at most 20 characters; Allo account binding channelId is app or web', async () => {
  await start();
  const bind = await client.bind({ type: 'subscribe-and-more-than-twenty' }, { channelId: 'H2H' });
  expect(bind.body).toEqual({ responseCode: '4000101', responseMessage: 'Invalid Field Format {type}' });
  expect((await client.bind({ type: 'subscribe' }, { channelId: 'H2H' })).body.responseCode).toBe('2000100');
  const allo = (channelId: string) =>
    client.tx(
      '/direct-debit/core/v1/registration-account-binding',
      {
        phoneNo: '62813941306101',
        additionalInfo: {
          channel: 'DIRECT_DEBIT_ALLO_SNAP',
          custIdMerchant: 'CUST009',
          successRegistrationUrl: 'https://merchant.example/ok',
          failedRegistrationUrl: 'https://merchant.example/failed',
          deviceModel: 'Pixel 8',
          osType: 'android',
          channelId,
        },
      },
      { headers: { ...IP, 'X-DEVICE-ID': 'dev1' } },
    );
  expect((await allo('CH001')).body).toEqual({
    responseCode: '4000701',
    responseMessage: 'Invalid Field Format {additionalInfo.channelId}',
  });
  expect((await allo('web')).body.responseCode).toBe('2000700');
});

test('milliseconds in X-TIMESTAMP are accepted when lenient, with one warning per merchant that DOKU may refuse them', async () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(...chunk.toString().trim().split('\n')), cb()) });
  await start({}, pino({ level: 'warn' }, sink));
  for (let i = 0; i < 3; i++) {
    const res = await client.tx(
      '/orders/v1.0/debit/status',
      { serviceCode: '55', originalPartnerReferenceNo: 'X' },
      { timestamp: '2026-05-26T10:00:00.123+07:00' },
    );
    expect(res.body.responseCode).toBe('4045501');
  }
  const warnings = lines.map((l) => JSON.parse(l)).filter((l) => /milliseconds/.test(l.msg));
  expect(warnings).toHaveLength(1);
  expect(warnings[0].msg).toMatch(/DOKU's sandbox reportedly answers "Invalid Field Format X-TIMESTAMP"/);
});
