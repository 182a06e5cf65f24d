/**
 * How a request reaches a DOKU endpoint (server/snap-routes.ts) and how its body is read
 * (server/pipeline/read-body.ts): Express 5's matching rules kept, POST only, body limits and
 * encodings answered as SNAP 400s, and the connection still usable after a refused body.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { buildSandbox } from '../helpers/build-app.js';
import { rawPost } from '../helpers/raw-post.js';
import { SnapClient } from '../helpers/snap-client.js';

const UNBIND = '/direct-debit/core/v1/registration-card-unbind';
const BODY = { tokenId: 'CT-unknown', additionalInfo: { channel: 'DIRECT_DEBIT_BRI_SNAP' } };

test.each([
  ['the path as documented', UNBIND],
  ['a trailing slash', `${UNBIND}/`],
  ['a query string', `${UNBIND}?x=1`],
  ['other letter case', UNBIND.toUpperCase()],
])('%s reaches card unbind (signed for that path: 4040511)', async (_name, path) => {
  const client = new SnapClient((await buildSandbox()).app);
  const res = await client.tx(path, BODY);
  expect(res.body).toEqual({ responseCode: '4040511', responseMessage: 'Invalid Card/Account/Customer' });
  expect(res.headers['x-mock-scenario']).toBe('none');
});

test.each(['get', 'put', 'delete'] as const)('%s on a DOKU path is 405 with its service code and Allow: POST', async (method) => {
  const sb = await buildSandbox();
  const res = await request(sb.app)[method](UNBIND);
  expect(res.status).toBe(405);
  expect(res.body).toEqual({ responseCode: '4050500', responseMessage: 'Requested Function Is Not Supported' });
  expect(res.headers.allow).toBe('POST');
});

test('a path next to a DOKU path is 4040002 Invalid Routing', async () => {
  const res = await request((await buildSandbox()).app)
    .post(`${UNBIND}x`)
    .send({});
  expect(res.status).toBe(404);
  expect(res.body.responseCode).toBe('4040002');
});

test('a gzip-compressed body is 4000500, not inflated', async () => {
  const sb = await buildSandbox();
  const res = await rawPost(
    sb.app,
    UNBIND,
    { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
    gzipSync(JSON.stringify(BODY)),
  );
  expect(res).toEqual({ status: 400, body: { responseCode: '4000500', responseMessage: 'Bad Request' } });
});

describe('a body over DOKU_MAX_BODY_BYTES', () => {
  test('declared by Content-Length: 4000500 before the body is read', async () => {
    const client = new SnapClient((await buildSandbox({ DOKU_MAX_BODY_BYTES: '1000' })).app);
    const res = await client.tx(UNBIND, { ...BODY, pad: 'x'.repeat(2000) });
    expect(res.status).toBe(400);
    expect(res.body.responseCode).toBe('4000500');
    expect(res.headers['x-mock-reason']).toBe('body larger than 1000 bytes');
  });

  test('sent chunked (no Content-Length): 4000500, and the same keep-alive connection then serves a valid request', async () => {
    const sb = await buildSandbox({ DOKU_MAX_BODY_BYTES: '1000' });
    const server = http.createServer(sb.app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const { port } = server.address() as AddressInfo;
    const post = (chunks: string[]) =>
      new Promise<{ status: number; body: Record<string, string> }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, method: 'POST', path: '/no-such-path', agent, headers: { 'Content-Type': 'application/json' } },
          (res) => {
            let text = '';
            res.on('data', (c) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        for (const c of chunks) req.write(c);
        req.end();
      });
    try {
      const big = await new Promise<{ status: number; reason: unknown }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, method: 'POST', path: UNBIND, agent, headers: { 'Content-Type': 'application/json' } },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, reason: res.headers['x-mock-reason'] }));
          },
        );
        req.on('error', reject);
        for (let i = 0; i < 30; i++) req.write('x'.repeat(100));
        req.end();
      });
      expect(big).toEqual({ status: 400, reason: 'body larger than 1000 bytes' });
      const next = await post(['{}']);
      expect(next).toEqual({ status: 404, body: expect.objectContaining({ responseCode: '4040002' }) });
    } finally {
      agent.destroy();
      server.close();
    }
  });
});
