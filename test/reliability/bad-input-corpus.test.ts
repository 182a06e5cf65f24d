/**
 * More than 200 malformed requests across every endpoint, against a listening server: no 5xx, no
 * crash, every answer a SNAP 4xx whose HTTP status equals the first three digits of its
 * responseCode, and the business state (bindings, payments, tokens) unchanged. Bodies are signed over
 * exactly the bytes sent, so the malformation itself is what gets judged.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { productCatalogue } from '../../server/products/index.js';

const ENDPOINTS = productCatalogue().endpoints;
import { createHttpServer } from '../../server/http-server.js';
import { sha256Hex, signAsymmetric, signSymmetric } from '../../server/snap/signature.js';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { SnapClient, TS, customerSession } from '../helpers/snap-client.js';

interface Answer {
  status: number;
  body: { responseCode?: string } | undefined;
}
interface Case {
  name: string;
  path: string;
  body: Buffer;
  headers?: Record<string, string | string[]>;
}

const deep = (n: number) => `{"a":${'['.repeat(n)}${']'.repeat(n)}}`;
const STRUCTURAL: Array<[string, string | Buffer]> = [
  ['truncated', '{"a":'],
  ['array', '[1,2]'],
  ['null', 'null'],
  ['number', '42'],
  ['string', '"x"'],
  ['empty', ''],
  ['deep nesting', deep(400)],
  ['trailing garbage', '{} x'],
  ['BOM', '\ufeff{}'],
  ['NaN', '{"a":NaN}'],
  ['single quotes', "{'a':1}"],
  ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])],
  ['2 MB body', `{"a":"${'x'.repeat(2 * 1024 * 1024)}"}`],
];
/** [label, value, the zod type for which the value is NOT malformed] */
const WRONG_VALUES: Array<[string, unknown, string]> = [
  ['a number', 12345, 'number'],
  ['an object', { $gt: '' }, 'object'],
  ['an array', ['x'], 'array'],
  ['true', true, 'boolean'],
  ['5000 characters', 'x'.repeat(5000), 'none'],
  ['control characters', '\u0000\u202e\u0007', 'none'],
];

/** The field's own type under optional/default/pipe wrappers (zod 4 internals). */
function baseType(schema: unknown): string {
  let def = (schema as { _zod: { def: { type: string; innerType?: unknown; in?: unknown } } })._zod.def;
  while (['optional', 'nullable', 'default', 'pipe'].includes(def.type))
    def = ((def.innerType ?? def.in) as { _zod: { def: typeof def } })._zod.def;
  return def.type;
}

function corpus(): Case[] {
  const cases: Case[] = [];
  for (const def of ENDPOINTS) {
    for (const [name, raw] of STRUCTURAL)
      cases.push({ name: `${def.name}: ${name}`, path: def.path, body: Buffer.isBuffer(raw) ? raw : Buffer.from(raw) });
    const schema = def.schema({ ...buildConfig } as never) as unknown as z.ZodObject;
    for (const [field, fieldSchema] of Object.entries(schema.shape ?? {})) {
      const type = baseType(fieldSchema);
      if (type === 'unknown') continue; // accepted as anything by design (SDK stamps such as origin)
      for (const [what, value, validFor] of WRONG_VALUES) {
        if (validFor === type) continue;
        cases.push({ name: `${def.name}: ${field} as ${what}`, path: def.path, body: Buffer.from(JSON.stringify({ [field]: value })) });
      }
    }
    cases.push({ name: `${def.name}: text/plain`, path: def.path, body: Buffer.from('{}'), headers: { 'Content-Type': 'text/plain' } });
    cases.push({
      name: `${def.name}: duplicate X-TIMESTAMP`,
      path: def.path,
      body: Buffer.from('{}'),
      headers: { 'X-TIMESTAMP': [TS, TS] },
    });
  }
  cases.push({
    name: 'card-bind: 10 MB body',
    path: '/direct-debit/core/v1/registration-card-bind',
    body: Buffer.alloc(10 * 1024 * 1024, 'a'),
  });
  return cases;
}
let buildConfig: object;

