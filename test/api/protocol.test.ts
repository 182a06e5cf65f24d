/** The shared SNAP pipeline (docs/doku.md §1.2–docs/doku.md §1.8, §2.2), exercised on card unbind (service 05). */
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { SnapClient, TS } from '../helpers/snap-client.js';

const PATH = '/direct-debit/core/v1/registration-card-unbind';
const BODY = { tokenId: 'CT-unknown', additionalInfo: { channel: 'DIRECT_DEBIT_BRI_SNAP' } };
/** A correctly signed request for an unknown token gets past every security check: 404. */
const PASSED_SECURITY = '4040511';

describe('transactional request checks', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  beforeEach(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
  });

  test.each([
    ['X-TIMESTAMP', '4000502', 'Invalid Mandatory Field {X-TIMESTAMP}'],
    ['X-SIGNATURE', '4000502', 'Invalid Mandatory Field {X-SIGNATURE}'],
    ['X-PARTNER-ID', '4000502', 'Invalid Mandatory Field {X-PARTNER-ID}'],
    ['X-EXTERNAL-ID', '4000502', 'Invalid Mandatory Field {X-EXTERNAL-ID}'],
    ['Authorization', '4000502', 'Invalid Mandatory Field {Authorization}'],
  ])('a missing %s is %s', async (header, code, message) => {
    const res = await client.tx(PATH, BODY, { headers: { [header]: undefined } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ responseCode: code, responseMessage: message });
  });

  test.each([
    ['X-TIMESTAMP without offset', { 'X-TIMESTAMP': '2026-05-26T10:00:00' }, 'Invalid Field Format {X-TIMESTAMP}'],
    ['Authorization without Bearer', { Authorization: 'Token abc' }, 'Invalid Field Format {Authorization}'],
    ['an X-EXTERNAL-ID of 65 characters', { 'X-EXTERNAL-ID': '1'.repeat(65) }, 'Invalid Field Format {X-EXTERNAL-ID}'],
    ['a form Content-Type', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'Invalid Field Format {Content-Type}'],
  ])('%s is 4000501', async (_n, headers, message) => {
    const res = await client.tx(PATH, BODY, { headers });
    expect(res.body).toEqual({ responseCode: '4000501', responseMessage: message });
  });

  test.each([
    ['+07:00 (Node in Jakarta, PHP, Go)', '2026-05-26T10:00:00+07:00'],
    ['-00:00 (Node on a UTC host)', '2026-05-26T03:00:00-00:00'],
    ['Z (Java, Python)', '2026-05-26T03:00:00Z'],
    ['millis and Z (DOKU examples)', '2026-05-26T03:00:00.000Z'],
  ])('X-TIMESTAMP with %s is signed verbatim and accepted', async (_n, timestamp) => {
    expect((await client.tx(PATH, BODY, { timestamp })).body.responseCode).toBe(PASSED_SECURITY);
  });

  test('DOKU_TIMESTAMP_SKEW_SECONDS rejects a stale X-TIMESTAMP', async () => {
    const sb2 = await buildSandbox({ DOKU_TIMESTAMP_SKEW_SECONDS: '300' });
    const c2 = new SnapClient(sb2.app);
    expect((await c2.tx(PATH, BODY)).body.responseCode).toBe(PASSED_SECURITY);
    expect((await c2.tx(PATH, BODY, { timestamp: '2026-05-26T09:00:00+07:00' })).body.responseCode).toBe('4000501');
  });

  test('strict X-EXTERNAL-ID mode wants digits (docs/settings.md #7)', async () => {
    const sb2 = await buildSandbox({ DOKU_EXTERNAL_ID_MODE: 'strict' });
    const res = await new SnapClient(sb2.app).tx(PATH, BODY, { headers: { 'X-EXTERNAL-ID': 'ext-bind-20260526-00001' } });
    expect(res.body.responseCode).toBe('4000501');
  });

  test('a token that is not a JWT of this sandbox is 4010501 Invalid Token (B2B)', async () => {
    const res = await client.tx(PATH, BODY, { token: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ responseCode: '4010501', responseMessage: 'Invalid Token (B2B)' });
  });

  test('an expired B2B token is 4010501', async () => {
    const token = await client.b2bToken();
    sb.clock.advance(901_000);
    expect((await client.tx(PATH, BODY, { token })).body.responseCode).toBe('4010501');
  });

  test('a token this sandbox no longer knows (state reset) is 4010503 Token Not Found (B2B)', async () => {
    const token = await client.b2bToken();
    await sb.deps.store.reset();
    expect((await client.tx(PATH, BODY, { token })).body).toEqual({ responseCode: '4010503', responseMessage: 'Token Not Found (B2B)' });
  });

  test("an X-PARTNER-ID other than the token's client is 4010500 Unknown Client", async () => {
    const res = await client.tx(PATH, BODY, { headers: { 'X-PARTNER-ID': 'BRN-9999' } });
    expect(res.body).toEqual({ responseCode: '4010500', responseMessage: 'Unauthorized. Unknown Client' });
  });

  test.each([
    ['the wrong secret', { secret: 'not-the-secret' }],
    ['another timestamp', { timestamp: TS, headers: { 'X-TIMESTAMP': '2026-05-26T10:00:01+07:00' } }],
    ['another path', { signPath: '/direct-debit/core/v1/registration-card-bind' }],
    ['a body changed after signing', { signBody: JSON.stringify({ tokenId: 'CT-other' }) }],
  ])('a signature with %s is 4010500 Invalid Signature', async (_n, opts) => {
    const res = await client.tx(PATH, BODY, opts);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ responseCode: '4010500', responseMessage: 'Unauthorized. Invalid Signature' });
    expect(res.headers['x-mock-reason']).toMatch(/HMAC-SHA512/);
  });

  test('"Bearer " inside the string-to-sign is a classic client mistake, and fails', async () => {
    const token = await client.b2bToken();
    const { signSymmetric, sha256Hex } = await import('../../server/snap/signature.js');
    const sig = signSymmetric(client.secret, `POST:${PATH}:Bearer ${token}:${sha256Hex(JSON.stringify(BODY))}:${TS}`);
    expect((await client.tx(PATH, BODY, { token, headers: { 'X-SIGNATURE': sig } })).body.responseCode).toBe('4010500');
  });

  describe('body forms each official SDK signs (docs/sdks.md)', () => {
    const compact = JSON.stringify(BODY);
    test.each([
      ['Python: sends ", "-spaced JSON, signs compact', JSON.stringify(BODY, null, 1).replace(/\n\s*/g, ' '), compact],
      [
        'PHP: sends \\/-escaped JSON, signs unescaped',
        compact.replace('"CT-unknown"', '"CT-unknown\\/"'),
        compact.replace('"CT-unknown"', '"CT-unknown/"'),
      ],
      [
        'Go: sends and signs \\u003c escapes',
        compact.replace('"CT-unknown"', '"CT-\\u003cunknown"'),
        compact.replace('"CT-unknown"', '"CT-\\u003cunknown"'),
      ],
      ['a client signing pretty-printed bytes exactly as sent', JSON.stringify(BODY, null, 2), JSON.stringify(BODY, null, 2)],
    ])('%s: accepted', async (_n, rawBody, signBody) => {
      expect((await client.tx(PATH, BODY, { rawBody, signBody })).body.responseCode).toBe(PASSED_SECURITY);
    });

    test('strict signature mode accepts only the compact re-serialisation (docs/doku.md §2.2 step 6)', async () => {
      const sb2 = await buildSandbox({ DOKU_SIGNATURE_MODE: 'strict' });
      const c2 = new SnapClient(sb2.app);
      const pretty = JSON.stringify(BODY, null, 2);
      expect((await c2.tx(PATH, BODY, { rawBody: pretty, signBody: pretty })).body.responseCode).toBe('4010500');
      expect((await c2.tx(PATH, BODY, { rawBody: pretty })).body.responseCode).toBe(PASSED_SECURITY);
    });
  });

  test("the shared key also signs in lenient mode (DOKU's Postman shared_key, docs/settings.md #3)", async () => {
    const sb2 = await buildSandbox({ DOKU_SHARED_KEY: 'the-shared-key' });
    expect((await new SnapClient(sb2.app).tx(PATH, BODY, { secret: 'the-shared-key' })).body.responseCode).toBe(PASSED_SECURITY);
  });

  test('a query string may be signed or not (docs/doku.md §2.2 step 4)', async () => {
    expect((await client.tx(`${PATH}?x=1`, BODY, { signPath: PATH })).body.responseCode).toBe(PASSED_SECURITY);
    expect((await client.tx(`${PATH}?x=1`, BODY)).body.responseCode).toBe(PASSED_SECURITY);
  });

  test('every answer carries X-TIMESTAMP and a JSON content type', async () => {
    const res = await client.tx(PATH, BODY);
    expect(res.headers['x-timestamp']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});
