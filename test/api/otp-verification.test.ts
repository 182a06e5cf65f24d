import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { SnapClient } from '../helpers/snap-client.js';

const PATH = '/direct-debit/core/v1/otp-verification';

describe('POST /direct-debit/core/v1/otp-verification (H2H binding)', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  let referenceNo: string;
  beforeEach(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
    referenceNo = (await client.bind({ partnerReferenceNo: 'BIND-1' }, { channelId: 'H2H' })).body.referenceNo;
  });

  test('the sandbox OTP activates the binding and issues its bankCardToken (2000400)', async () => {
    const res = await client.tx(PATH, { originalReferenceNo: referenceNo, otp: '12345678' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      responseCode: '2000400',
      responseMessage: 'Successful',
      originalReferenceNo: referenceNo,
      originalPartnerReferenceNo: 'BIND-1',
      cardPan: '5221********7890',
      additionalInfo: { status: 'SUCCESS' },
    });
    expect(res.body.bankCardToken).toMatch(/^CT-/);
    expect(sb.deps.store.bindings.byReferenceNo(referenceNo)!.status).toBe('ACTIVE');
  });

  test('the binding can be named by originalPartnerReferenceNo; the 6-digit legacy OTP works too', async () => {
    const res = await client.tx(PATH, { originalPartnerReferenceNo: 'BIND-1', otp: '123456' });
    expect(res.body.responseCode).toBe('2000400');
  });

  test('a wrong OTP is 4040415; the third is 4030411 OTP Blocked and the binding FAILED', async () => {
    const first = await client.tx(PATH, { originalReferenceNo: referenceNo, otp: '00000000' });
    expect(first.status).toBe(404);
    expect(first.body).toEqual({ responseCode: '4040415', responseMessage: 'Invalid OTP' });
    await client.tx(PATH, { originalReferenceNo: referenceNo, otp: '00000000' });
    const third = await client.tx(PATH, { originalReferenceNo: referenceNo, otp: '00000000' });
    expect(third.body).toEqual({ responseCode: '4030411', responseMessage: 'OTP Blocked' });
    const right = await client.tx(PATH, { originalReferenceNo: referenceNo, otp: '12345678' });
    expect(right.body.responseCode).toBe('4030411');
    expect(sb.deps.store.bindings.byReferenceNo(referenceNo)!.status).toBe('FAILED');
  });

  test('after DOKU_OTP_TTL_SECONDS the OTP is 4030412 OTP Lifetime Expired', async () => {
    sb.clock.advance(301 * 1000);
    const res = await client.tx(PATH, { originalReferenceNo: referenceNo, otp: '12345678' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ responseCode: '4030412', responseMessage: 'OTP Lifetime Expired' });
  });

  test('DOKU_OTP sets the accepted OTP', async () => {
    const sb2 = await buildSandbox({ DOKU_OTP: '87654321' });
    const c2 = new SnapClient(sb2.app);
    const ref = (await c2.bind({}, { channelId: 'H2H' })).body.referenceNo;
    expect((await c2.tx(PATH, { originalReferenceNo: ref, otp: '12345678' })).body.responseCode).toBe('4040415');
    expect((await c2.tx(PATH, { originalReferenceNo: ref, otp: '87654321' })).body.responseCode).toBe('2000400');
  });

  test('an unknown reference is 4040401', async () => {
    expect((await client.tx(PATH, { originalReferenceNo: '999', otp: '12345678' })).body).toEqual({
      responseCode: '4040401',
      responseMessage: 'Transaction Not Found',
    });
  });

  test('an already active binding is 4040400', async () => {
    await client.tx(PATH, { originalReferenceNo: referenceNo, otp: '12345678' });
    expect((await client.tx(PATH, { originalReferenceNo: referenceNo, otp: '12345678' })).body).toEqual({
      responseCode: '4040400',
      responseMessage: 'Invalid Transaction Status',
    });
  });

  test('no reference at all is 4000402 {originalReferenceNo}', async () => {
    expect((await client.tx(PATH, { otp: '12345678' })).body).toEqual({
      responseCode: '4000402',
      responseMessage: 'Invalid Mandatory Field {originalReferenceNo}',
    });
  });

  test('an OTP that is not 6-8 digits is 4000401', async () => {
    expect((await client.tx(PATH, { originalReferenceNo: referenceNo, otp: '12ab' })).body).toEqual({
      responseCode: '4000401',
      responseMessage: 'Invalid Field Format {otp}',
    });
  });

  test('no OTP is 4000402 {otp}', async () => {
    expect((await client.tx(PATH, { originalReferenceNo: referenceNo })).body).toEqual({
      responseCode: '4000402',
      responseMessage: 'Invalid Mandatory Field {otp}',
    });
  });
});

describe('one card, one customer per merchant, at activation too (issue #20)', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  beforeEach(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
  });
  const start = async (custIdMerchant: string) => (await client.bind({ custIdMerchant }, { channelId: 'H2H' })).body.referenceNo as string;
  const otp = (referenceNo: string) => client.tx(PATH, { originalReferenceNo: referenceNo, otp: '12345678' });

  test("a second customer's OTP for a card the first one activated meanwhile is 4090401; the first keeps the card", async () => {
    const a = await start('CUSTA');
    const b = await start('CUSTB');
    expect((await otp(a)).body.responseCode).toBe('2000400');
    const second = await otp(b);
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ responseCode: '4090401', responseMessage: 'Duplicate partnerReferenceNo' });
    expect(sb.deps.store.bindings.byReferenceNo(a)!.status).toBe('ACTIVE');
    expect(sb.deps.store.bindings.byReferenceNo(b)!.status).toBe('FAILED');
  });

  test('20 customers finishing their OTPs at once: one succeeds, 19 are refused, one binding is active', async () => {
    const refs = await Promise.all(Array.from({ length: 20 }, (_, i) => start(`CUSTC${i}`)));
    const answers = await Promise.all(refs.map(otp));
    const codes = answers.map((r) => r.body.responseCode).sort();
    expect(codes).toEqual(['2000400', ...Array(19).fill('4090401')]);
    expect(refs.filter((ref) => sb.deps.store.bindings.byReferenceNo(ref)!.status === 'ACTIVE')).toHaveLength(1);
  });

  test('the same customer binding the same card again still replaces the earlier binding', async () => {
    const first = await start('CUSTD');
    expect((await otp(first)).body.responseCode).toBe('2000400');
    const again = await start('CUSTD');
    expect((await otp(again)).body.responseCode).toBe('2000400');
    expect(sb.deps.store.bindings.byReferenceNo(first)!.status).toBe('INACTIVE');
  });
});
