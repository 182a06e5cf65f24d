/**
 * The hard edges of issue #20: answers Node or Express would give bare (a missing Host, an unknown
 * Expect, a route parameter that does not decode, a stuck client) are answers of the right kind,
 * and unknown paths are logged and journaled like any call.
 */
import type { Server } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createHttpServer } from '../../server/http-server.js';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';

/** Sends raw bytes, returns everything the server wrote until it closed the connection (or `waitMs` passed). */
function rawExchange(port: number, bytes: string, waitMs = 3000): Promise<{ text: string; closed: boolean; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    let text = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closed: false, ms: Date.now() - started });
    }, waitMs);
    socket.on('data', (d) => (text += d.toString('utf8')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closed: true, ms: Date.now() - started });
    });
    socket.on('error', () => undefined);
  });
}
const bodyOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));

describe('protocol edges answered SNAP-shaped', () => {
  let sb: TestSandbox;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    sb = await buildSandbox({ DOKU_REQUEST_TIMEOUT_SECONDS: '1' });
    server = createHttpServer(sb.app, sb.config, sb.deps.catalogue).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  test("an HTTP/1.1 request without Host on a DOKU path: 400 with a SNAP body and the endpoint's service code", async () => {
    const { text } = await rawExchange(
      port,
      'POST /direct-debit/core/v1/debit/payment-host-to-host HTTP/1.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
    );
    expect(text).toMatch(/^HTTP\/1.1 400 /);
    expect(bodyOf(text)).toEqual({ responseCode: '4005400', responseMessage: 'Bad Request' });
  });

  test('an Expect other than 100-continue: 400 with a SNAP body, not a bare 417', async () => {
    const { text } = await rawExchange(
      port,
      'POST /orders/v1.0/debit/status HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
    );
    expect(text).toMatch(/^HTTP\/1.1 400 /);
    expect(bodyOf(text)).toEqual({ responseCode: '4005500', responseMessage: 'Bad Request' });
  });

  test('a client that never finishes its headers is answered 400 and closed within DOKU_REQUEST_TIMEOUT_SECONDS (+1 s checks)', async () => {
    const { text, closed, ms } = await rawExchange(
      port,
      'POST /direct-debit/core/v1/debit/refund HTTP/1.1\r\nHost: x\r\nX-TIMESTAMP: 2026',
      5000,
    );
    expect(closed).toBe(true);
    expect(ms).toBeLessThan(3500);
    expect(bodyOf(text)).toEqual({ responseCode: '4000000', responseMessage: 'Bad Request' });
  });

  test('a body that stops arriving is cut off the same way', async () => {
    const { closed, ms } = await rawExchange(
      port,
      'POST /direct-debit/core/v1/debit/refund HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
      5000,
    );
    expect(closed).toBe(true);
    expect(ms).toBeLessThan(3500);
  });
});

describe('route parameters whose percent-encoding does not decode', () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await buildSandbox();
  });

  test.each(['/direct-debit/kki/binding/%ZZ', '/direct-debit/account/binding/%E0%A4%A'])(
    'GET and POST %s: an HTML 400, not a 500',
    async (path) => {
      const get = await request(sb.app).get(path);
      expect(get.status).toBe(400);
      expect(get.type).toBe('text/html');
      expect((await request(sb.app).post(path).type('form').send({ otp: '12345678' })).status).toBe(400);
    },
  );

  test('an admin route: a {mockError} 400', async () => {
    const res = await request(sb.app).post('/__mock/bindings/%ZZ/otp').send({ result: 'success' });
    expect(res.status).toBe(400);
    expect(res.body.mockError).toMatch(/percent-encoding/);
  });
});

describe('unknown paths', () => {
  test('a request to an unknown path is in /__mock/requests with its 4040002 answer', async () => {
    const sb = await buildSandbox();
    await request(sb.app).post('/direct-debit/core/v1/nope').set('X-EXTERNAL-ID', 'LOST-1').send('{}');
    const journal = await request(sb.app).get('/__mock/requests?externalId=LOST-1');
    expect(journal.body.requests).toHaveLength(1);
    expect(journal.body.requests[0]).toMatchObject({ method: 'POST', path: '/direct-debit/core/v1/nope', status: 404 });
  });
});
