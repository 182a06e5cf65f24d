/**
 * The hosted QR page, GET /qris/page/{pageId} (docs/doku.md §15.6): where the generate answer's
 * `additionalInfo.qrPage` points. It shows the order's QRIS as an image the sandbox renders itself
 * (inline SVG: nothing from another origin) with the amount, merchant and validity, and Pay / Fail
 * buttons that post from this page only, so a tester can pay by hand, or from a phone on the same
 * network (the page's own address is shown as a second, smaller QR). `.png` is the QR alone: the
 * answer's `qrUrl`. The page id in the link is its secret, as a payment page's session is.
 */
import { Router, type Response } from 'express';
import type { Deps } from '../../../deps.js';
import { esc, html, messagePage, ownForm, page } from '../../../pages/kit.js';
import type { QrisRecord } from '../../../store/qris-records.js';
import { payQris } from '../domain/pay.js';
import { stateAt } from '../domain/qris-state.js';

const SUBTITLE = 'QRIS · scan to pay';
/** Loaded on the first QR drawn, not at start-up: ~40 ms every sandbox would pay, QR page or not. */
let qrLibrary: Promise<typeof import('qrcode')> | undefined;
const qrcode = () => (qrLibrary ??= import('qrcode'));

export function qrPageRouter(deps: Deps): Router {
  const router = Router();
  const unknown = (res: Response) => html(res, 404, messagePage('Not found', 'This QR is unknown or was reset.', SUBTITLE));

  router.get('/qris/page/:pageId', async (req, res) => {
    const id = String(req.params.pageId);
    const q = deps.store.qris.byPage(id.replace(/\.png$/, ''));
    if (!q) return unknown(res);
    if (id.endsWith('.png'))
      return void res
        .type('png')
        .set('Cache-Control', 'no-store')
        .send(await (await qrcode()).toBuffer(q.qrContent, { errorCorrectionLevel: 'M', margin: 4, scale: 6 }));
    // the address a phone can open: DOKU_PUBLIC_URL when set (a LAN address), else the one this request used
    const base = deps.config.publicUrl || `${req.protocol}://${req.get('host')}`;
    html(res, 200, await qrPage(deps, q, `${base}/qris/page/${q.pageId}`));
  });

  router.post('/qris/page/:pageId', ...ownForm(deps, 'A QR can only be paid from its page.', SUBTITLE), async (req, res) => {
    const q = deps.store.qris.byPage(String(req.params.pageId));
    if (!q) return unknown(res);
    const outcome = payQris(deps, q, { result: req.body?.action === 'fail' ? 'fail' : 'success' }, deps.clock.now(q.clientId));
    await deps.store.commit();
    if (!outcome.ok) return html(res, 409, messagePage('Not paid', `This QR cannot be paid: ${outcome.why}.`, SUBTITLE));
    const paid = q.status === 'PAID';
    html(
      res,
      200,
      messagePage(
        paid ? 'Payment done' : 'Payment failed',
        paid
          ? `IDR ${q.amount.value} paid to ${deps.config.qrisMerchantName} (${q.issuerName}, approval ${q.approvalCode}). The merchant is notified.`
          : `The issuer declined the payment of IDR ${q.amount.value}. The merchant is notified.`,
        SUBTITLE,
      ),
    );
  });
  return router;
}

async function qrPage(deps: Deps, q: QrisRecord, self: string): Promise<string> {
  const state = stateAt(q, deps.clock.now(q.clientId));
  const QRCode = await qrcode();
  const qr = await QRCode.toString(q.qrContent, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const here = await QRCode.toString(self, { type: 'svg', errorCorrectionLevel: 'L', margin: 1 });
  return page(
    'Scan to pay',
    `<h1>Scan to pay with QRIS</h1>
<div class="card"><span>Merchant</span><strong>${esc(deps.config.qrisMerchantName)}</strong></div>
<div class="card"><span>Amount</span><strong>IDR ${esc(q.amount.value)}</strong></div>
<figure role="img" aria-label="QRIS code of order ${esc(q.partnerReferenceNo)}" style="margin:0 auto 16px;max-width:280px">${qr}</figure>
<p>Order ${esc(q.partnerReferenceNo)}. Valid until ${esc(q.validityPeriod)}. Now: <strong>${esc(state)}</strong>.</p>
<form method="post"><button type="submit" name="action" value="pay">Pay</button>
<button type="submit" name="action" value="fail" class="secondary">Fail</button></form>
<p class="hint">Open this page on a phone on the same network:</p>
<figure role="img" aria-label="this page's address" style="margin:0 auto;max-width:120px">${here}</figure>`,
    SUBTITLE,
  );
}
