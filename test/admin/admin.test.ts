import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { IP, PAY, SnapClient, TS, customerSession, paymentBody } from '../helpers/snap-client.js';
import { sha256Hex, signAsymmetric, signSymmetric } from '../../server/snap/signature.js';
import { createHmac } from 'node:crypto';
import { rawPost } from '../helpers/raw-post.js';

const UNBIND = '/direct-debit/core/v1/registration-card-unbind';
const BODY = { tokenId: 'CT-x', additionalInfo: { channel: 'DIRECT_DEBIT_BRI_SNAP' } };

describe('explain', () => {
  let sb: TestSandbox;
  let client: SnapClient;
  let token: string;
  beforeEach(async () => {
    sb = await buildSandbox();
    client = new SnapClient(sb.app);
    token = await client.b2bToken();
  });
  const headersFor = (signature: string, extra: Record<string, string> = {}) => ({
    Authorization: `Bearer ${token}`,
    'X-PARTNER-ID': client.clientId,
    'X-TIMESTAMP': TS,
    'X-SIGNATURE': signature,
    ...extra,
  });
  const sts = (over: { path?: string; token?: string; hash?: string; ts?: string } = {}) =>
    `POST:${over.path ?? UNBIND}:${over.token ?? token}:${over.hash ?? sha256Hex(JSON.stringify(BODY))}:${over.ts ?? TS}`;
  const explain = (signature: string, body: unknown = JSON.stringify(BODY), path = UNBIND) =>
    request(sb.app)
      .post('/__mock/explain')
      .send({ method: 'POST', path, headers: headersFor(signature), body });

  test('a valid signature is valid, with the expected string-to-sign', async () => {
    const res = await explain(signSymmetric(client.secret, sts()));
    expect(res.body).toMatchObject({
      endpoint: 'card-unbind',
      kind: 'symmetric',
      valid: true,
      diagnosis: [],
      expected: { stringToSign: sts(), bodyHash: sha256Hex(JSON.stringify(BODY)) },
    });
  });

  test.each([
    ['"Bearer " left in the token', () => signSymmetric(client.secret, sts({ token: `Bearer ${token}` })), /Bearer/],
    ['the query string signed', () => signSymmetric(client.secret, sts({ path: `${UNBIND}?x=1` })), /query string/],
    [
      'a re-formatted timestamp',
      () => signSymmetric(client.secret, sts({ ts: '2026-05-26T03:00:00.000Z' })),
      /X-TIMESTAMP as "2026-05-26T03:00:00.000Z"/,
    ],
    ['hex instead of base64', () => createHmac('sha512', client.secret).update(sts()).digest('hex'), /hex: SNAP wants base64/],
    ['HMAC-SHA256', () => createHmac('sha256', client.secret).update(sts()).digest('base64'), /HMAC-SHA256/],
    [
      'an upper-case body hash',
      () => signSymmetric(client.secret, sts({ hash: sha256Hex(JSON.stringify(BODY)).toUpperCase() })),
      /upper-case/,
    ],
    ['the wrong secret', () => signSymmetric('nope', sts()), /check the secret key/],
  ])('names the mistake: %s', async (_n, signature, diagnosis) => {
    const path = _n === 'the query string signed' ? `${UNBIND}?x=1` : UNBIND;
    const res = await explain(signature(), JSON.stringify(BODY), path);
    expect(res.body.valid).toBe(false);
    expect(res.body.diagnosis.join(' ')).toMatch(diagnosis);
  });

  test('a pretty-printed body hashed as sent is named (it is accepted by the lenient check but not the letter of SNAP)', async () => {
    const pretty = JSON.stringify(BODY, null, 2);
    const res = await explain(signSymmetric(client.secret, sts({ hash: sha256Hex(pretty) })), pretty);
    expect(res.body.diagnosis.join(' ')).toMatch(/bytes as sent/);
  });

  test('token endpoints get the RSA view', async () => {
    const res = await request(sb.app)
      .post('/__mock/explain')
      .send({
        path: '/authorization/v1/access-token/b2b',
        headers: {
          'X-CLIENT-KEY': client.clientId,
          'X-TIMESTAMP': TS,
          'X-SIGNATURE': signAsymmetric(client.privateKeyPem, client.clientId, TS),
        },
        body: '{}',
      });
    expect(res.body).toMatchObject({ kind: 'asymmetric', valid: true, expected: { stringToSign: `${client.clientId}|${TS}` } });
  });

  test('X-Mock-Debug: 1 on a failing request adds X-Mock-Explain; the SNAP body stays verbatim', async () => {
    const res = await client.tx(UNBIND, BODY, {
      token,
      headers: { 'X-Mock-Debug': '1', 'X-SIGNATURE': signSymmetric(client.secret, sts({ token: `Bearer ${token}` })) },
    });
    expect(res.body).toEqual({ responseCode: '4010500', responseMessage: 'Unauthorized. Invalid Signature' });
    const explanation = JSON.parse(res.headers['x-mock-explain']!);
    expect(explanation.expected.stringToSign).toBe(sts());
    expect(explanation.diagnosis[0]).toMatch(/Bearer/);
    expect(JSON.stringify(explanation)).not.toContain(client.secret);
  });

  test('bad explain input is a mock error', async () => {
    expect((await request(sb.app).post('/__mock/explain').send({ path: '/nope', headers: {} })).body.mockError).toMatch(/no DOKU endpoint/);
  });
});