describe('bad-input corpus', () => {
  let sb: TestSandbox;
  let server: http.Server;
  let port: number;
  let token: string;
  let customerToken: string;
  let client: SnapClient;

  beforeAll(async () => {
    sb = await buildSandbox();
    buildConfig = sb.config;
    client = new SnapClient(sb.app);
    customerToken = (await customerSession(client)).customerToken;
    token = await client.b2bToken();
    server = createHttpServer(sb.app, sb.config, sb.deps.catalogue).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  const business = () =>
    JSON.stringify({
      b: sb.deps.store.data.bindings,
      p: sb.deps.store.data.payments,
      e: sb.deps.store.data.tokenEpoch,
      r: sb.deps.store.data.refreshTokens,
      a: sb.deps.store.data.authCodes,
    });

  function send(c: Case, n: number): Promise<Answer> {
    const def = ENDPOINTS.find((e) => e.path === c.path)!;
    const text = c.body.toString('latin1');
    const headers: Record<string, string | string[]> =
      def.auth === 'asymmetric'
        ? { 'X-CLIENT-KEY': client.clientId, 'X-TIMESTAMP': TS, 'X-SIGNATURE': signAsymmetric(client.privateKeyPem, client.clientId, TS) }
        : {
            Authorization: `Bearer ${token}`,
            'X-PARTNER-ID': client.clientId,
            'X-EXTERNAL-ID': `corpus-${n}`,
            'X-TIMESTAMP': TS,
            'X-IP-ADDRESS': '103.31.4.100',
            'Authorization-Customer': customerToken,
            'X-SIGNATURE': signSymmetric(client.secret, `POST:${c.path}:${token}:${sha256Hex(text)}:${TS}`),
          };
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: c.path,
          headers: { 'Content-Type': 'application/json', ...headers, ...c.headers },
        },
        (res) => {
          let data = '';
          res.on('data', (d) => (data += d));
          res.on('end', () => resolve({ status: res.statusCode!, body: data ? JSON.parse(data) : undefined }));
        },
      );
      req.on('error', reject);
      req.end(c.body);
    });
  }

  function rawHttp(request: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
      let data = '';
      socket.on('data', (d) => (data += d));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head, body] = data.split('\r\n\r\n');
        resolve({ status: Number(head!.split(' ')[1]), body: body ? JSON.parse(body) : undefined });
      });
    });
  }

  test('≥ 200 malformed requests: no 5xx, every answer a SNAP 4xx with a matching status, state unchanged', async () => {
    const before = business();
    const cases = corpus();
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const failures: string[] = [];
    for (const [i, c] of cases.entries()) {
      const a = await send(c, i);
      const code = a.body?.responseCode ?? '';
      if (a.status >= 500 || a.status < 400 || !/^\d{7}$/.test(code) || code.slice(0, 3) !== String(a.status))
        failures.push(`${c.name} → ${a.status} ${JSON.stringify(a.body)}`);
    }
    const raw: Array<[string, string]> = [
      [
        'header injection (CR LF in a value)',
        `POST /orders/v1.0/debit/status HTTP/1.1\r\nHost: x\r\nX-TIMESTAMP: a\rInjected: 1\r\nContent-Length: 2\r\n\r\n{}`,
      ],
      [
        'a header with a NUL byte',
        `POST /orders/v1.0/debit/status HTTP/1.1\r\nHost: x\r\nX-SIGNATURE: a\u0000b\r\nContent-Length: 2\r\n\r\n{}`,
      ],
      ['a bad Content-Length', `POST /orders/v1.0/debit/status HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n{}`],
      ['not HTTP at all', `\u0016\u0003\u0001 hello\r\n\r\n`],
    ];
    for (const [name, request] of raw) {
      const a = await rawHttp(request);
      if (a.status !== 400 || a.body?.responseCode !== '4000000') failures.push(`${name} → ${a.status} ${JSON.stringify(a.body)}`);
    }
    expect(failures).toEqual([]);
    expect(business()).toBe(before);
    expect((await fetch(`http://127.0.0.1:${port}/__mock/health`)).status).toBe(200);
    console.log(`bad-input corpus: ${cases.length + raw.length} requests`);
  });
});
