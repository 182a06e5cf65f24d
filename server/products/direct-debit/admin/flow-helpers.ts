/**
 * Admin-side helpers the flows need: finish or fail a binding's pending OTP without a browser,
 * and settle a PENDING (202) payment now.
 */
import { Router } from 'express';
import type { Deps } from '../../../deps.js';
import { statusAt } from '../domain/binding-status.js';
import { verifyBindingOtp } from '../domain/verify-otp.js';
import { settle } from '../domain/settle.js';
import { MockError } from '../../../scenario/mock-error.js';
import { mayAct } from '../../../admin/scope.js';

export function flowHelpers(deps: Deps): Router {
  const router = Router();

  router.post('/bindings/:referenceNo/otp', async (req, res) => {
    const found = deps.store.bindings.byReferenceNo(String(req.params.referenceNo));
    const binding = found && mayAct(res, found.clientId) ? found : undefined; // another merchant's is "not found"
    if (!binding) throw new MockError('no binding with that referenceNo', {}, 404);
    const result = req.body?.result;
    if (result !== 'success' && result !== 'fail') throw new MockError('send {"result": "success"} or {"result": "fail"}');
    const now = deps.clock.now(binding.clientId);
    if (statusAt(binding, now) !== 'PENDING_OTP')
      throw new MockError(`the binding is ${statusAt(binding, now)}, not waiting for an OTP`, {}, 409);
    if (result === 'success') {
      const outcome = verifyBindingOtp(binding, deps.config.otpCodes[0]!, deps, now);
      if (!outcome.ok) throw new MockError(outcome.error.responseMessage, {}, 409);
    } else deps.store.updateBinding(binding, { status: 'FAILED' });
    await deps.store.commit();
    res.json({
      referenceNo: binding.referenceNo,
      status: binding.status,
      ...(binding.status === 'ACTIVE' ? { authCode: binding.authCode, bankCardToken: binding.bankCardToken } : {}),
    });
  });

  router.post('/payments/:referenceNo/settle', async (req, res) => {
    const found = deps.store.findPayment(String(req.params.referenceNo));
    const payment = found && mayAct(res, found.clientId) ? found : undefined;
    if (!payment) throw new MockError('no payment with that referenceNo', {}, 404);
    const to = req.body?.status;
    if (to !== 'SUCCESS' && to !== 'FAILED') throw new MockError('send {"status": "SUCCESS"} or {"status": "FAILED"}');
    if (payment.status !== 'PENDING') throw new MockError(`the payment is ${payment.status}, not PENDING`, {}, 409);
    settle(payment, to, deps, deps.clock.now(payment.clientId));
    await deps.store.commit();
    res.json({ referenceNo: payment.referenceNo, status: payment.status, responseCode: payment.responseCode });
  });
  return router;
}
