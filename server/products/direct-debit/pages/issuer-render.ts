/** The issuer's OTP/PIN page of a bank direct-debit payment (pages/issuer-routes.ts): no external assets, every value HTML-escaped. */
import { esc, page } from '../../../pages/kit.js';

export const BANK_NAMES: Record<string, string> = {
  DIRECT_DEBIT_BRI_SNAP: 'BRI',
  DIRECT_DEBIT_MANDIRI_SNAP: 'Bank Mandiri',
  DIRECT_DEBIT_CIMB_SNAP: 'CIMB Niaga',
  DIRECT_DEBIT_ALLO_SNAP: 'Allo Bank',
};

export interface IssuerPageModel {
  bank: string;
  amount: string;
  partnerReferenceNo: string;
  maskedNo?: string;
  asksPin: boolean;
  otpHint: string;
  pinHint: string;
  attemptsLeft: number;
  expiresAt: string;
  error?: string;
}

export function renderIssuerPage(m: IssuerPageModel): string {
  const invalid = m.error ? ' aria-describedby="code-error" aria-invalid="true"' : '';
  const pin = m.asksPin
    ? `<label for="pin">PIN</label>
<input id="pin" name="pin" type="password" inputmode="numeric" pattern="[0-9]{4,8}" maxlength="8" required${invalid}>`
    : '';
  return page(
    `Confirm with ${m.bank}`,
    `<h1>Confirm this payment</h1>
<p>Order ${esc(m.partnerReferenceNo)}${m.maskedNo ? ` from ${esc(m.maskedNo)}` : ''}. Open until ${esc(m.expiresAt)}.</p>
<div class="card" aria-label="Amount"><span>Amount</span><strong>IDR ${esc(m.amount)}</strong></div>
${m.error ? `<div class="error" role="alert" id="code-error">${esc(m.error)}</div>` : ''}
<form method="post">
<label for="otp">One-time password (OTP)</label>
<input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6,8}" maxlength="8" required${invalid} autofocus>
${pin}
<button type="submit" name="action" value="pay">Pay</button>
</form>
<form method="post"><button type="submit" name="action" value="cancel" class="secondary">Cancel payment</button></form>
<p class="hint">${m.attemptsLeft} attempt(s) left. Sandbox OTP: ${esc(m.otpHint)}${m.asksPin ? `, PIN: ${esc(m.pinHint)}` : ''}</p>`,
    `${m.bank} · direct debit payment`,
  );
}
