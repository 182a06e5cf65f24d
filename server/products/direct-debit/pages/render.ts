/**
 * The hosted OTP page of a DH card binding (docs/doku.md §4.5 redirectUrl, docs/doku.md §4.6): plain, accessible HTML
 * with no external assets, styled like a payment page. Every dynamic value is HTML-escaped.
 */
import { esc, messagePage, page } from '../../../pages/kit.js';

export interface OtpPageModel {
  kind: 'CARD' | 'ACCOUNT';
  maskedNo: string;
  customerName?: string;
  phoneHint?: string;
  error?: string;
  otpLength: number;
  attemptsLeft: number;
}

/** The card registration's subtitle, the pages' default. */
export const CARD_REGISTRATION = 'Kartu Kredit Indonesia · card registration';

export function renderOtpForm(m: OtpPageModel): string {
  const who = m.customerName ? ` for ${esc(m.customerName)}` : '';
  const noun = m.kind === 'CARD' ? 'card' : 'account';
  const label = m.kind === 'CARD' ? 'Card' : 'Account';
  return page(
    `Verify your ${noun}`,
    `<h1>Verify your ${noun}</h1>
<p>Enter the one-time password sent${m.phoneHint ? ` to ${esc(m.phoneHint)}` : ''} to confirm this ${noun}${who}.</p>
<div class="card" aria-label="${label}"><span>${label}</span><strong>${esc(m.maskedNo)}</strong></div>
${m.error ? `<div class="error" role="alert" id="otp-error">${esc(m.error)}</div>` : ''}
<form method="post">
<label for="otp">One-time password (OTP)</label>
<input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6,8}" maxlength="8" required${m.error ? ' aria-describedby="otp-error" aria-invalid="true"' : ''} autofocus>
<button type="submit">Confirm</button>
</form>
<p style="margin-top:16px;font-size:.85rem">${m.attemptsLeft} attempt(s) left. Sandbox OTP: ${'1234567890'.slice(0, m.otpLength)}</p>`,
    m.kind === 'CARD' ? CARD_REGISTRATION : 'Direct debit · account binding',
  );
}

/** `subtitle`: what the page is for, as the open page said it (a card registration, an e-wallet or bank payment). */
export function renderMessage(title: string, message: string, subtitle = CARD_REGISTRATION): string {
  return messagePage(title, message, subtitle);
}
