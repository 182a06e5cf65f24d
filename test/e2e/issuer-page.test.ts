/**
 * The issuer's OTP/PIN page as a customer meets it, in headless Chromium (Debian's package, driven
 * by playwright-core): a CIMB payment → open webRedirectUrl → a wrong PIN shows the form again with
 * the error announced → the right OTP and PIN → the browser lands on successPaymentUrl with
 * status=SUCCESS → check status says 00. A screenshot goes to E2E_ISSUER_SCREENSHOT.
 */
import { pageHarness, type PageHarness } from '../helpers/browser.js';
import { IP, PAY, STATUS, SnapClient, customerSession } from '../helpers/snap-client.js';

describe('hosted issuer OTP/PIN page in a real browser', () => {
  let h: PageHarness;
  beforeAll(async () => void (h = await pageHarness()));
  afterAll(() => h?.close());

  test('CIMB payment → issuer page → wrong PIN, then the right OTP and PIN → back at successPaymentUrl with status=SUCCESS', async () => {
    const client = new SnapClient(h.sandboxUrl);
    const { customerToken } = await customerSession(client);
    const body = {
      partnerReferenceNo: 'E2E-CIMB-1',
      amount: { value: '37500.00', currency: 'IDR' },
      additionalInfo: {
        channel: 'DIRECT_DEBIT_CIMB_SNAP',
        successPaymentUrl: `${h.merchantUrl}/paid`,
        failedPaymentUrl: `${h.merchantUrl}/failed`,
      },
    };
    const res = await client.tx(PAY, body, { customerToken, headers: IP });
    expect(res.body.responseCode).toBe('2005400');

    const page = await h.browser.newPage();
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
    await page.waitForURL(`${h.merchantUrl}/paid?**`);
    expect(new URL(page.url()).searchParams.get('status')).toBe('SUCCESS');
    const status = await client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'E2E-CIMB-1' });
    expect(status.body.latestTransactionStatus).toBe('00');
  });
});
