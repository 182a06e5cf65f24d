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
import { clientIdOf } from './client-id.js';
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
    latestTransactionStatus: latestStatus(p).code,
    responseCode: p.responseCode,
    refunded: p.refunds.length,
    scenario: p.scenario,
    createdAt: formatJakarta(p.createdAt),
    ...(p.wallet ? { webRedirectPath: `/direct-debit/wallet/pay/${p.wallet.sessionId}` } : {}),
  });

  router.get('/payments', (req, res) => {
    const clientId = clientIdOf(req);
    const all = Object.values(store.data.payments).filter((p) => !clientId || p.clientId === clientId);
    res.json({ payments: all.slice(-limitOf(req.query.limit)).reverse().map(summary) });
  });

  router.get('/payments/:referenceNo', (req, res) => {
    const p = store.findPayment(String(req.params.referenceNo));
    if (!p) throw new MockError('no payment with that referenceNo', {}, 404);
    // the exchanges that name it, oldest first: the payment, its refunds, its status checks
    const names = [p.referenceNo, p.partnerReferenceNo];
    const requests = journal
      .list({ clientId: p.clientId })
      .filter((e) => names.some((n) => JSON.stringify([e.requestBody, e.responseBody]).includes(`"${n}"`)));
    res.json({ payment: { ...summary(p), record: p }, requests, notifications: outbox.list(p.referenceNo).reverse() });
  });

  router.get('/bindings', (req, res) => {
    const clientId = clientIdOf(req);
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
  router.get('/events', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const send = (e: unknown) => res.write(`event: change\ndata: ${JSON.stringify(e)}\n\n`);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    changes.on('change', send);
    req.on('close', () => {
      changes.off('change', send);
      clearInterval(ping);
    });
  });
  return router;
}
