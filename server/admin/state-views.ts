/**
 * Read-only views of the state for the dashboard (admin/ui-page.ts) and for scripts: payments,
 * bindings, one payment's whole story, and a stream of "something changed" events. Documented in
 * the OpenAPI document like every admin route, so whatever the dashboard shows can be scripted.
 */
import type { EventEmitter } from 'node:events';
import { Router } from 'express';
import type { Deps } from '../deps.js';
import { statusAt } from '../domain/binding-status.js';
import { latestStatus } from '../domain/payment-status.js';
import { MockError } from '../scenario/mock-error.js';
import { formatJakarta } from '../snap/timestamp.js';
import type { PaymentRecord } from '../store/types.js';
import type { Journal } from './journal.js';
import { mayAct, targetOf } from './scope.js';
import type { Outbox } from '../notify/outbox.js';

const limitOf = (v: unknown) => (typeof v === 'string' && /^\d{1,5}$/.test(v) ? Number(v) : 200);

export function stateViews(deps: Deps, journal: Journal, outbox: Outbox, changes: EventEmitter): Router {
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

  // Server-sent events: `change` after every DOKU exchange and notification attempt (the dashboard reloads what it shows).
  // At most DOKU_EVENTS_MAX followers: each change is written to every one of them, on the request path.
  let following = 0;
  router.get('/events', (_req, res) => {
    if (following >= deps.config.eventsMax)
      throw new MockError(`${following} clients already follow /__mock/events (DOKU_EVENTS_MAX): close a dashboard tab`, {}, 503);
    following++;
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const send = (e: unknown) => res.write(`event: change\ndata: ${JSON.stringify(e)}\n\n`);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    changes.on('change', send);
    res.on('close', () => {
      following--;
      changes.off('change', send);
      clearInterval(ping);
    });
  });
  return router;
}
