/**
 * No web page can drive the admin API (issue #24, items 3 and 12; the browser half is
 * test/e2e/admin-origin.test.ts): a Host the sandbox does not serve (DNS rebinding), a page of
 * another origin, a body that is not JSON on a changing call are refused; the DOKU endpoints and
 * command-line clients are unaffected; the dashboard page sends a Content-Security-Policy.
 */
import request from 'supertest';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { SnapClient, STATUS } from '../helpers/snap-client.js';

let sb: TestSandbox;
const sandbox = async (env: Record<string, string> = {}) => (sb = await buildSandbox(env));
afterEach(() => sb.app.outbox.stop());

/** A reset that would wipe the state, and whether it did. */
async function resetWith(headers: Record<string, string>, body?: string) {
  await sb.deps.store.commit();
  const before = Object.keys(sb.deps.store.data.idempotency).length;
  let req = request(sb.app).post('/__mock/reset');
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  const res = await (body === undefined ? req : req.send(body));
  return { res, wiped: before > 0 && Object.keys(sb.deps.store.data.idempotency).length === 0 };
}

beforeEach(async () => {
  await sandbox();
  // something to lose: a stored answer
  await new SnapClient(sb.app).tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'NONE' });
});

test('a Host the sandbox does not serve is refused (DNS rebinding), before any admin route runs', async () => {
  for (const host of ['attacker.example', 'attacker.example:3000', 'rebind.127.0.0.1.nip.io']) {
    const { res, wiped } = await resetWith({ Host: host });
    expect([host, res.status, wiped]).toEqual([host, 403, false]);
    expect(res.body.mockError).toMatch(/is not one this sandbox serves: add it to DOKU_ALLOWED_HOSTS/);
  }
  expect((await request(sb.app).get('/__mock/ui').set('Host', 'attacker.example')).status).toBe(403);
  expect((await request(sb.app).get('/__mock/payments').set('Host', 'attacker.example')).status).toBe(403);
});

test('loopback names, IP addresses, container service names and DOKU_ALLOWED_HOSTS are served', async () => {
  for (const host of [
    'localhost:3000',
    '127.0.0.1:3000',
    '[::1]:3000',
    '10.1.2.3',
    'doku:3000',
    'doku-sandbox',
    'app.localhost',
    'host.docker.internal:3000',
  ])
    expect([host, (await request(sb.app).get('/__mock/health').set('Host', host)).status]).toEqual([host, 200]);
  await sandbox({ DOKU_ALLOWED_HOSTS: 'sandbox.ci.example.com', DOKU_PUBLIC_URL: 'https://doku.team.example' });
  for (const host of ['sandbox.ci.example.com:3000', 'doku.team.example'])
    expect([host, (await request(sb.app).get('/__mock/health').set('Host', host)).status]).toEqual([host, 200]);
  expect((await request(sb.app).get('/__mock/health').set('Host', 'other.example.com')).status).toBe(403);
  await sandbox({ DOKU_ALLOWED_HOSTS: '*' });
  expect((await request(sb.app).get('/__mock/health').set('Host', 'other.example.com')).status).toBe(200);
});

test('a page of another origin cannot change state: by Origin, by Sec-Fetch-Site, or with a form body', async () => {
  const cases: [Record<string, string>, string | undefined, number][] = [
    [{ Origin: 'http://evil.example' }, undefined, 403], // fetch(…, {mode: 'no-cors', method: 'POST'})
    [{ Origin: 'null' }, undefined, 403], // a sandboxed frame or a file:// page
    [{ Origin: 'http://localhost:5173' }, undefined, 403], // another local dev server, not listed
    [{ 'Sec-Fetch-Site': 'cross-site' }, undefined, 403], // a browser that hid the Origin
    [{ 'Content-Type': 'text/plain' }, '{}', 415], // what a no-cors fetch can send
    [{ 'Content-Type': 'application/x-www-form-urlencoded' }, 'clientId=x', 415], // a <form>
    [{ 'Content-Type': 'multipart/form-data; boundary=x' }, '--x--', 415],
  ];
  for (const [headers, body, status] of cases) {
    const { res, wiped } = await resetWith(headers, body);
    expect([headers, res.status, wiped]).toEqual([headers, status, false]);
    expect(typeof res.body.mockError).toBe('string');
  }
});

test('the dashboard itself (same origin), listed origins, links and command-line clients still work', async () => {
  expect(
    (await resetWith({ Origin: 'http://127.0.0.1:3000', Host: '127.0.0.1:3000', 'Content-Type': 'application/json' }, '{}')).wiped,
  ).toBe(true);
  await new SnapClient(sb.app).tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'NONE' });
  expect((await resetWith({})).wiped).toBe(true); // curl -X POST …/reset, no body
  await sandbox({ DOKU_ALLOWED_ORIGINS: 'http://localhost:5173' });
  await new SnapClient(sb.app).tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'NONE' });
  expect((await resetWith({ Origin: 'http://localhost:5173' })).wiped).toBe(true);
  const link = await request(sb.app).get('/__mock/ui').set({ 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' });
  expect(link.status).toBe(200); // following a link to the dashboard reads and changes nothing
});

test('the DOKU endpoints are not guarded: server-to-server and signed', async () => {
  const res = await new SnapClient(sb.app).tx(
    STATUS,
    { serviceCode: '55', originalPartnerReferenceNo: 'NONE' },
    { headers: { Host: 'api.merchant-proxy.example', Origin: 'http://evil.example' } },
  );
  expect(res.body.responseCode).toBe('4045501');
});

test('the dashboard page sends a Content-Security-Policy that allows its own files only, and uses nothing inline', async () => {
  const res = await request(sb.app).get('/__mock/ui').expect(200);
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toMatch(/default-src 'none'/);
  expect(csp).toMatch(/connect-src 'self'/);
  expect(csp).toMatch(/frame-ancestors 'none'/);
  expect(res.text).not.toMatch(/<script>|<style>| style="| on[a-z]+="/); // nothing inline the policy would block
});
