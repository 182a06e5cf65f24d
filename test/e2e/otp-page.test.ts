/**
 * The hosted OTP page as a person meets it, in headless Chromium (Debian's package, driven by
 * playwright-core): card bind with CHANNEL-ID: DH → open redirectUrl → a wrong OTP shows an error →
 * the right OTP lands the browser on successRegistrationUrl with the authCode → the binding is active.
 */
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { launchChromium, listen } from '../helpers/browser.js';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { SnapClient } from '../helpers/snap-client.js';

describe('hosted OTP page in a real browser', () => {
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
    merchant = createServer((req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<h1>Merchant page</h1><p id="path">${req.url}</p>`),
    );
    merchantUrl = await listen(merchant);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    sandbox?.close();
    merchant?.close();
  });

  test('bind (DH) → OTP page → wrong OTP error → right OTP → success URL with authCode', async () => {
    const client = new SnapClient(sandboxUrl);
    const info = {
      channel: 'DIRECT_DEBIT_BRI_SNAP',
      customerName: 'Budi Santoso',
      successRegistrationUrl: `${merchantUrl}/bind/success`,
      failedRegistrationUrl: `${merchantUrl}/bind/failed`,
    };
    const bind = await client.bind({ additionalInfo: info });
    expect(bind.body.responseCode).toBe('2000100');

    const page = await browser.newPage();
    await page.goto(bind.body.redirectUrl);
    await expect(page.title()).resolves.toContain('Verify your card');
    const otp = page.getByLabel('One-time password (OTP)');
    expect(await page.getByText('5221********7890').isVisible()).toBe(true);

    await otp.fill('00000000');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('alert').textContent()).toContain('The OTP is incorrect');
    await page.screenshot({ path: process.env.E2E_SCREENSHOT ?? '/tmp/doku-sandbox-otp-error.png', fullPage: true });

    await page.getByLabel('One-time password (OTP)').fill('12345678');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(`${merchantUrl}/bind/success?**`);
    const landed = new URL(page.url());
    expect(landed.searchParams.get('status')).toBe('SUCCESS');
    expect(await page.textContent('h1')).toBe('Merchant page');

    const binding = sb.deps.store.bindings.byReferenceNo(landed.searchParams.get('referenceNo')!)!;
    expect(binding.status).toBe('ACTIVE');
    const token = await client.b2b2cToken(landed.searchParams.get('authCode')!);
    expect(token.body.responseCode).toBe('2007400');
    await page.close();
  });
});
