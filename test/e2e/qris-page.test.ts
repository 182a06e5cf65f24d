/**
 * The hosted QR page (docs/doku.md §15.6) in headless Chromium: generate a QRIS → open its qrPage →
 * the QR is an image the sandbox drew (the page asks nothing of another origin), which a QR decoder
 * reads back from the browser's own screenshot as the qrContent → Pay → query says 00. The
 * screenshot goes to E2E_QRIS_SCREENSHOT (docs/qris-page.png is one).
 */
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { pageHarness, type PageHarness } from '../helpers/browser.js';
import { SnapClient } from '../helpers/snap-client.js';

// jsQR is CommonJS typed as an ES default export: under nodenext the imported value is the function itself
const jsQR = jsqr as unknown as typeof jsqr.default;

describe('hosted QR page in a real browser', () => {
  let h: PageHarness;
  beforeAll(async () => void (h = await pageHarness()));
  afterAll(() => h?.close());

  test('generate → its page → the drawn QR decodes to qrContent → Pay → query 00', async () => {
    const client = new SnapClient(h.sandboxUrl);
    const made = await client.tx('/snap-adapter/b2b/v1.0/qr/qr-mpm-generate', {
      partnerReferenceNo: 'E2E-QR-1',
      amount: { value: '48000.00', currency: 'IDR' },
      merchantId: '47435',
      terminalId: 'A01',
    });
    expect(made.body.responseCode).toBe('2004700');
    const page = await h.browser.newPage({ viewport: { width: 420, height: 900 } });
    const elsewhere: string[] = [];
    page.on('request', (r) => void (new URL(r.url()).origin !== new URL(h.sandboxUrl).origin && elsewhere.push(r.url())));
    await page.goto(made.body.additionalInfo.qrPage);
    await expect(page.title()).resolves.toContain('Scan to pay');
    const qr = page.getByRole('img', { name: 'QRIS code of order E2E-QR-1' });
    const shot = PNG.sync.read(await qr.screenshot());
    expect(jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)?.data).toBe(made.body.qrContent);
    await page.screenshot({ path: process.env.E2E_QRIS_SCREENSHOT ?? '/tmp/doku-sandbox-qris.png', fullPage: true });
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.getByText('Payment done').first().waitFor();
    expect(elsewhere).toEqual([]);
    const status = await client.tx('/snap-adapter/b2b/v1.0/qr/qr-mpm-query', { originalPartnerReferenceNo: 'E2E-QR-1', serviceCode: '47' });
    expect(status.body.latestTransactionStatus).toBe('00');
  });
});
