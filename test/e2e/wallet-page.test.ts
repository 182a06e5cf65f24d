/**
 * The hosted e-wallet page as a customer meets it, in headless Chromium (Debian's package, driven
 * by playwright-core): a DANA jump-app payment → open webRedirectUrl → Approve → the browser lands
 * on the merchant's PAY_RETURN URL with status=SUCCESS → check status says 00.
 */
import { pageHarness, type PageHarness } from '../helpers/browser.js';
import { IP, PAY, STATUS, SnapClient } from '../helpers/snap-client.js';

describe('hosted e-wallet page in a real browser', () => {
  let h: PageHarness;
  beforeAll(async () => void (h = await pageHarness()));
  afterAll(() => h?.close());

  test('DANA jump-app payment → wallet page → Approve → back at PAY_RETURN with status=SUCCESS', async () => {
    const client = new SnapClient(h.sandboxUrl);
    const res = await client.tx(
      PAY,
      {
        partnerReferenceNo: 'E2E-DANA-1',
        amount: { value: '42000.00', currency: 'IDR' },
        urlParam: [{ url: `${h.merchantUrl}/paid`, type: 'PAY_RETURN', isDeepLink: 'N' }],
        validUpTo: new Date(Date.now() + 600_000).toISOString(),
        pointOfInitiation: 'app',
        additionalInfo: { channel: 'EMONEY_DANA_SNAP', orderTitle: 'Nasi Goreng' },
      },
      { headers: { ...IP, 'X-DEVICE-ID': 'e2e' } },
    );
    expect(res.body.responseCode).toBe('2005400');

    const page = await h.browser.newPage();
    await page.goto(res.body.webRedirectUrl);
    await expect(page.title()).resolves.toContain('Pay with DANA');
    expect(await page.getByText('IDR 42000.00').isVisible()).toBe(true);
    expect(await page.getByText(/Nasi Goreng/).isVisible()).toBe(true);
    await page.screenshot({ path: process.env.E2E_WALLET_SCREENSHOT ?? '/tmp/doku-sandbox-wallet.png', fullPage: true });
    await page.getByRole('button', { name: 'Approve payment' }).click();
    await page.waitForURL(`${h.merchantUrl}/paid?**`);
    const landed = new URL(page.url());
    expect([landed.searchParams.get('status'), landed.searchParams.get('partnerReferenceNo')]).toEqual(['SUCCESS', 'E2E-DANA-1']);
    const status = await client.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: 'E2E-DANA-1' });
    expect(status.body.latestTransactionStatus).toBe('00');
  });
});
