/**
 * The hosted bank-transfer page (docs/doku.md §14.8) as a tester uses it by hand, in headless
 * Chromium: create a VA → open its howToPayPage → a wrong amount is refused with the bank's reason
 * → the right one pays it → DOKU's status check says paid.
 */
import { pageHarness, type PageHarness } from '../helpers/browser.js';
import { SnapClient } from '../helpers/snap-client.js';

const PSID = '   19008';

describe('hosted bank-transfer page in a real browser', () => {
  let h: PageHarness;
  beforeAll(async () => void (h = await pageHarness()));
  afterAll(() => h?.close());

  test('create a VA → its page → a wrong amount is refused → Pay → status paid', async () => {
    const client = new SnapClient(h.sandboxUrl);
    const ident = { partnerServiceId: PSID, customerNo: '00000000000000000777', virtualAccountNo: `${PSID}00000000000000000777` };
    const created = await client.tx('/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va', {
      ...ident,
      virtualAccountName: 'Dewi Lestari',
      trxId: 'E2E-VA-1',
      totalAmount: { value: '150000.00', currency: 'IDR' },
      virtualAccountTrxType: 'C',
      additionalInfo: { channel: 'VIRTUAL_ACCOUNT_BCA' },
    });
    expect(created.body.responseCode).toBe('2002700');

    const page = await h.browser.newPage();
    await page.goto(created.body.virtualAccountData.additionalInfo.howToPayPage);
    await expect(page.title()).resolves.toContain('Pay by bank transfer');
    expect(await page.getByText('1900800000000000000000777').isVisible()).toBe(true);
    await page.getByLabel('Amount to transfer (IDR)').fill('1000');
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/closed VA is paid exactly 150000.00 \(4042513\)/);
    await page.getByLabel('Amount to transfer (IDR)').fill('150000');
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.getByText('Transfer done').first().waitFor();
    await page.screenshot({ path: process.env.E2E_BANK_SCREENSHOT ?? '/tmp/doku-sandbox-bank-transfer.png', fullPage: true });

    const status = await client.tx('/orders/v1.0/transfer-va/status', ident);
    expect(status.body.virtualAccountData).toMatchObject({ paymentFlagStatus: '00', paidAmount: { value: '150000.00', currency: 'IDR' } });
  });
});
