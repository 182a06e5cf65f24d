/**
 * The hosted pages' kit, for every product's pages (a customer's browser: OTP, wallet, issuer, bank
 * transfer, QR): one layout styled like a payment page, plain accessible HTML with no external
 * assets, every dynamic value HTML-escaped; answers never cached; a form post accepted only from
 * the page's own origin (docs/shared-sandbox.md §2).
 */
import express, { type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps.js';
import { foreignPage, originsOf } from '../net/origin.js';

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

/** `subtitle`: what the page is for (a card registration, an e-wallet payment, a bank transfer). */
export function page(title: string, content: string, subtitle: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · DOKU Sandbox</title><style>${STYLE}</style></head>
<body><main><header>DOKU<small>${esc(subtitle)}</small></header>
<section>${content}</section><footer>doku-sandbox: a local emulator. Nothing real is charged.</footer></main></body></html>`;
}

/** A page that only says something: a closed link, a refusal, the outcome. */
export function messagePage(title: string, message: string, subtitle: string): string {
  return page(title, `<h1>${esc(title)}</h1><p role="status">${esc(message)}</p>`, subtitle);
}

/**
 * A hosted page's own form post, parsed: a post from another origin's page is refused first
 * (docs/shared-sandbox.md §2), with `refused` said on a page of the same kind (`subtitle`).
 */
export function ownForm(deps: Deps, refused: string, subtitle: string): RequestHandler[] {
  const origins = originsOf(deps.config.publicUrl, deps.config.allowedOrigins);
  const fromThisPage: RequestHandler = (req, res, next) =>
    foreignPage(req.method, req.headers, origins) ? html(res, 403, messagePage('Not from this page', refused, subtitle)) : next();
  return [fromThisPage, express.urlencoded({ extended: false, limit: '8kb' })];
}

/** Where to send the customer back to, when the request named a URL that parses. */
export function redirectTarget(url: string | undefined): URL | undefined {
  try {
    return url ? new URL(url) : undefined;
  } catch {
    return undefined;
  }
}

export function html(res: Response, status: number, body: string): void {
  res.status(status).type('html').setHeader('Cache-Control', 'no-store').send(body);
}
