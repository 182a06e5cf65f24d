/**
 * The hosted OTP page of a DH card binding (docs/doku.md §4.5 redirectUrl, docs/doku.md §4.6): plain, accessible HTML
 * with no external assets, styled like a payment page. Every dynamic value is HTML-escaped.
 */
export interface OtpPageModel {
  kind: 'CARD' | 'ACCOUNT';
  maskedNo: string;
  customerName?: string;
  phoneHint?: string;
  error?: string;
  otpLength: number;
  attemptsLeft: number;
}

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#eef2f7;color:#1c2733}
main{max-width:420px;margin:48px auto;background:#fff;border-radius:12px;box-shadow:0 4px 24px rgba(20,40,80,.12);overflow:hidden}
header{background:#e1251b;color:#fff;padding:18px 24px;font-weight:700;letter-spacing:.5px}
header small{display:block;font-weight:400;opacity:.85;font-size:.8rem;margin-top:2px}
section{padding:24px}
h1{font-size:1.2rem;margin:0 0 8px}
p{margin:0 0 16px;line-height:1.45;color:#47566a}
.card{display:flex;justify-content:space-between;background:#f5f7fb;border:1px solid #dde3ec;border-radius:8px;padding:12px 14px;margin-bottom:20px;font-variant-numeric:tabular-nums}
label{display:block;font-weight:600;margin-bottom:6px}
input{box-sizing:border-box;width:100%;font-size:1.4rem;letter-spacing:.4rem;text-align:center;padding:10px;border:1px solid #b8c2d0;border-radius:8px}
input:focus{outline:3px solid #f6b7b3;border-color:#e1251b}
button{margin-top:18px;width:100%;padding:12px;font-size:1rem;font-weight:700;color:#fff;background:#e1251b;border:0;border-radius:8px;cursor:pointer}
.error{background:#fdecea;color:#8a1c14;border:1px solid #f5c2bd;border-radius:8px;padding:10px 12px;margin-bottom:16px}
button.secondary{background:#5b6778;margin-top:8px}
.hint{margin-top:16px;font-size:.85rem}
footer{padding:12px 24px;font-size:.75rem;color:#7a8799;border-top:1px solid #eef1f5}`;

export function page(title: string, content: string, subtitle = 'Kartu Kredit Indonesia · card registration'): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · DOKU Sandbox</title><style>${STYLE}</style></head>
<body><main><header>DOKU<small>${esc(subtitle)}</small></header>
<section>${content}</section><footer>doku-sandbox: a local emulator. Nothing real is charged.</footer></main></body></html>`;
}

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
    m.kind === 'CARD' ? undefined : 'Direct debit · account binding',
  );
}

/** `subtitle`: what the page is for, as the open page said it (a card registration, an e-wallet or bank payment). */
export function renderMessage(title: string, message: string, subtitle?: string): string {
  return page(title, `<h1>${esc(title)}</h1><p role="status">${esc(message)}</p>`, subtitle);
}
