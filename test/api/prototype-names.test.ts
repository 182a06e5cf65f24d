/**
 * References equal to the name of an Object.prototype member are ordinary unknown references
 * (issue #19, store defect 1): looked up by client input, they must never reach the prototype.
 */
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { IP, REFUND, STATUS, SnapClient, customerSession, refundBody } from '../helpers/snap-client.js';

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__'];

describe.each(NAMES)('the reference %s', (name) => {
  let sb: TestSandbox;
  let client: SnapClient;
  let customerToken: string;
  beforeAll(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
    customerToken = (await customerSession(client)).customerToken;
  });

  test('check status by it: 4045501 Transaction Not Found', async () => {
    for (const field of ['originalReferenceNo', 'originalPartnerReferenceNo', 'originalExternalId']) {
      const res = await client.tx(STATUS, { serviceCode: '55', [field]: name });
      expect([field, res.status, res.body]).toEqual([field, 404, { responseCode: '4045501', responseMessage: 'Transaction Not Found' }]);
    }
  });

  test('refund of it: 4040701 Transaction Not Found', async () => {
    const res = await client.tx(REFUND, refundBody(name, 'RF-1', '1.00', { originalReferenceNo: name }), { customerToken, headers: IP });
    expect(res.body).toEqual({ responseCode: '4040701', responseMessage: 'Transaction Not Found' });
  });

  test('as an authCode or a refresh token: 4017400', async () => {
    expect((await client.b2b2cToken(name)).body.responseCode).toBe('4017400');
    expect(
      (await client.tokenRequest('/authorization/v1/access-token/b2b2c', { grantType: 'refresh_token', refreshToken: name })).body
        .responseCode,
    ).toBe('4017400');
  });

  test('the admin settle and OTP helpers: a {mockError} 404', async () => {
    for (const path of [`/__mock/payments/${encodeURIComponent(name)}/settle`, `/__mock/bindings/${encodeURIComponent(name)}/otp`]) {
      const res = await request(sb.app).post(path).send({ status: 'SUCCESS', result: 'success' });
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.body.mockError).toBeDefined();
    }
  });
});
