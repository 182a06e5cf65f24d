import { decodeJwt } from 'jose';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { IP, PAY, SnapClient, paymentBody } from '../helpers/snap-client.js';

const PATH = '/authorization/v1/access-token/b2b2c';

describe('POST /authorization/v1/access-token/b2b2c', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  beforeEach(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
  });

  test('exchanges the authCode of an ACTIVE binding for a customer token bound to it (2007400)', async () => {
    const { authCode, referenceNo } = await client.activeBinding();
    const res = await client.b2b2cToken(authCode);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ responseCode: '2007400', responseMessage: 'Successful', tokenType: 'Bearer' });
    expect(Object.keys(res.body).sort()).toEqual([
      'accessToken',
      'accessTokenExpiryTime',
      'refreshToken',
      'refreshTokenExpiryTime',
      'responseCode',
      'responseMessage',
      'tokenType',
    ]);
    expect(res.body.accessTokenExpiryTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(decodeJwt(res.body.accessToken)).toMatchObject({ iss: 'DOKU', clientId: client.clientId, sub: referenceNo });
  });

  test('an unexpired authCode of an ACTIVE binding may be exchanged again: a new customer token for the same binding', async () => {
    const { authCode, referenceNo } = await client.activeBinding();
    const first = await client.b2b2cToken(authCode);
    const again = await client.b2b2cToken(authCode);
    expect(again.body.responseCode).toBe('2007400');
    expect(again.body.accessToken).not.toBe(first.body.accessToken);
    expect(decodeJwt(again.body.accessToken).sub).toBe(referenceNo);
  });

  test("as DOKU's Java SDK calls: bind once, then two payments that each exchange the authCode first", async () => {
    const { authCode } = await client.activeBinding();
    for (const ref of ['JAVA-1', 'JAVA-2']) {
      const token = await client.b2b2cToken(authCode);
      expect(token.body.responseCode).toBe('2007400');
      const pay = await client.tx(PAY, paymentBody(ref, '1000.00'), { customerToken: token.body.accessToken, headers: IP });
      expect(pay.body.responseCode).toBe('2005400');
    }
  });

  test('DOKU_AUTH_CODE_MODE=strict: the authCode is single-use, the second exchange is 4017400', async () => {
    const strict = await buildSandbox({ DOKU_AUTH_CODE_MODE: 'strict' });
    const c = new SnapClient(strict.app);
    const { authCode } = await c.activeBinding();
    expect((await c.b2b2cToken(authCode)).status).toBe(200);
    const again = await c.b2b2cToken(authCode);
    expect(again.status).toBe(401);
    expect(again.body).toEqual({ responseCode: '4017400', responseMessage: 'Unauthorized. Invalid authCode' });
  });

  test('the authCode of an unbound card is refused, however often it was exchanged before', async () => {
    const { authCode, bankCardToken } = await client.activeBinding();
    expect((await client.b2b2cToken(authCode)).status).toBe(200);
    await client.tx('/direct-debit/core/v1/registration-card-unbind', { tokenId: bankCardToken });
    expect((await client.b2b2cToken(authCode)).body.responseCode).toBe('4017400');
  });

  test('an unknown authCode is 4017400', async () => {
    const res = await client.b2b2cToken('nope');
    expect(res.body.responseCode).toBe('4017400');
  });

  test('the authCode of a binding still waiting for its OTP is refused', async () => {
    const bind = await client.bind({}, { channelId: 'H2H' });
    const res = await client.b2b2cToken(bind.body.additionalInfo.authCode);
    expect(res.body.responseCode).toBe('4017400');
    expect(res.headers['x-mock-reason']).toMatch(/OTP/);
  });

  test('an expired authCode is refused', async () => {
    const { authCode } = await client.activeBinding();
    sb.clock.advance(3601 * 1000);
    expect((await client.b2b2cToken(authCode)).body.responseCode).toBe('4017400');
  });

  test("the refresh token grant issues a new pair once; SNAP's upper-case grant names are accepted", async () => {
    const { authCode } = await client.activeBinding();
    const first = await client.b2b2cToken(authCode);
    const refreshed = await client.tokenRequest(PATH, { grantType: 'REFRESH_TOKEN', refreshToken: first.body.refreshToken });
    expect(refreshed.body.responseCode).toBe('2007400');
    expect(refreshed.body.refreshToken).not.toBe(first.body.refreshToken);
    const reused = await client.tokenRequest(PATH, { grantType: 'refresh_token', refreshToken: first.body.refreshToken });
    expect(reused.body).toEqual({ responseCode: '4017400', responseMessage: 'Unauthorized. Invalid refreshToken' });
  });

  test('a grant without its credential is 4007402, an unknown grant 4007401', async () => {
    const noCode = await client.tokenRequest(PATH, { grantType: 'authorization_code' });
    expect(noCode.body).toEqual({ responseCode: '4007402', responseMessage: 'Invalid Mandatory Field {authCode}' });
    const badGrant = await client.tokenRequest(PATH, { grantType: 'client_credentials' });
    expect(badGrant.body).toEqual({ responseCode: '4007401', responseMessage: 'Invalid Field Format {grantType}' });
  });

  test('DOKU_B2B2C_EXPIRES_IN adds expiresIn for the Node SDK', async () => {
    const sb2 = await buildSandbox({ DOKU_B2B2C_EXPIRES_IN: 'true' });
    const c2 = new SnapClient(sb2.app);
    const { authCode } = await c2.activeBinding();
    expect((await c2.b2b2cToken(authCode)).body.expiresIn).toBe(900);
  });
});
