/**
 * /__mock/merchants: merchants at run time, so one sandbox serves a whole team and each CI job
 * brings its own credentials. `POST` registers one (config/merchant-input.ts names the fields; 201),
 * `GET` lists every merchant with secrets masked, `DELETE /{clientId}` removes a registered one and
 * every record of its own. Merchants of the settings are changed in the settings.
 */
import { Router } from 'express';
import { publicKeyPem, type Merchant } from '../config/keys.js';
import { checkMerchantInput, URL_FIELDS } from '../config/merchant-input.js';
import type { Deps } from '../deps.js';
import { MockError } from '../scenario/mock-error.js';
import { mayAct } from './scope.js';
import { MADE_UP_TOKEN } from '../notify/outbox.js';

const mask = (secret: string) => `${secret.slice(0, 4)}****`;

export function merchantRoutes(deps: Deps): Router {
  const router = Router();
  const { merchants, store } = deps;
  const show = (m: Merchant) => ({
    clientId: m.clientId,
    source: merchants.isConfigured(m.clientId) ? (m.demo ? 'demo' : 'settings') : 'runtime',
    clientSecret: mask(m.clientSecret),
    ...(m.sharedKeys.length > 1 ? { sharedKey: mask(m.sharedKeys[0]!) } : {}),
    publicKeyPem: publicKeyPem(m.publicKey),
    ...(m.notificationUrl ? { notificationUrl: m.notificationUrl } : {}),
    ...(m.vaNotificationUrl ? { vaNotificationUrl: m.vaNotificationUrl } : {}),
    ...(m.vaInquiryUrl ? { vaInquiryUrl: m.vaInquiryUrl } : {}),
    ...(m.qrisNotificationUrl ? { qrisNotificationUrl: m.qrisNotificationUrl } : {}),
    ...(m.tokenUrl ? { tokenUrl: m.tokenUrl } : {}),
  });

  router.get(
    '/merchants',
    (_req, res) =>
      void res.json({
        merchants: merchants
          .list()
          .filter((m) => mayAct(res, m.clientId))
          .map(show),
      }),
  );

  router.post('/merchants', async (req, res) => {
    const checked = checkMerchantInput(req.body);
    if (!checked.ok) throw new MockError(`${checked.field} ${checked.problem}`, { field: checked.field });
    if (merchants.find(checked.input.clientId))
      throw new MockError(`clientId "${checked.input.clientId}" is already registered`, { field: 'clientId' }, 409);
    for (const field of URL_FIELDS) {
      const refused = checked.input[field] && (await deps.outbound.check(checked.input[field]));
      if (refused) throw new MockError(`${field}: the sandbox will not send to it: ${refused}`, { field });
    }
    store.addMerchant({ ...checked.input, createdAt: deps.clock.now() });
    await store.commit();
    const notice = checked.input.notificationUrl && !checked.input.tokenUrl ? { notice: MADE_UP_TOKEN } : {};
    res.status(201).json({ merchant: show(merchants.find(checked.input.clientId)!), ...notice });
  });

  router.delete('/merchants/:clientId', async (req, res) => {
    const clientId = String(req.params.clientId);
    if (!mayAct(res, clientId)) throw new MockError(`this credential cannot remove "${clientId.slice(0, 80)}"`, {}, 403);
    if (merchants.isConfigured(clientId))
      throw new MockError(
        `"${clientId}" comes from the settings (DOKU_CLIENT_ID, DOKU_MERCHANTS_FILE or the demo): change them instead`,
        {},
        409,
      );
    if (!merchants.find(clientId)) throw new MockError(`no merchant "${clientId.slice(0, 80)}"`, {}, 404);
    const records = store.forgetMerchant(clientId);
    await store.commit();
    res.json({ removed: clientId, records });
  });
  return router;
}
