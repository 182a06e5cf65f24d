/**
 * GET/POST /direct-debit/wallet/pay/:sessionId — the sandbox's stand-in for the e-wallet's approval
 * page that a jump-app payment's `webRedirectUrl` opens (docs/doku.md §7.4). Approve settles the
 * payment to SUCCESS (debiting the OVO account it is bound to, if any), Decline to FAILED; either
 * way the customer is sent back to the request's `urlParam` PAY_RETURN URL, with the outcome. An
 * unanswered page expires at `validUpTo` and the payment fails then (domain/settle.ts).
 */
import { Router, type ErrorRequestHandler, type Response } from 'express';
import type { Deps } from '../../../deps.js';
import { settle } from '../domain/settle.js';
import { WALLET_PAGE_PATH } from '../domain/wallet-payment.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import type { PaymentRecord } from '../../../store/types.js';
import { renderMessage } from './render.js';
import { html, ownForm, redirectTarget } from '../../../pages/kit.js';
import { openPayment } from './routes.js';
import { WALLET_NAMES, renderWalletPage } from './wallet-render.js';

export function walletPageRouter(deps: Deps): Router {
  const router = Router();
  const path = `${WALLET_PAGE_PATH}/:sessionId`;

  /** The payment of an open page, or the page that says why it is not open (sent). */
  const open = (sessionId: string, res: Response): PaymentRecord | undefined =>
    openPayment(deps.store.payments.byWalletSession(sessionId), deps, res, 'This payment was declined or has expired.', 'e-wallet payment');

  router.get(path, (req, res) => {
    const p = open(String(req.params.sessionId), res);
    if (!p) return;
    const wallet = WALLET_NAMES[p.channel ?? ''] ?? 'e-wallet';
    html(
      res,
      200,
      renderWalletPage({
        wallet,
        amount: p.amount.value,
        partnerReferenceNo: p.partnerReferenceNo,
        orderTitle: p.wallet!.orderTitle,
        expiresAt: formatJakarta(p.wallet!.expiresAt),
      }),
    );
  });

  router.post(path, ...ownForm(deps, 'The payment can only be approved from this payment page.', 'e-wallet payment'), async (req, res) => {
    const p = open(String(req.params.sessionId), res);
    if (!p) return;
    const action = req.body?.action;
    if (action !== 'approve' && action !== 'decline')
      return html(res, 400, renderMessage('Choose', 'Approve or decline the payment.', 'e-wallet payment'));
    settle(p, action === 'approve' ? 'SUCCESS' : 'FAILED', deps, deps.clock.now(p.clientId), action === 'approve' ? undefined : 'CANCELED');
    await deps.store.commit();
    const back = redirectTarget(p.wallet?.returnUrl);
    if (!back)
      return html(
        res,
        200,
        renderMessage(
          p.status === 'SUCCESS' ? 'Payment approved' : 'Payment declined',
          'You can return to the merchant.',
          'e-wallet payment',
        ),
      );
    back.searchParams.set('status', p.status);
    back.searchParams.set('referenceNo', p.referenceNo);
    back.searchParams.set('partnerReferenceNo', p.partnerReferenceNo);
    res.redirect(303, back.toString());
  });
  router.use(((err, _req, res, next) =>
    err instanceof URIError
      ? html(res, 400, renderMessage('Bad link', 'This payment link is malformed.', 'e-wallet payment'))
      : next(err)) as ErrorRequestHandler);
  return router;
}
