/**
 * The dashboard (/__mock/ui, issue #18) in headless Chromium: a payment made through DOKU's Node
 * SDK appears without a reload; a scenario chosen in the page is what the next payment answers; a
 * pending payment settled from the page shows its new status; the page asks nothing of another
 * origin. Screenshots go to DASHBOARD_SCREENSHOTS (docs/ holds the ones the README shows).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import SdkConfig from 'doku-nodejs-library/_commons/config.js';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { DEMO } from '../helpers/merchant.js';
import { sdkBoundCustomer, sdkFor, sdkPay } from '../helpers/sdk-flow.js';
import { IP, PAY, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

type Any = any;
const SHOTS = process.env.DASHBOARD_SCREENSHOTS ?? tmpdir();

describe('the dashboard in a real browser', () => {
  let sb: TestSandbox;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  const elsewhere: string[] = [];

  beforeAll(async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    sb = await buildSandbox();
    sb.clock.now = () => Date.now();
    server = createServer(sb.app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    (SdkConfig as Any).CORE_SANDBOX_BASE_URL = base;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('request', (r) => void (new URL(r.url()).origin !== base && elsewhere.push(r.url())));
    await page.goto(`${base}/__mock/ui`);
    await page.getByText('● live').waitFor();
  });

  // a test that fails with the dialog open must not fail the next ones too (the dialog takes the clicks)
  afterEach(async () => {
    if (await page?.locator('#story[open]').count()) await page.getByRole('button', { name: 'Close' }).click();
  });

  afterAll(async () => {
    await browser?.close();
    sb?.app.outbox.stop();
    server?.close();
    jest.restoreAllMocks();
  });

  test('a payment made through DOKU’s Node SDK appears without a reload', async () => {
    const snap = sdkFor(DEMO);
    const paid = await sdkPay(snap, await sdkBoundCustomer(snap), 'UI-SDK-1', '12500.00');
    expect([paid.responseCode, paid.responseMessage]).toEqual(['2005400', 'Successful']);
    const row = page.locator('#payments tr', { hasText: 'UI-SDK-1' });
    await row.waitFor();
    expect(await row.locator('td.status').textContent()).toBe('SUCCESS');
    await page.locator('#requests tr', { hasText: '/direct-debit/core/v1/debit/payment-host-to-host' }).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'dashboard.png') });
  });

  test('a scenario chosen in the page is what the next payment answers', async () => {
    // A slow list (as on a loaded CI runner): the tester picks from the list on screen while the
    // search's fetch runs; the re-render that follows must keep that choice (it once reset it).
    await page.route('**/__mock/scenarios', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await page.getByLabel('Search scenarios').fill('insufficient');
    await page.getByLabel('Global scenario').selectOption('payment-insufficient-funds');
    await page.waitForFunction(() => document.querySelectorAll('#scenario option').length < 20);
    await page.unroute('**/__mock/scenarios');
    expect(await page.getByLabel('Global scenario').inputValue()).toBe('payment-insufficient-funds');
    await page.getByRole('button', { name: 'Apply scenario' }).click();
    await page.getByText('active: payment-insufficient-funds').waitFor();
    const client = new SnapClient(base);
    const session = await customerSession(client, 'CUST002', { bankCardNo: '4111111111111111', bankCardType: 'C', expiryDate: '1230' });
    const res = await client.tx(PAY, paymentBody('UI-SCN-1'), { customerToken: session.customerToken, headers: IP });
    expect(res.body.responseCode).toBe('4035414');
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByText('no global scenario').waitFor();
  });

  test('a pending payment settled from the page shows its new status', async () => {
    const client = new SnapClient(base);
    const session = await customerSession(client, 'CUST003', { bankCardNo: '5555555555554444', bankCardType: 'C', expiryDate: '1230' });
    const res = await client.tx(PAY, paymentBody('UI-PEND-1'), {
      customerToken: session.customerToken,
      headers: { ...IP, 'X-Mock-Scenario': 'payment-in-progress-until-settled' },
    });
    expect(res.body.responseCode).toBe('2025400');
    const row = page.locator('#payments tr', { hasText: 'UI-PEND-1' });
    await row.locator('td.status', { hasText: 'PENDING' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'dashboard-pending.png') });
    await row.getByRole('button', { name: 'Settle SUCCESS' }).click();
    await row.locator('td.status', { hasText: 'SUCCESS' }).waitFor();
    expect(sb.deps.store.findPayment(res.body.referenceNo)!.status).toBe('SUCCESS');
  });

  test('a refused signature: its request row explains why', async () => {
    await new SnapClient(base).tx(
      '/orders/v1.0/debit/status',
      { serviceCode: '55', originalPartnerReferenceNo: 'X' },
      { secret: 'not-the-secret' },
    );
    const row = page.locator('#requests tr', { hasText: '4015500' }).first();
    await row.getByRole('button', { name: 'Why?' }).click();
    await page.locator('#story-body', { hasText: 'no common mistake reproduces X-SIGNATURE' }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
  });

  test('virtual accounts: a created VA appears, Pay pays it, Expire expires one, the bank refuses a number and says why', async () => {
    const client = new SnapClient(base);
    const create = (customerNo: string) =>
      client.tx('/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va', {
        partnerServiceId: '   19008',
        customerNo,
        virtualAccountNo: `   19008${customerNo}`,
        virtualAccountName: 'Rina Wijaya',
        trxId: `UI-VA-${customerNo}`,
        totalAmount: { value: '75000.00', currency: 'IDR' },
        additionalInfo: { channel: 'VIRTUAL_ACCOUNT_BCA' },
      });
    expect((await create('00000000000000000901')).body.responseCode).toBe('2002700');
    expect((await create('00000000000000000902')).body.responseCode).toBe('2002700');
    const row = (no: string) => page.locator('#virtual-accounts tr', { hasText: no });
    await row('1900800000000000000000901').waitFor();
    await row('1900800000000000000000901').getByRole('button', { name: 'Pay' }).click();
    await page.locator('#virtual-accounts tr', { hasText: '1900800000000000000000901' }).locator('td.state.PAID').waitFor();
    await expect(page.locator('#va-result').textContent()).resolves.toMatch(/^paid 75000.00 into 1900800000000000000000901/);
    await row('1900800000000000000000902').getByRole('button', { name: 'Expire' }).click();
    await row('1900800000000000000000902').locator('td.state.EXPIRED').waitFor();
    await page.getByLabel('VA number').fill('1900800000000000000000902');
    await page.getByRole('button', { name: 'Pay at the bank' }).click();
    await page.getByText(/^4042519: the bank refuses: this VA expired/).waitFor();
    await row('1900800000000000000000902').getByRole('link').click();
    await page.locator('#story-title', { hasText: 'Virtual account 1900800000000000000000902' }).waitFor(); // the story is fetched: the dialog may still show the last one
    // its story is a timeline: created, then the bank's refusal with DOKU's code and why
    const events = page.locator('#story-body ol.timeline li');
    await events.filter({ hasText: 'refused: this VA expired' }).waitFor();
    expect(await events.locator('.kind').allTextContents()).toEqual(['va', 'va', 'bank']); // created, expired, the bank's try
    expect(await events.nth(1).locator('.what').textContent()).toBe('expired');
    expect(await events.nth(2).locator('.outcome').textContent()).toBe('4042519');
    expect(JSON.parse((await page.locator('#story-raw').textContent())!).attempts[0]).toMatchObject({ outcome: 'REFUSED' }); // the raw JSON too
    await page.screenshot({ path: join(SHOTS, 'dashboard-virtual-accounts.png'), fullPage: true });
    await page.getByRole('button', { name: 'Close' }).click();
  });

  test('QRIS: a generated QR appears; Pay makes it 00, Fail 06; its story shows the record', async () => {
    const client = new SnapClient(base);
    const generate = (ref: string) =>
      client.tx('/snap-adapter/b2b/v1.0/qr/qr-mpm-generate', {
        partnerReferenceNo: ref,
        amount: { value: '33000.00', currency: 'IDR' },
        merchantId: '47435',
        terminalId: 'A01',
      });
    expect((await generate('UI-QR-1')).body.responseCode).toBe('2004700');
    expect((await generate('UI-QR-2')).body.responseCode).toBe('2004700');
    const row = (ref: string) => page.locator('#qris tr', { hasText: ref });
    await row('UI-QR-1').getByRole('button', { name: 'Pay' }).click();
    await row('UI-QR-1').locator('td.state.PAID').waitFor();
    await row('UI-QR-2').getByRole('button', { name: 'Fail' }).click();
    await row('UI-QR-2').locator('td.state.FAILED').waitFor();
    expect(await row('UI-QR-1').locator('td').nth(3).textContent()).toBe('00');
    expect(await row('UI-QR-2').locator('td').nth(3).textContent()).toBe('06');
    await row('UI-QR-1').getByRole('link').click();
    await page.locator('#story-title', { hasText: 'QRIS UI-QR-1' }).waitFor();
    const events = page.locator('#story-body ol.timeline li');
    await events.filter({ hasText: 'paid by BCAD' }).waitFor();
    expect(await events.first().locator('.what').textContent()).toMatch(/^generated: 33000.00 IDR, valid until /);
    expect(JSON.parse((await page.locator('#story-raw').textContent())!).qris).toMatchObject({
      status: 'PAID',
      partnerReferenceNo: 'UI-QR-1',
    });
    await page.getByRole('button', { name: 'Close' }).click();
  });

  test('Coverage is a table: each endpoint, its documented codes, the answered ones marked; its Markdown below', async () => {
    await page.getByRole('button', { name: 'Coverage' }).click();
    await page.locator('#story-title', { hasText: 'Coverage' }).waitFor();
    const payment = page.locator('table.coverage tr', { has: page.locator('td:first-child', { hasText: /^payment$/ }) });
    await payment.waitFor();
    expect(await payment.locator('.code.hit', { hasText: '2005400' }).count()).toBe(1); // paid through the SDK above
    expect(await payment.locator('.code.hit', { hasText: '4035414' }).count()).toBe(1); // forced by the scenario above
    expect(await payment.locator('.code.miss').count()).toBeGreaterThan(5);
    await expect(page.locator('#story-body p.summary').textContent()).resolves.toMatch(/^\d+ of \d+ documented response codes answered/);
    expect(await page.locator('#story-body details pre').textContent()).toContain('| payment |');
    await page.screenshot({ path: join(SHOTS, 'dashboard-coverage.png') });
    await page.getByRole('button', { name: 'Close' }).click();
  });

  test("a payment's story opens from its row; the page asked nothing of another origin", async () => {
    await page.locator('#payments a', { hasText: 'UI-SDK-1' }).click();
    await page.locator('#story-title', { hasText: 'Payment UI-SDK-1' }).waitFor();
    // a timeline in time order: created, the payment request that made it, paid
    const events = page.locator('#story-body ol.timeline li');
    await events.filter({ hasText: 'POST /direct-debit/core/v1/debit/payment-host-to-host' }).waitFor();
    const kinds = await events.locator('.kind').allTextContents();
    expect(kinds.slice(0, 3).sort()).toEqual(['payment', 'payment', 'request']);
    expect(await events.filter({ hasText: 'payment-host-to-host' }).locator('.outcome').textContent()).toBe('2005400');
    expect(await events.filter({ hasText: /^.*paid \(approval/ }).count()).toBe(1);
    const times = await events.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    expect([...times].sort()).toEqual(times);
    await page.screenshot({ path: join(SHOTS, 'dashboard-story.png') });
    await page.getByRole('button', { name: 'Close' }).click();
    expect(elsewhere).toEqual([]);
  });
});
