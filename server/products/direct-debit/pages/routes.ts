/**
 * GET/POST /direct-debit/kki/binding/:sessionId — the sandbox's stand-in for DOKU's hosted OTP
 * page (the path mirrors DOKU's example redirectUrl, docs/doku.md §4.5). A right OTP activates the binding
 * and redirects to successRegistrationUrl with authCode, referenceNo, custIdMerchant and status
 * (docs/settings.md #22); a blocked or expired OTP redirects to failedRegistrationUrl; a wrong one re-shows the form.
 */
import { Router, type ErrorRequestHandler, type Response } from 'express';
import { html, ownForm, redirectTarget } from '../../../pages/kit.js';
import type { Deps } from '../../../deps.js';
import { statusAt } from '../domain/binding-status.js';
import { verifyBindingOtp } from '../domain/verify-otp.js';
import type { Binding, PaymentRecord } from '../../../store/types.js';
import { settleIfDue } from '../domain/settle.js';
import { CARD_REGISTRATION, renderMessage, renderOtpForm } from './render.js';

/** Card bindings use DOKU's example path; account bindings a sibling of it. */
export const OTP_PAGE_PATH = ['/direct-debit/kki/binding/:sessionId', '/direct-debit/account/binding/:sessionId'];

export function otpPageRouter(deps: Deps): Router {
  const router = Router();

  router.get(OTP_PAGE_PATH, (req, res) => {
    const binding = deps.store.bindings.bySessionId(String(req.params.sessionId));
    if (!binding) return html(res, 404, renderMessage('Session not found', 'This card registration link is unknown or was reset.'));
    const status = statusAt(binding, deps.clock.now(binding.clientId));
    if (status !== 'PENDING_OTP') return html(res, 409, renderMessage('Registration closed', closedText(binding, status)));
    html(res, 200, renderForm(binding, deps));
  });

  router.post(
    OTP_PAGE_PATH,
    ...ownForm(deps, 'The OTP can only be sent from this registration page.', CARD_REGISTRATION),
    async (req, res) => {
      const binding = deps.store.bindings.bySessionId(String(req.params.sessionId));
      if (!binding) return html(res, 404, renderMessage('Session not found', 'This card registration link is unknown or was reset.'));
      const otp = typeof req.body?.otp === 'string' ? req.body.otp.trim() : '';
      const outcome = verifyBindingOtp(binding, otp, deps, deps.clock.now(binding.clientId));
      await deps.store.commit();
      if (outcome.ok) return finish(res, binding, 'SUCCESS');
      if (!outcome.final) return html(res, 200, renderForm(binding, deps, 'The OTP is incorrect. Please try again.'));
      finish(res, binding, 'FAILED', outcome.error.responseMessage);
    },
  );
  // A link whose percent-encoding does not decode (`/binding/%ZZ`) is a bad link, not a server error.
  router.use(((err, _req, res, next) =>
    err instanceof URIError
      ? html(res, 400, renderMessage('Bad link', 'This registration link is malformed.'))
      : next(err)) as ErrorRequestHandler);
  return router;
}

/** What a finished link says when it is opened again. */
function closedText(b: Binding, status: string): string {
  const noun = b.kind === 'CARD' ? 'card' : 'account';
  if (status === 'ACTIVE' || status === 'PENDING_UNBIND') return `This ${noun} is already registered. You can return to the merchant.`;
  if (status === 'INACTIVE') return `This ${noun} was registered and has since been unregistered. Ask the merchant to start again.`;
  return `This registration ${status === 'EXPIRED' ? 'expired' : 'failed'}. Ask the merchant to start again.`;
}

function renderForm(b: Binding, deps: Deps, error?: string): string {
  const phoneHint = b.phoneNo ? `${'*'.repeat(Math.max(0, b.phoneNo.length - 4))}${b.phoneNo.slice(-4)}` : undefined;
  const otpLength = deps.config.otpCodes[0]!.length;
  return renderOtpForm({
    kind: b.kind,
    maskedNo: b.maskedNo,
    customerName: b.customerName,
    phoneHint,
    error,
    otpLength,
    attemptsLeft: deps.config.otpMaxAttempts - b.otpAttempts,
  });
}

function finish(res: Response, b: Binding, status: 'SUCCESS' | 'FAILED', message?: string): void {
  const target = redirectTarget(status === 'SUCCESS' ? b.successRegistrationUrl : b.failedRegistrationUrl);
  if (!target) {
    const noun = b.kind === 'CARD' ? 'card' : 'account';
    const text = status === 'SUCCESS' ? `Your ${noun} is registered. You can return to the merchant.` : `Registration failed: ${message}.`;
    return html(
      res,
      200,
      renderMessage(status === 'SUCCESS' ? `${noun[0]!.toUpperCase()}${noun.slice(1)} registered` : 'Registration failed', text),
    );
  }
  target.searchParams.set('status', status);
  target.searchParams.set('referenceNo', b.referenceNo);
  target.searchParams.set('custIdMerchant', b.custIdMerchant);
  if (status === 'SUCCESS' && b.authCode) target.searchParams.set('authCode', b.authCode);
  res.redirect(303, target.toString());
}

/**
 * The PENDING payment a customer's page (e-wallet, issuer) was opened for, settled first if its time
 * has come; or, sent instead, the page that says why it is not open.
 */
export function openPayment(
  found: PaymentRecord | undefined,
  deps: Deps,
  res: Response,
  closedText: string,
  subtitle: string,
): PaymentRecord | undefined {
  const p = found && settleIfDue(found, deps, deps.clock.now(found.clientId));
  if (!p) return void html(res, 404, renderMessage('Payment not found', 'This payment link is unknown or was reset.', subtitle));
  if (p.status === 'PENDING') return p;
  const text = p.status === 'SUCCESS' ? 'This payment is already paid.' : closedText;
  html(res, 409, renderMessage('Payment closed', `${text} You can return to the merchant.`, subtitle));
}
