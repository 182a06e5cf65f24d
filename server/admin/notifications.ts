/**
 * The notifications' delivery log and controls (server/notify/outbox.ts): list every notification
 * with its attempts, send one for a payment now (what `stripe trigger` is to Stripe), send one
 * again. "DOKU's" public key, which the merchant's token endpoint verifies the sandbox's token
 * requests with, is served apart (routes.ts: it is public, so no admin token is asked for it).
 */
import { Router } from 'express';
import type { Deps } from '../deps.js';
import { NO_URL, type Outbox } from '../notify/outbox.js';
import { MockError } from '../scenario/mock-error.js';
import { clientIdOf } from './client-id.js';
import { isHttpUrl } from '../config/url.js';
import { verifierCheck } from '../notify/verifier-check.js';

export function notificationRoutes(deps: Deps, outbox: Outbox): Router {
  const router = Router();

  router.get('/notifications', (req, res) => {
    const referenceNo = typeof req.query.referenceNo === 'string' ? req.query.referenceNo : undefined;
    const unset = deps.merchants
      .list()
      .filter((m) => !m.notificationUrl)
      .map((m) => m.clientId);
    res.json({
      ...(unset.length > 0 ? { notice: `${NO_URL} (merchants ${unset.join(', ')})` } : {}),
      notifications: outbox.list(referenceNo),
    });
  });

  router.post('/notifications/send', async (req, res) => {
    const referenceNo = typeof req.body?.referenceNo === 'string' ? req.body.referenceNo : undefined;
    if (!referenceNo) throw new MockError('send {"referenceNo": "<the payment\'s referenceNo>"}');
    const payment = deps.store.findPayment(referenceNo);
    if (!payment) throw new MockError('no payment with that referenceNo', {}, 404);
    const n = outbox.notify(payment);
    await deps.store.commit();
    res.status(202).json({ notification: n });
  });

  router.post('/notifications/verifier-check', async (req, res) => {
    const clientId = clientIdOf(req);
    const merchant = clientId ? deps.merchants.find(clientId) : deps.merchants.list()[0];
    if (!merchant)
      throw new MockError(`no merchant "${String(clientId).slice(0, 80)}"`, { known: deps.merchants.list().map((m) => m.clientId) }, 404);
    const url = typeof req.body?.url === 'string' ? req.body.url : merchant.notificationUrl;
    if (!url || !isHttpUrl(url)) throw new MockError('send {"url": "http://…/v1.0/debit/notify"}, or set DOKU_NOTIFICATION_URL');
    res.json(await verifierCheck(deps, merchant, url));
  });

  router.post('/notifications/:id/resend', async (req, res) => {
    const n = deps.store.findNotification(String(req.params.id));
    if (!n) throw new MockError('no notification with that id', {}, 404);
    outbox.resend(n);
    await deps.store.commit();
    res.status(202).json({ notification: n });
  });
  return router;
}
