/**
 * The issuer's OTP/PIN page as a customer meets it, in headless Chromium (Debian's package, driven
 * by playwright-core): a CIMB payment → open webRedirectUrl → a wrong PIN shows the form again with
 * the error announced → the right OTP and PIN → the browser lands on successPaymentUrl with
 * status=SUCCESS → check status says 00. A screenshot goes to E2E_ISSUER_SCREENSHOT.
 */
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { launchChromium, listen } from '../helpers/browser.js';
import { IP, PAY, STATUS, SnapClient, customerSession } from '../helpers/snap-client.js';

describe('hosted issuer OTP/PIN page in a real browser', () => {
  let sb: TestSandbox;
  let sandbox: Server;
  let merchant: Server;
  let sandboxUrl: string;
  let merchantUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    sb = await buildSandbox();
    sb.clock.now = () => Date.now();
    sandbox = createServer(sb.app);
    sandboxUrl = await listen(sandbox);
    merchant = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<h1>Merchant</h1><p>${req.url}</p>`));
    merchantUrl = await listen(merchant);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    sb?.app.outbox.stop();
    sandbox?.close();
    merchant?.close();
  });

  test('CIMB payment → issuer page → wrong PIN, then the right OTP and PIN → back at successPaymentUrl with status=SUCCESS', async () => {
    const client = new SnapClient(sandboxUrl);
    const { customerToken } = await customerSession(client);
    const body = {
      partnerReferenceNo: 'E2E-CIMB-1',
      amount: { value: '37500.00', currency: 'IDR' },
      additionalInfo: {
        channel: 'DIRECT_DEBIT_CIMB_SNAP',
        successPaymentUrl: `${merchantUrl}/paid`,
        failedPaymentUrl: `${merchantUrl}/failed`,
      },
    };
    const res = await client.tx(PAY, body, { customerToken, headers: IP });
    expect(res.body.responseCode).toBe('2005400');

    const page = await browser.newPage();
    await page.goto(res.body.webRedirectUrl);
    await expect(page.title()).resolves.toContain('Confirm with CIMB Niaga');
    expect(await page.getByText('IDR 37500.00').isVisible()).toBe(true);
    await page.getByLabel('One-time password (OTP)').fill('12345678');
    await page.getByLabel('PIN').fill('000000');
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/wrong OTP or PIN; 2 attempt\(s\) left/);
    await page.getByLabel('One-time password (OTP)').fill('12345678');
    await page.getByLabel('PIN').fill('123456');
    await page.screenshot({ path: process.env.E2E_ISSUER_SCREENSHOT ?? '/tmp/doku-sandbox-issuer.png', fullPage: true });
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.waitForURL(`${merchantUrl}/paid?**`);
    expect(new URL(page.url()).searchParams.get('status')).toBe('SUCCESS');
    const status = await client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'E2E-CIMB-1' });
    expect(status.body.latestTransactionStatus).toBe('00');
  });
});
