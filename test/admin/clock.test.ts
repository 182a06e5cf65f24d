/** /__mock/clock (issue #17): expiries and settlements follow the sandbox's time, moved by the admin API, without sleeping. */
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { IP, PAY, STATUS, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

let sb: TestSandbox;
let client: SnapClient;
beforeEach(async () => {
  sb = await buildSandbox();
  client = new SnapClient(sb.app);
});
afterEach(() => sb.app.outbox.stop());

const move = (body: Record<string, unknown>) => request(sb.app).post('/__mock/clock').send(body);

test('GET shows the time; advanceSeconds and set move it; DELETE returns to real time', async () => {
  expect((await request(sb.app).get('/__mock/clock')).body).toEqual({ now: '2026-05-26T10:00:00+07:00', offsetSeconds: 0, real: true });
  expect((await move({ advanceSeconds: 90 })).body).toEqual({ now: '2026-05-26T10:01:30+07:00', offsetSeconds: 90, real: false });
  expect((await move({ set: '2026-06-01T08:00:00+07:00' })).body.now).toBe('2026-06-01T08:00:00+07:00');
  expect((await request(sb.app).delete('/__mock/clock')).body).toEqual({ now: '2026-05-26T10:00:00+07:00', offsetSeconds: 0, real: true });
});

test('a B2B token expires when the clock passes its 900 s (4015401)', async () => {
  const session = await customerSession(client);
  const token = await client.b2bToken();
  await move({ advanceSeconds: 901 });
  const expired = await client.tx(PAY, paymentBody('CLK-1'), { token, customerToken: session.customerToken, headers: IP });
  expect(expired.body).toEqual({ responseCode: '4015401', responseMessage: 'Invalid Token (B2B)' });
});

test('an OTP expires after its 5 minutes (4030412), and an authCode after its hour (4017400)', async () => {
  const bind = await client.bind({}, { channelId: 'H2H' });
  await move({ advanceSeconds: 301 });
  const otp = await client.tx('/direct-debit/core/v1/otp-verification', { originalReferenceNo: bind.body.referenceNo, otp: '12345678' });
  expect(otp.body.responseCode).toBe('4030412');
  const active = await client.activeBinding('CUST002');
  await move({ advanceSeconds: 3601 });
  expect((await client.b2b2cToken(active.authCode)).body.responseCode).toBe('4017400');
});

test('a pending payment settles when the clock passes its time, with no request reading it', async () => {
  const session = await customerSession(client);
  const res = await client.tx(PAY, paymentBody('CLK-P'), {
    customerToken: session.customerToken,
    headers: { ...IP, 'X-Mock-Scenario': 'payment-in-progress' },
  });
  const payment = sb.deps.store.findPayment(res.body.referenceNo)!;
  await move({ advanceSeconds: 10 });
  await new Promise((r) => setImmediate(r));
  expect(payment.status).toBe('SUCCESS'); // settled by the move itself, before any status check
  expect((await client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'CLK-P' })).body.latestTransactionStatus).toBe('00');
});

test('a new Asia/Jakarta day: the same X-EXTERNAL-ID is a new request, not a replay', async () => {
  const status = async () =>
    client.tx(
      STATUS,
      { serviceCode: '55', originalPartnerReferenceNo: 'NONE' },
      { token: await client.b2bToken(), headers: { 'X-EXTERNAL-ID': '424242' } },
    );
  expect((await status()).headers['x-mock-replay']).toBeUndefined();
  expect((await status()).headers['x-mock-replay']).toBe('true');
  await move({ advanceSeconds: 86_400 });
  const nextDay = await status();
  expect([nextDay.body.responseCode, nextDay.headers['x-mock-replay']]).toEqual(['4045501', undefined]);
});

test("a merchant's own clock moves apart from the default", async () => {
  await move({ advanceSeconds: 3600, clientId: 'BRN-OTHER' });
  expect((await request(sb.app).get('/__mock/clock?clientId=BRN-OTHER')).body).toMatchObject({ own: true, offsetSeconds: 3600 });
  expect((await request(sb.app).get(`/__mock/clock?clientId=${DEMO.clientId}`)).body).toMatchObject({ own: false, offsetSeconds: 0 });
  const session = await customerSession(client); // the demo merchant's tokens are unaffected
  expect((await client.tx(PAY, paymentBody('OWN-1'), { customerToken: session.customerToken, headers: IP })).body.responseCode).toBe(
    '2005400',
  );
  await request(sb.app).delete('/__mock/clock?clientId=BRN-OTHER');
  expect((await request(sb.app).get('/__mock/clock?clientId=BRN-OTHER')).body).toMatchObject({ own: false, offsetSeconds: 0 });
});

test.each([[{}], [{ advanceSeconds: '60' }], [{ set: 'tomorrow' }], [{ advanceSeconds: 1, set: '2026-06-01T00:00:00Z' }]])(
  'a bad move %j is a mock error, and the clock stays',
  async (body) => {
    const res = await move(body);
    expect([res.status, res.body.mockError]).toEqual([400, expect.stringContaining('advanceSeconds')]);
    expect((await request(sb.app).get('/__mock/clock')).body.offsetSeconds).toBe(0);
  },
);

test.each([
  [{ advanceSeconds: 1e308 }],
  [{ advanceSeconds: -1e12 }],
  [{ advanceSeconds: 1e12 }],
  [{ set: '2026-02-30T00:00:00+07:00' }],
  [{ set: '2026-13-01T00:00:00+07:00' }],
  [{ set: '+275760-09-13T00:00:00Z' }],
  [{ set: '10000-01-01T00:00:00Z' }],
  [{ set: '1969-12-31T23:59:59Z' }],
])('an impossible or out-of-range move %j is refused (400) and changes nothing: payments and tokens still work', async (body) => {
  const res = await move(body);
  expect([res.status, typeof res.body.mockError]).toEqual([400, 'string']);
  expect((await request(sb.app).get('/__mock/clock')).body).toEqual({ now: '2026-05-26T10:00:00+07:00', offsetSeconds: 0, real: true });
  const session = await customerSession(client);
  expect((await client.tx(PAY, paymentBody('CLK-OK'), { customerToken: session.customerToken, headers: IP })).status).toBe(200);
});

test('the edges of the range still work: tokens and requests are answered in 9998 and in 2000, never 500', async () => {
  for (const set of ['9998-12-31T23:00:00+07:00', '2000-01-01T00:00:00+07:00']) {
    await move({ set }).expect(200);
    expect(await client.b2bToken()).toMatch(/^ey/);
    const status = await client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'CLK-NONE' });
    expect([set, status.body.responseCode]).toEqual([set, '4045501']);
  }
});
