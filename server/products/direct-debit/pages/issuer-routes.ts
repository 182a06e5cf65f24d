/**
 * GET/POST /direct-debit/issuer/pay/:sessionId — the sandbox's stand-in for the bank's OTP/PIN page
 * that a tokenized bank payment's `webRedirectUrl` opens (docs/doku.md §7.5). The right OTP (and
 * PIN, where the bank asks for one) pays; a wrong one shows the form again until the attempts run
 * out (the payment fails, `403xx11`); Cancel closes it (SNAP status 05). Either way the customer is
 * sent back to the request's successPaymentUrl or failedPaymentUrl with the outcome; the merchant
 * hears of it by notification and check status.
 */
import { Router, type ErrorRequestHandler, type Response } from 'express';
import type { Deps } from '../../../deps.js';
import { ISSUER_PAGE_PATH, verifyPaymentCodes } from '../domain/issuer-payment.js';
import { settle } from '../domain/settle.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import type { PaymentRecord } from '../../../store/types.js';
import { BANK_NAMES, renderIssuerPage } from './issuer-render.js';
import { renderMessage } from './render.js';
import { html, ownForm, redirectTarget } from '../../../pages/kit.js';
import { openPayment } from './routes.js';

export function issuerPageRouter(deps: Deps): Router {
  const router = Router();
  const path = `${ISSUER_PAGE_PATH}/:sessionId`;

  /** The payment of an open page, or the page that says why it is not open (sent). */
  const open = (sessionId: string, res: Response): PaymentRecord | undefined =>
    openPayment(
      deps.store.payments.byIssuerSession(sessionId),
      deps,
      res,
      'This payment was cancelled, refused or has expired.',
      'direct debit payment',
    );

  const form200 = (res: Response, p: PaymentRecord, error?: string) => {
    const binding = p.bindingRef ? deps.store.bindings.byReferenceNo(p.bindingRef) : undefined;
    html(
      res,
      200,
      renderIssuerPage({
        bank: BANK_NAMES[p.channel ?? ''] ?? 'your bank',
        amount: p.amount.value,
        partnerReferenceNo: p.partnerReferenceNo,
        maskedNo: binding?.maskedNo,
        asksPin: p.issuer!.asks === 'OTP_PIN',
        otpHint: deps.config.otpCodes[0]!,
        pinHint: deps.config.pin,
        attemptsLeft: deps.config.otpMaxAttempts - p.issuer!.otpAttempts,
        expiresAt: formatJakarta(p.issuer!.expiresAt),
        error,
      }),
    );
  };

  router.get(path, (req, res) => {
    const p = open(String(req.params.sessionId), res);
    if (p) form200(res, p);
  });

  router.post(path, ...ownForm(deps, 'The payment can only be confirmed from this page.', 'direct debit payment'), async (req, res) => {
    const p = open(String(req.params.sessionId), res);
    if (!p) return;
    const now = deps.clock.now(p.clientId);
    if (req.body?.action === 'cancel') settle(p, 'FAILED', deps, now, 'CANCELED');
    else {
      const text = (k: string) => (typeof req.body?.[k] === 'string' ? (req.body[k] as string).trim() : '');
      const outcome = verifyPaymentCodes(p, text('otp'), text('pin'), deps, now);
      if (!outcome.ok && !outcome.final) {
        await deps.store.commit();
        return form200(res, p, outcome.error.reason ?? outcome.error.responseMessage);
      }
    }
    await deps.store.commit();
    back(res, p);
  });
  router.use(((err, _req, res, next) =>
    err instanceof URIError
      ? html(res, 400, renderMessage('Bad link', 'This payment link is malformed.', 'direct debit payment'))
      : next(err)) as ErrorRequestHandler);
  return router;
}

/** To successPaymentUrl or failedPaymentUrl with the outcome, or a page that says it. */
function back(res: Response, p: PaymentRecord): void {
  const paid = p.status === 'SUCCESS';
  const target = redirectTarget(paid ? p.issuer?.successUrl : p.issuer?.failedUrl);
  if (!target) {
    const title = paid ? 'Payment confirmed' : p.closed === 'CANCELED' ? 'Payment cancelled' : 'Payment failed';
    return html(
      res,
      200,
      renderMessage(title, `${paid ? '' : `${p.responseMessage}. `}You can return to the merchant.`, 'direct debit payment'),
    );
  }
  target.searchParams.set('status', paid ? 'SUCCESS' : 'FAILED');
  target.searchParams.set('referenceNo', p.referenceNo);
  target.searchParams.set('partnerReferenceNo', p.partnerReferenceNo);
  res.redirect(303, target.toString());
}
