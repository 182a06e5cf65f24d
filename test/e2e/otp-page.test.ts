/**
 * The hosted OTP page as a person meets it, in headless Chromium (Debian's package, driven by
 * playwright-core): card bind with CHANNEL-ID: DH → open redirectUrl → a wrong OTP shows an error →
 * the right OTP lands the browser on successRegistrationUrl with the authCode → the binding is active.
 */
import { pageHarness, type PageHarness } from '../helpers/browser.js';
import { SnapClient } from '../helpers/snap-client.js';

describe('hosted OTP page in a real browser', () => {
  let h: PageHarness;
  beforeAll(async () => void (h = await pageHarness()));
  afterAll(() => h?.close());

  test('bind (DH) → OTP page → wrong OTP error → right OTP → success URL with authCode', async () => {
    const client = new SnapClient(h.sandboxUrl);
    const info = {
      channel: 'DIRECT_DEBIT_BRI_SNAP',
      customerName: 'Budi Santoso',
      successRegistrationUrl: `${h.merchantUrl}/bind/success`,
      failedRegistrationUrl: `${h.merchantUrl}/bind/failed`,
    };
    const bind = await client.bind({ additionalInfo: info });
    expect(bind.body.responseCode).toBe('2000100');

    const page = await h.browser.newPage();
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
    await page.waitForURL(`${h.merchantUrl}/bind/success?**`);
    const landed = new URL(page.url());
    expect(landed.searchParams.get('status')).toBe('SUCCESS');
    expect(await page.textContent('h1')).toBe('Merchant page');

    const binding = h.sb.deps.store.bindings.byReferenceNo(landed.searchParams.get('referenceNo')!)!;
    expect(binding.status).toBe('ACTIVE');
    const token = await client.b2b2cToken(landed.searchParams.get('authCode')!);
    expect(token.body.responseCode).toBe('2007400');
    await page.close();
  });
});
