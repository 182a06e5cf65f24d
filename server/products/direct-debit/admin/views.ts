/**
 * Read-only views of direct debit's records for the dashboard (admin/ui/) and for scripts:
 * payments, bindings, and one payment's whole story (its exchanges and notifications).
 */
import { Router } from 'express';
import type { Deps } from '../../../deps.js';
import type { AdminKit } from '../../../product.js';
import { MockError } from '../../../scenario/mock-error.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import type { PaymentRecord } from '../../../store/types.js';
import { mayAct, targetOf } from '../../../admin/scope.js';
import { statusAt } from '../domain/binding-status.js';
import { latestStatus } from '../domain/payment-status.js';

const limitOf = (v: unknown) => (typeof v === 'string' && /^\d{1,5}$/.test(v) ? Number(v) : 200);

export function stateViews(deps: Deps, { journal, outbox }: AdminKit): Router {
  const router = Router();
  const { store, clock } = deps;
  const summary = (p: PaymentRecord) => ({
    referenceNo: p.referenceNo,
    partnerReferenceNo: p.partnerReferenceNo,
    clientId: p.clientId,
    amount: p.amount,
    channel: p.channel,
    status: p.status,
    latestTransactionStatus: latestStatus(p, deps.config.waitingStatus).code,
    responseCode: p.responseCode,
    refunded: p.refunds.length,
    scenario: p.scenario,
    createdAt: formatJakarta(p.createdAt),
    ...(p.wallet ? { webRedirectPath: `/direct-debit/wallet/pay/${p.wallet.sessionId}` } : {}),
  });

  router.get('/payments', (req, res) => {
    const clientId = targetOf(req, res);
    const all = Object.values(store.data.payments).filter((p) => !clientId || p.clientId === clientId);
    res.json({ payments: all.slice(-limitOf(req.query.limit)).reverse().map(summary) });
  });

  router.get('/payments/:referenceNo', (req, res) => {
    const found = store.findPayment(String(req.params.referenceNo));
    const p = found && mayAct(res, found.clientId) ? found : undefined; // another merchant's is "not found"
    if (!p) throw new MockError('no payment with that referenceNo', {}, 404);
    // the exchanges that name it, oldest first: the payment, its refunds, its status checks
    const names = [p.referenceNo, p.partnerReferenceNo];
    const requests = journal
      .list({ clientId: p.clientId })
      .filter((e) => names.some((n) => JSON.stringify([e.requestBody, e.responseBody]).includes(`"${n}"`)));
    res.json({ payment: { ...summary(p), record: p }, requests, notifications: outbox.list(p.referenceNo).reverse() });
  });

  router.get('/bindings', (req, res) => {
    const clientId = targetOf(req, res);
    const all = Object.values(store.data.bindings).filter((b) => !clientId || b.clientId === clientId);
    const bindings = all
      .slice(-limitOf(req.query.limit))
      .reverse()
      .map((b) => ({
        referenceNo: b.referenceNo,
        clientId: b.clientId,
        kind: b.kind,
        channel: b.channel,
        custIdMerchant: b.custIdMerchant,
        maskedNo: b.maskedNo,
        status: statusAt(b, clock.now(b.clientId)),
        balance: b.balance,
        createdAt: formatJakarta(b.createdAt),
      }));
    res.json({ bindings });
  });

  return router;
}