describe('journal, health, admin token, helpers', () => {
  test('GET /__mock/requests: recent exchanges, filterable, credentials redacted, bounded', async () => {
    const sb = await buildSandbox({ DOKU_JOURNAL_SIZE: '5' });
    const client = new SnapClient(sb.app);
    const session = await customerSession(client);
    await client.tx(PAY, paymentBody('J-1'), { customerToken: session.customerToken, headers: { ...IP, 'X-EXTERNAL-ID': 'journal-1' } });
    const all = (await request(sb.app).get('/__mock/requests')).body.requests;
    expect(all).toHaveLength(5);
    const mine = (await request(sb.app).get('/__mock/requests?externalId=journal-1')).body.requests;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      method: 'POST',
      path: PAY,
      status: 200,
      scenario: 'none',
      responseBody: { responseCode: '2005400' },
      requestBody: { partnerReferenceNo: 'J-1' },
    });
    const text = JSON.stringify((await request(sb.app).get('/__mock/requests?limit=50')).body);
    expect(text).not.toContain(session.customerToken);
    expect(text).not.toContain(session.authCode);
    expect(text).not.toContain(client.secret);
    expect(mine[0].requestHeaders.authorization).toBe('****');
    expect(
      (await request(sb.app).get(`/__mock/requests?path=${encodeURIComponent('/authorization/v1/access-token/b2b')}`)).body.requests.every(
        (r: { path: string }) => r.path === '/authorization/v1/access-token/b2b',
      ),
    ).toBe(true);
  });

  test('the journal keeps each exchange as received and answered, the newest DOKU_JOURNAL_SIZE of them', async () => {
    const sb = await buildSandbox({ DOKU_JOURNAL_SIZE: '3' });
    const journal = async () => (await request(sb.app).get('/__mock/requests')).body.requests;
    const headers = {
      'Content-Type': 'application/json',
      'X-Dup': ['one', 'two'],
      'X-EXTERNAL-ID': 'raw-1',
      ['__proto__']: 'p',
      constructor: 'c',
    };
    const notJson = await rawPost(sb.app, PAY, headers, Buffer.from('{"partnerReferenceNo": "é'));
    const big = await rawPost(
      sb.app,
      PAY,
      { 'Content-Type': 'application/json', 'X-EXTERNAL-ID': 'raw-2' },
      Buffer.from(JSON.stringify({ pad: 'x'.repeat(70_000) })),
    );
    const [first, second] = await journal();
    expect(first).toMatchObject({
      id: 1,
      method: 'POST',
      path: PAY,
      externalId: 'raw-1',
      status: notJson.status,
      requestBody: '(not JSON)',
      responseBody: notJson.body,
    });
    expect(first.requestHeaders).toMatchObject({
      'content-type': 'application/json',
      'x-dup': 'one, two',
      'x-external-id': 'raw-1',
      constructor: 'c',
    });
    expect(Object.getOwnPropertyDescriptor(first.requestHeaders, '__proto__')?.value).toBe('p');
    expect(second).toMatchObject({ id: 2, externalId: 'raw-2', requestBody: '(70010 bytes, not kept)', responseBody: big.body });
    for (let i = 3; i <= 7; i++)
      await rawPost(sb.app, `${PAY}?n=${i}`, { 'Content-Type': 'application/json' }, Buffer.from(`{"n": "${'é'.repeat(i * 500)}"}`));
    const kept = await journal();
    expect(kept.map((e: { id: number }) => e.id)).toEqual([5, 6, 7]);
    expect(kept.map((e: { requestBody: { n: string } }) => e.requestBody.n.length)).toEqual([2500, 3000, 3500]);
    expect(kept[2].path).toBe(`${PAY}?n=7`);
    expect('externalId' in kept[2]).toBe(false);
    expect((await request(sb.app).get('/__mock/requests?limit=1')).body.requests.map((e: { id: number }) => e.id)).toEqual([7]);
    await request(sb.app).post('/__mock/reset');
    expect(await journal()).toEqual([]);
  });

  test('DOKU_ADMIN_TOKEN protects every admin route but health, the OpenAPI document and the public key', async () => {
    const sb = await buildSandbox({ DOKU_ADMIN_TOKEN: 'let-me-in' });
    expect((await request(sb.app).get('/__mock/health')).status).toBe(200);
    expect((await request(sb.app).get('/__mock/openapi.json')).status).toBe(200);
    expect((await request(sb.app).get('/__mock/doku-public-key')).text).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect((await request(sb.app).get('/__mock/notifications')).status).toBe(401);
    const denied = await request(sb.app).get('/__mock/scenarios');
    expect(denied.status).toBe(401);
    expect(denied.body.mockError).toMatch(/DOKU_ADMIN_TOKEN/);
    expect((await request(sb.app).get('/__mock/scenarios').set('Authorization', 'Bearer wrong')).status).toBe(401);
    const ok = await request(sb.app).get('/__mock/scenarios').set('Authorization', 'Bearer let-me-in');
    expect(ok.status).toBe(200);
    expect(ok.body.scenarios.find((s: { name: string }) => s.name === 'payment-in-progress')).toMatchObject({
      endpoints: ['payment'],
      description: expect.stringMatching(/PENDING/),
    });
  });

  test('bad JSON sent to an admin route is a mock error, not a SNAP body', async () => {
    const sb = await buildSandbox();
    const res = await request(sb.app).put('/__mock/scenario').set('Content-Type', 'application/json').send('{"name":');
    expect(res.status).toBe(400);
    expect(res.body.mockError).toMatch(/unreadable admin request body/);
    expect(res.body.responseCode).toBeUndefined();
  });

  test('health, and unknown admin routes answer a mock 404 listing the routes', async () => {
    const sb = await buildSandbox();
    expect((await request(sb.app).get('/__mock/health')).body).toMatchObject({ status: 'ok', endpoints: 20, scenarios: 306 });
    const res = await request(sb.app).get('/__mock/nope');
    expect(res.status).toBe(404);
    expect(res.body.known).toEqual(
      expect.arrayContaining([
        'POST /__mock/reset',
        'GET /__mock/health',
        'POST /__mock/payments/{referenceNo}/settle',
        'POST /__mock/virtual-accounts/{virtualAccountNo}/pay',
        'PUT /__mock/scenario',
      ]),
    );
  });

  test('the OTP helper finishes a pending binding without a browser', async () => {
    const sb = await buildSandbox();
    const client = new SnapClient(sb.app);
    const bind = await client.bind();
    const res = await request(sb.app).post(`/__mock/bindings/${bind.body.referenceNo}/otp`).send({ result: 'success' });
    expect(res.body).toMatchObject({ status: 'ACTIVE', authCode: expect.any(String), bankCardToken: expect.stringMatching(/^CT-/) });
    expect((await client.b2b2cToken(res.body.authCode)).body.responseCode).toBe('2007400');
    const again = await request(sb.app).post(`/__mock/bindings/${bind.body.referenceNo}/otp`).send({ result: 'fail' });
    expect(again.status).toBe(409);
    const other = await client.bind(
      { custIdMerchant: 'CUST2' },
      {},
      { bankCardNo: '4111111111111111', bankCardType: 'C', expiryDate: '1230' },
    );
    expect((await request(sb.app).post(`/__mock/bindings/${other.body.referenceNo}/otp`).send({ result: 'fail' })).body.status).toBe(
      'FAILED',
    );
  });
});
