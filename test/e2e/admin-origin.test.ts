/**
 * A web page of another origin cannot drive the sandbox from a developer's browser (issue #24,
 * items 3 and 12), in headless Chromium: a page on another port runs the attacks the probe ran
 * (`no-cors` fetch, a form post, a JSON fetch that would need CORS) against /__mock/reset and a
 * hosted OTP page, and the state is intact; the dashboard, under its Content-Security-Policy,
 * runs its own script with no violation.
 */
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { launchChromium, listen } from '../helpers/browser.js';
import { buildSandbox, listenSandbox, type TestSandbox } from '../helpers/build-app.js';
import { IP, PAY, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

let sb: TestSandbox;
let sandbox: { url: string; close(): Promise<void> };
let attacker: Server;
let attackerUrl: string;
let browser: Browser;
let target = '';

beforeAll(async () => {
  sb = await buildSandbox();
  sandbox = await listenSandbox(sb);
  attacker = createServer((req, res) => {
    const page = `<!doctype html><body><form id="f" method="POST" action="${sandbox.url}/__mock/reset"><input name="clientId" value=""></form>
<script>
window.results = [];
const go = async () => {
  const tries = [
    () => fetch('${sandbox.url}/__mock/reset', { method: 'POST', mode: 'no-cors' }),
    () => fetch('${sandbox.url}/__mock/reset', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: '{}' }),
    () => fetch('${sandbox.url}/__mock/reset', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
    () => fetch('${target}', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'otp=12345678' }),
  ];
  for (const t of tries) { try { const r = await t(); results.push(r.type + ':' + r.status); } catch (e) { results.push('error'); } }
  window.done = true;
};
go();
</script></body>`;
    res
      .writeHead(200, { 'Content-Type': 'text/html' })
      .end(req.url === '/form' ? page.replace('go();', 'document.getElementById("f").submit();') : page);
  });
  attackerUrl = await listen(attacker);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  sb?.app.outbox.stop();
  await sandbox?.close();
  attacker?.close();
});

test('a page of another origin runs no-cors fetches, a JSON fetch and a form post at the admin API and an OTP page: nothing changes', async () => {
  const client = new SnapClient(sb.app);
  const session = await customerSession(client);
  const paid = await client.tx(PAY, paymentBody('INV-ORIGIN'), { customerToken: session.customerToken, headers: IP });
  const pending = await client.bind(
    { custIdMerchant: 'CUSTDH' },
    {},
    { bankCardNo: '5221849999999999', bankCardType: 'C', expiryDate: '1230' },
  );
  target = pending.body.redirectUrl.replace(/^http:\/\/[^/]+/, sandbox.url);
  const page = await browser.newPage();
  await page.goto(`${attackerUrl}/fetch`);
  await page.waitForFunction(() => (window as unknown as { done?: boolean }).done === true);
  expect(sb.deps.store.findPayment(paid.body.referenceNo)).toBeDefined(); // the no-cors resets were refused
  expect(sb.deps.store.bindings.byReferenceNo(pending.body.referenceNo)?.status).toBe('PENDING_OTP'); // the OTP page refused the post
  await page.goto(`${attackerUrl}/form`);
  await page.waitForURL(`${sandbox.url}/__mock/reset`);
  expect(await page.textContent('body')).toMatch(/a page of another origin \(http:\/\/127\.0\.0\.1:\d+\) cannot call the admin API/);
  expect(sb.deps.store.findPayment(paid.body.referenceNo)).toBeDefined();
  const journal = (await request(sb.app).get('/__mock/requests')).body.requests;
  expect(journal.length).toBeGreaterThan(0); // the journal was not cleared either
  await page.close();
});

test('the dashboard runs under its Content-Security-Policy with no violation, and its own changing calls still work', async () => {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (m) => void (/Content Security Policy/.test(m.text()) && violations.push(m.text())));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.log(`Content Security Policy: ${e.violatedDirective}`)),
  );
  const response = await page.goto(`${sandbox.url}/__mock/ui`);
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'; style-src 'self'/); // its own files, nothing inline
  await page.getByText('● live').waitFor();
  await page.locator('#payments tr', { hasText: 'INV-ORIGIN' }).waitFor(); // its script ran and fetched
  page.once('dialog', (d) => void d.accept());
  await page.click('#reset'); // a same-origin JSON POST: allowed
  await page.locator('#payments tr', { hasText: 'INV-ORIGIN' }).waitFor({ state: 'detached' });
  expect(Object.keys(sb.deps.store.data.payments)).toEqual([]);
  expect(violations).toEqual([]);
  await page.close();
});
