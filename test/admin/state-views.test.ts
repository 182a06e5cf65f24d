/** The admin views the dashboard is built on (issue #18): payments, a payment's story, bindings, live events, the page itself. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { PROJECT_ROOT } from '../../server/config/load.js';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { IP, PAY, REFUND, STATUS, SnapClient, customerSession, paymentBody, refundBody } from '../helpers/snap-client.js';

let sb: TestSandbox;
let client: SnapClient;
beforeEach(async () => {
  sb = await buildSandbox();
  client = new SnapClient(sb.app);
});
afterEach(() => sb.app.outbox.stop());

test("payments newest first; a payment's story holds the requests that name it; bindings with their state", async () => {
  const session = await customerSession(client);
  const paid = await client.tx(PAY, paymentBody('STORY-1', '9000.00'), { customerToken: session.customerToken, headers: IP });
  await client.tx(PAY, paymentBody('STORY-2'), { customerToken: session.customerToken, headers: IP });
  await client.tx(REFUND, refundBody('STORY-1', 'RF-S1', '1000.00'), { customerToken: session.customerToken, headers: IP });
  await client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'STORY-1' });
  const { payments } = (await request(sb.app).get('/__mock/payments').expect(200)).body;
  expect(payments.map((p: { partnerReferenceNo: string }) => p.partnerReferenceNo)).toEqual(['STORY-2', 'STORY-1']);
  expect(payments[1]).toMatchObject({ status: 'SUCCESS', latestTransactionStatus: '00', refunded: 1, amount: { value: '9000.00' } });
  const story = (await request(sb.app).get(`/__mock/payments/${paid.body.referenceNo}`).expect(200)).body;
  expect(story.requests.map((r: { path: string }) => r.path)).toEqual([
    '/direct-debit/core/v1/debit/payment-host-to-host',
    '/direct-debit/core/v1/debit/refund',
    '/orders/v1.0/debit/status',
  ]);
  expect(story.payment.record.refunds).toHaveLength(1);
  expect((await request(sb.app).get('/__mock/payments/nope')).status).toBe(404);
  const { bindings } = (await request(sb.app).get('/__mock/bindings').expect(200)).body;
  expect(bindings).toEqual([
    expect.objectContaining({ kind: 'CARD', status: 'ACTIVE', maskedNo: '5221********7890', custIdMerchant: 'CUST001' }),
  ]);
});

test('a refused signature is kept in the request journal with its diagnosis', async () => {
  await client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'X' }, { secret: 'not-the-secret' });
  const [entry] = (await request(sb.app).get('/__mock/requests?path=/orders/v1.0/debit/status')).body.requests;
  expect(entry.signatureDiagnosis).toEqual([expect.stringContaining('no common mistake reproduces X-SIGNATURE')]);
  expect(JSON.stringify(entry)).not.toContain('not-the-secret');
});

test('/__mock/events sends a change for every DOKU exchange', async () => {
  const server = createServer(sb.app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const controller = new AbortController();
  try {
    const res = await fetch(`${base}/__mock/events`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    await new SnapClient(base).tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'E' });
    let text = '';
    while (!text.includes('"kind":"request"')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: change');
  } finally {
    controller.abort();
    server.closeAllConnections();
    server.close();
  }
});

test('the dashboard page is served without the admin token (it holds no data); its data calls need it', async () => {
  const locked = await buildSandbox({ DOKU_ADMIN_TOKEN: 'let-me-in' });
  const page = await request(locked.app).get('/__mock/ui').expect(200);
  expect(page.text).toContain('<title>doku-sandbox dashboard</title>');
  expect(page.text).not.toMatch(/(src|href)="https?:/); // nothing from another origin
  // its files, each referenced by the page or a module it imports, are served as they are, public too
  const files = [...page.text.matchAll(/(?:src|href)="\/__mock\/ui\/([\w.-]+)"/g)].map((m) => m[1]!);
  expect(files).toEqual(['dashboard.css', 'dashboard.js']);
  const served = new Map<string, string>();
  for (let i = 0; i < files.length; i++) {
    const res = await request(locked.app).get(`/__mock/ui/${files[i]}`).expect(200);
    expect(res.headers['content-type']).toMatch(files[i]!.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
    served.set(files[i]!, res.text);
    for (const m of res.text.matchAll(/from '\.\/([\w.-]+)'/g)) if (!files.includes(m[1]!)) files.push(m[1]!);
  }
  expect([...served.keys()].sort()).toEqual(['admin.js', 'dashboard.css', 'dashboard.js', 'dialog.js', 'stories.js', 'tables.js']);
  expect(served.get('dashboard.js')).toBe(readFileSync(join(PROJECT_ROOT, 'server/admin/ui/dashboard.js'), 'utf8')); // the file as it is
  expect((await request(sb.app).get('/__mock/ui/..%2Fui.ts')).status).toBe(404); // only those files
  expect((await request(sb.app).get('/__mock/ui/package.json')).status).toBe(404);
  expect((await request(locked.app).get('/__mock/payments')).status).toBe(401);
  expect((await request(locked.app).get('/__mock/events')).status).toBe(401);
  locked.app.outbox.stop();
});

test("the browser's /favicon.ico is an icon, and never lands in the request journal", async () => {
  const sb = await buildSandbox();
  const icon = await request(sb.app).get('/favicon.ico');
  expect([icon.status, icon.headers['content-type']]).toEqual([200, 'image/svg+xml; charset=utf-8']);
  expect((await request(sb.app).get('/__mock/requests')).body.requests).toEqual([]);
  sb.app.outbox.stop();
});
