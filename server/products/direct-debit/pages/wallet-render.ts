/** The hosted e-wallet approval page (pages/wallet-routes.ts): no external assets, every value HTML-escaped. */
import { esc, page } from '../../../pages/kit.js';

export const WALLET_NAMES: Record<string, string> = {
  EMONEY_DANA_SNAP: 'DANA',
  EMONEY_SHOPEE_PAY_SNAP: 'ShopeePay',
  EMONEY_SHOPEEPAY_SNAP: 'ShopeePay',
  EMONEY_OVO_SNAP: 'OVO',
};

export interface WalletPageModel {
  wallet: string;
  amount: string;
  partnerReferenceNo: string;
  orderTitle?: string;
  expiresAt: string;
}

export function renderWalletPage(m: WalletPageModel): string {
  return page(
    `Pay with ${m.wallet}`,
    `<h1>Pay with ${esc(m.wallet)}</h1>
<p>${m.orderTitle ? `${esc(m.orderTitle)} · ` : ''}order ${esc(m.partnerReferenceNo)}. Open until ${esc(m.expiresAt)}.</p>
<div class="card" aria-label="Amount"><span>Amount</span><strong>IDR ${esc(m.amount)}</strong></div>
<form method="post">
<button type="submit" name="action" value="approve">Approve payment</button>
<button type="submit" name="action" value="decline" class="secondary">Decline</button>
</form>`,
    `${m.wallet} · e-wallet payment`,
  );
}
