/**
 * The notifications' delivery log and controls (server/notify/outbox.ts): list every notification
 * with its attempts, send one for a payment now (what `stripe trigger` is to Stripe), send one
 * again. "DOKU's" public key, which the merchant's token endpoint verifies the sandbox's token
 * requests with, is served apart (routes.ts: it is public, so no admin token is asked for it).
 */
import { Router } from 'express';
import type { Deps } from '../deps.js';
import { MADE_UP_TOKEN, NO_URL, type Outbox } from '../notify/outbox.js';
import { MockError } from '../scenario/mock-error.js';
import { mayAct, scopeOf, targetOf } from './scope.js';
import { isHttpUrl } from '../config/url.js';
import { notificationUrlOf } from '../config/keys.js';
import { verifierCheck } from '../notify/verifier-check.js';

export function notificationRoutes(deps: Deps, outbox: Outbox): Router {
  const router = Router();

  router.get('/notifications', (req, res) => {
    const referenceNo = typeof req.query.referenceNo === 'string' ? req.query.referenceNo : undefined;
    const clientId = targetOf(req, res);
    const mine = (m: { clientId: string }) => clientId === undefined || m.clientId === clientId;
    const unset = deps.merchants
      .list()
      .filter((m) => mine(m) && !m.notificationUrl)
      .map((m) => m.clientId);
    const overflowing = outbox.overflowing().filter(([id]) => clientId === undefined || id === clientId);
    const madeUp = deps.merchants
      .list()
      .filter((m) => mine(m) && m.notificationUrl && !m.tokenUrl)
      .map((m) => m.clientId);
    const notices = [
      ...(unset.length > 0 ? [`${NO_URL} (merchants ${unset.join(', ')})`] : []),
      ...(madeUp.length > 0 ? [`${MADE_UP_TOKEN} (merchants ${madeUp.join(', ')})`] : []),
      ...overflowing.map(([id, pending]) => overflowNotice(id, pending)),
    ];
    res.json({
      ...(notices.length > 0 ? { notice: notices.join('; ') } : {}),
      notifications: outbox.list(referenceNo).filter(mine),
    });
  });

  router.post('/notifications/send', async (req, res) => {
    const referenceNo = typeof req.body?.referenceNo === 'string' ? req.body.referenceNo : undefined;
    if (!referenceNo) throw new MockError('send {"referenceNo": "<the payment\'s referenceNo>"}');
    const source = deps.catalogue.products.map((p) => p.notificationOf?.(deps, referenceNo)).find((s) => s !== undefined);
    if (!source || !mayAct(res, source.clientId)) throw new MockError('no payment with that referenceNo', {}, 404);
    const n = outbox.notify(source);
    await deps.store.commit();
    res.status(202).json({ notification: n });
  });

  router.post('/notifications/verifier-check', async (req, res) => {
    const clientId = targetOf(req, res);
    const merchant = clientId ? deps.merchants.find(clientId) : deps.merchants.list()[0];
    if (!merchant)
      throw new MockError(`no merchant "${String(clientId).slice(0, 80)}"`, { known: deps.merchants.list().map((m) => m.clientId) }, 404);
    // which product's notification: the first's (direct debit) unless {"product"} names another (virtual-accounts)
    const named = typeof req.body?.product === 'string' ? req.body.product : undefined;
    const sampling = deps.catalogue.products.filter((p) => p.sampleNotification);
    const product = named ? sampling.find((p) => p.name === named) : sampling[0];
    if (!product) throw new MockError(`"product" is one of ${sampling.map((p) => p.name).join(', ')}`, { field: 'product' });
    const sample = product.sampleNotification!(deps, merchant, deps.clock.now(merchant.clientId));
    if (sample.signing === 'non-snap')
      throw new MockError(
        'the verifier check forges SNAP-signed notifications; DOKU_QRIS_NOTIFICATION_FORMAT=checkout sends non-SNAP ones',
        {
          field: 'product',
        },
      );
    const own = notificationUrlOf(merchant, sample.method);
    const asked = typeof req.body?.url === 'string' ? req.body.url : undefined;
    const url = asked ?? own;
    if (!url || !isHttpUrl(url)) throw new MockError('send {"url": "http://…/v1.0/debit/notify"}, or set DOKU_NOTIFICATION_URL');
    // The check sends the merchant's token and notifications signed with its secret: only to its own
    // receiver, unless the caller proves it is the merchant (or holds the admin token). The demo's secret is public.
    const scope = scopeOf(res);
    const proven = scope.kind === 'admin' || scope.kind === 'merchant' || merchant.demo;
    if (asked !== undefined && asked !== own && !proven)
      throw new MockError(
        `"${merchant.clientId}"'s signed notifications go only to its notificationUrl, unless the call proves it is that merchant: Authorization: Bearer <its client secret>`,
        {},
        403,
      );
    const refused = await deps.outbound.check(url);
    if (refused) throw new MockError(`the sandbox will not send to ${url.slice(0, 200)}: ${refused}`, { field: 'url' });
    res.json(await verifierCheck(deps, merchant, url, sample));
  });

  router.post('/notifications/:id/resend', async (req, res) => {
    const found = deps.store.findNotification(String(req.params.id));
    const n = found && mayAct(res, found.clientId) ? found : undefined;
    if (!n) throw new MockError('no notification with that id', {}, 404);
    outbox.resend(n);
    await deps.store.commit();
    res.status(202).json({ notification: n });
  });
  return router;
}

const overflowNotice = (clientId: string, kept: number) =>
  `merchant ${clientId} keeps ${kept} notifications, more than DOKU_NOTIFICATIONS_PER_MERCHANT, because those past it are still to be delivered (none is dropped): its receiver is not keeping up`;
