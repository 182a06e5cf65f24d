import { decodeJwt, decodeProtectedHeader } from 'jose';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { SnapClient, TS } from '../helpers/snap-client.js';

const PATH = '/authorization/v1/access-token/b2b';

describe('POST /authorization/v1/access-token/b2b', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  beforeEach(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
  });

  test("when signed by the merchant key, issues an RS256 JWT shaped like DOKU's (2007300)", async () => {
    const res = await client.tokenRequest(PATH, { grantType: 'client_credentials' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ responseCode: '2007300', responseMessage: 'Successful', tokenType: 'Bearer', expiresIn: 900 });
    expect(res.headers['x-client-key']).toBe(client.clientId);
    expect(res.headers['x-timestamp']).toMatch(/\+07:00$/);
    expect(decodeProtectedHeader(res.body.accessToken).alg).toBe('RS256');
    const claims = decodeJwt(res.body.accessToken);
    expect(claims).toMatchObject({ iss: 'DOKU', clientId: client.clientId });
    expect(claims.exp! - Math.floor(sb.clock.now() / 1000)).toBe(900);
  });

  test('accepts PHP\'s additionalInfo: [] and DOKU\'s additionalInfo: ""', async () => {
    for (const additionalInfo of [[], '']) {
      const res = await client.tokenRequest(PATH, { grantType: 'client_credentials', additionalInfo });
      expect(res.body.responseCode).toBe('2007300');
    }
  });

  test('DOKU_TOKEN_TTL_SECONDS sets expiresIn', async () => {
    const sb2 = await buildSandbox({ DOKU_TOKEN_TTL_SECONDS: '86400' });
    const res = await new SnapClient(sb2.app).tokenRequest(PATH, { grantType: 'client_credentials' });
    expect(res.body.expiresIn).toBe(86400);
  });

  test.each([
    [
      'a signature over another timestamp',
      { signature: undefined, timestamp: '2026-05-26T10:00:01+07:00', signWith: TS },
      '4017300',
      'Unauthorized. Invalid Signature',
    ],
    ['an unknown X-CLIENT-KEY', { clientId: 'BRN-9999-UNKNOWN' }, '4017300', 'Unauthorized. Unknown Client'],
    ['a signature that is not base64', { signature: '%%%' }, '4017300', 'Unauthorized. Invalid Signature'],
  ])('when it carries %s, answers 401 %s', async (_n, opts, code, message) => {
    const o = opts as { timestamp?: string; signWith?: string; clientId?: string; signature?: string };
    let signature = o.signature;
    if (o.signWith) {
      const { signAsymmetric } = await import('../../server/snap/signature.js');
      signature = signAsymmetric(client.privateKeyPem, client.clientId, o.signWith);
    }
    const res = await client.tokenRequest(
      PATH,
      { grantType: 'client_credentials' },
      { timestamp: o.timestamp, clientId: o.clientId, signature },
    );
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ responseCode: code, responseMessage: message });
  });

  test.each([
    ['X-CLIENT-KEY', '4007302', 'Invalid Mandatory Field {X-CLIENT-KEY}'],
    ['X-TIMESTAMP', '4007302', 'Invalid Mandatory Field {X-TIMESTAMP}'],
    ['X-SIGNATURE', '4007302', 'Invalid Mandatory Field {X-SIGNATURE}'],
  ])('when %s is missing, answers 400 %s', async (header, code, message) => {
    const res = await client.tokenRequest(PATH, { grantType: 'client_credentials' }, { headers: { [header]: undefined } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ responseCode: code, responseMessage: message });
  });

  test('a wrong grantType is 4007301, a missing one 4007302', async () => {
    const wrong = await client.tokenRequest(PATH, { grantType: 'password' });
    expect(wrong.body).toEqual({ responseCode: '4007301', responseMessage: 'Invalid Field Format {grantType}' });
    const missing = await client.tokenRequest(PATH, {});
    expect(missing.body).toEqual({ responseCode: '4007302', responseMessage: 'Invalid Mandatory Field {grantType}' });
  });

  test('a badly formatted X-TIMESTAMP is 4007301', async () => {
    const res = await client.tokenRequest(PATH, { grantType: 'client_credentials' }, { timestamp: '2026/05/26 10:00' });
    expect(res.body).toEqual({ responseCode: '4007301', responseMessage: 'Invalid Field Format {X-TIMESTAMP}' });
  });
});
