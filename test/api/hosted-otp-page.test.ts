import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { SnapClient } from '../helpers/snap-client.js';

describe('hosted OTP page (CHANNEL-ID: DH)', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  let pagePath: string;
  beforeEach(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
    const bind = await client.bind({ phoneNo: '6281234567890' });
    pagePath = new URL(bind.body.redirectUrl).pathname;
  });

  test('GET shows an accessible OTP form with the masked card and no external assets', async () => {
    const res = await request(sb.app).get(pagePath);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<label for="otp">');
    expect(res.text).toContain('5221********7890');
    expect(res.text).toContain('*********7890');
    expect(res.text).not.toMatch(/<(script|link)\b|src="http/);
  });

  test('the right OTP activates the binding and redirects (303) to successRegistrationUrl with authCode and references', async () => {
    const res = await request(sb.app).post(pagePath).type('form').send({ otp: '12345678' });
    expect(res.status).toBe(303);
    const target = new URL(res.headers.location!);
    expect(target.origin + target.pathname).toBe('https://merchant.example/bind/success');
    expect(target.searchParams.get('status')).toBe('SUCCESS');
    expect(target.searchParams.get('custIdMerchant')).toBe('CUST001');
    const ref = target.searchParams.get('referenceNo')!;
    expect(sb.deps.store.bindings.byReferenceNo(ref)!.status).toBe('ACTIVE');
    const token = await client.b2b2cToken(target.searchParams.get('authCode')!);
    expect(token.body.responseCode).toBe('2007400');
  });

  test('a wrong OTP shows the error on the page; three wrong redirect to failedRegistrationUrl', async () => {
    const wrong = await request(sb.app).post(pagePath).type('form').send({ otp: '11111111' });
    expect(wrong.status).toBe(200);
    expect(wrong.text).toContain('role="alert"');
    expect(wrong.text).toContain('The OTP is incorrect');
    await request(sb.app).post(pagePath).type('form').send({ otp: '11111111' });
    const third = await request(sb.app).post(pagePath).type('form').send({ otp: '11111111' });
    expect(third.status).toBe(303);
    const target = new URL(third.headers.location!);
    expect(target.pathname).toBe('/bind/failed');
    expect(target.searchParams.get('status')).toBe('FAILED');
    expect(target.searchParams.get('authCode')).toBeNull();
  });

  test('an expired session redirects to failedRegistrationUrl', async () => {
    sb.clock.advance(301_000);
    const res = await request(sb.app).post(pagePath).type('form').send({ otp: '12345678' });
    expect(new URL(res.headers.location!).searchParams.get('status')).toBe('FAILED');
  });

  test('without redirect URLs the page itself tells the result', async () => {
    const bind = await client.tx('/direct-debit/core/v1/registration-card-bind', {
      cardData: client.bindBody().cardData,
      custIdMerchant: 'CUST009',
    });
    const path = new URL(bind.body.redirectUrl).pathname;
    const res = await request(sb.app).post(path).type('form').send({ otp: '12345678' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Card registered');
  });

  test('an unknown session is a 404 page', async () => {
    expect((await request(sb.app).get('/direct-debit/kki/binding/SESSION-nope')).status).toBe(404);
  });

  test('a finished session is a 409 page that says the card is registered', async () => {
    await request(sb.app).post(pagePath).type('form').send({ otp: '12345678' });
    const again = await request(sb.app).get(pagePath);
    expect(again.status).toBe(409);
    expect(again.text).toContain('This card is already registered');
    expect(again.text).not.toContain('ACTIVE');
  });

  test('values are HTML-escaped', async () => {
    const info = { ...client.bindBody().additionalInfo, customerName: '<img src=x onerror=alert(1)>' };
    const bind = await client.bind({ custIdMerchant: 'CUST777', additionalInfo: info });
    const res = await request(sb.app).get(new URL(bind.body.redirectUrl).pathname);
    expect(res.text).not.toContain('<img');
    expect(res.text).toContain('&#60;img');
  });
});
