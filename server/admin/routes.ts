/**
 * /__mock: the sandbox's own API, never signature-checked. Every request passes the guard first
 * (admin/guard.ts: the Host, the page's origin, JSON bodies, no sandbox's own calls). Then all but
 * /health, /openapi.json, /doku-public-key and /ui (public, and holding no state) act for a scope
 * (admin/scope.ts): the admin token's, one merchant's, or everyone's while the sandbox is open.
 * Answers are plain JSON; failures are `{ mockError, ... }`, never SNAP-shaped.
 */
import express, { Router, type ErrorRequestHandler } from 'express';
import type { Deps } from '../deps.js';
import { MockError } from '../scenario/mock-error.js';
import type { ScenarioState } from '../scenario/select.js';
import { explainRoute } from './explain.js';
import { notificationRoutes } from './notifications.js';
import type { Outbox } from '../notify/outbox.js';
import { coverageMarkdown, type Coverage } from './coverage.js';
import { clockRoutes } from './clock.js';
import { merchantRoutes } from './merchants.js';
import { eventsRoute } from './events.js';
import { adminGuard } from './guard.js';
import { scopeMiddleware, targetOf } from './scope.js';
import { uiRoutes } from './ui.js';
import { publicKeyPem } from '../config/keys.js';
import type { EventEmitter } from 'node:events';
import type { Journal } from './journal.js';
import { buildOpenApi } from './openapi.js';
import { ADMIN_DOCS } from './openapi-admin.js';
import type { Catalogue } from '../catalogue.js';

/** Every admin route, as documented in the OpenAPI document (one list for both), the products' own included. */
export const adminRoutes = (catalogue: Catalogue) =>
  [ADMIN_DOCS, ...catalogue.products.map((p) => p.adminDocs ?? {})]
    .flatMap((docs) => Object.entries(docs))
    .filter(([path]) => path.startsWith('/__mock/'))
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));

export function adminRouter(
  deps: Deps,
  scenarios: ScenarioState,
  { journal, outbox, coverage, changes }: { journal: Journal; outbox: Outbox; coverage: Coverage; changes: EventEmitter },
): Router {
  const router = Router();
  const known = adminRoutes(deps.catalogue);
  router.use(adminGuard(deps.config));
  router.use(express.json({ limit: '256kb' }));

  router.get('/health', (_req, res) => {
    res.json({
      status: 'ok',
      endpoints: deps.catalogue.endpoints.length,
      scenarios: scenarios.set.list.length,
      merchants: deps.merchants.list().map((m) => m.clientId),
      ...overflowing(outbox),
    });
  });
  // Built on first request, not at start: it converts every zod schema (~5 % of cold start).
  let openapi: ReturnType<typeof buildOpenApi> | undefined;
  router.get('/openapi.json', (_req, res) => res.json((openapi ??= buildOpenApi(deps.config, deps.catalogue))));
  // "DOKU's" public key, for the merchant's verifier of the sandbox's token requests (docs/doku.md §2.3): public, like DOKU's.
  const dokuKey = publicKeyPem(deps.config.jwtPublicKey);
  router.get('/doku-public-key', (_req, res) => void res.type('application/x-pem-file').send(dokuKey));
  // The dashboard and its files hold no state: open like the OpenAPI document; its data calls need the admin token.
  router.use(uiRoutes());
  router.use(scopeMiddleware(deps));

  router.get('/scenarios', (_req, res) => {
    const list = scenarios.set.list.map((s) => ({
      name: s.name,
      description: s.description,
      endpoints: Object.keys(s.apply),
      ...(s.source ? { source: s.source } : {}),
    }));
    res.json({ global: scenarios.global?.name ?? null, scenarios: list });
  });
  // `clientId` (body or query): that merchant's own global scenario, before the sandbox's
  router.get('/scenario', (req, res) => res.json({ scenario: scenarios.globalOf(targetOf(req, res))?.name ?? null }));
  router.put('/scenario', (req, res) => {
    const name = typeof req.body?.name === 'string' ? req.body.name : undefined;
    const scenario = name ? scenarios.set.get(name) : undefined;
    if (!scenario)
      throw new MockError(name ? `unknown scenario "${name.slice(0, 80)}"` : 'send {"name": "<scenario>"}', {
        known: scenarios.set.list.map((s) => s.name),
      });
    const clientId = targetOf(req, res);
    if (clientId) scenarios.perMerchant.set(clientId, scenario);
    else scenarios.global = scenario;
    res.json({ scenario: scenario.name, endpoints: Object.keys(scenario.apply), ...(clientId ? { clientId } : {}) });
  });
  router.delete('/scenario', (req, res) => {
    const clientId = targetOf(req, res);
    if (clientId) scenarios.perMerchant.delete(clientId);
    else scenarios.global = undefined;
    res.json({ scenario: scenarios.globalOf(clientId)?.name ?? null });
  });

  // {"clientId"}: only that merchant's records, scenario, journal entries and coverage; its tokens become unknown
  router.post('/reset', async (req, res) => {
    const clientId = targetOf(req, res);
    if (clientId) {
      if (!deps.merchants.find(clientId)) throw new MockError(`no merchant "${clientId.slice(0, 80)}"`, {}, 404);
      const records = deps.store.resetMerchant(clientId);
      await deps.store.commit();
      scenarios.perMerchant.delete(clientId);
      journal.clear(clientId);
      coverage.clear(clientId);
      return void res.json({ status: 'reset', clientId, records });
    }
    await deps.store.reset();
    scenarios.global = undefined;
    scenarios.perMerchant.clear();
    journal.clear();
    coverage.clear();
    res.json({ status: 'reset' });
  });

  router.get('/requests', (req, res) => {
    const q = (k: string) => (typeof req.query[k] === 'string' ? (req.query[k] as string) : undefined);
    const limit = q('limit') && /^\d{1,5}$/.test(q('limit')!) ? Number(q('limit')) : undefined;
    const clientId = targetOf(req, res);
    res.json({ requests: journal.list({ path: q('path'), externalId: q('externalId'), clientId, partnerId: q('partnerId'), limit }) });
  });

  router.get('/coverage', (req, res) => {
    const clientId = targetOf(req, res);
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'md') throw new MockError('format is json (the default) or md', { field: 'format' });
    if (clientId && !deps.merchants.find(clientId))
      throw new MockError(`no merchant "${clientId.slice(0, 80)}"`, { known: deps.merchants.list().map((m) => m.clientId) }, 404);
    const report = coverage.report(deps.config, deps.catalogue, clientId);
    if (req.query.format === 'md') return void res.type('text/markdown').send(coverageMarkdown(report));
    res.json(report);
  });

  router.post('/explain', explainRoute(deps));
  router.use(notificationRoutes(deps, outbox));
  router.use(clockRoutes(deps, outbox));
  router.use(merchantRoutes(deps));
  for (const product of deps.catalogue.products) if (product.admin) router.use(product.admin(deps, { outbox, journal }));
  router.use(eventsRoute(deps, changes));
  router.use((req, _res, next) => next(new MockError(`unknown admin route ${req.method} /__mock${req.path}`, { known }, 404)));
  // The admin API's own complaints are mock-shaped: body-parser's (bad JSON, too large), and a
  // route parameter whose percent-encoding does not decode (`/bindings/%ZZ/otp`).
  router.use(((err, _req, _res, next) => next(asMockError(err))) as ErrorRequestHandler);
  return router;
}

/** Merchants whose undelivered notifications exceed the per-merchant cap (none is dropped): a health warning. */
function overflowing(outbox: Outbox) {
  const over = outbox.overflowing();
  return over.length > 0 ? { notificationsOverflowing: Object.fromEntries(over) } : {};
}

function asMockError(err: unknown): unknown {
  if (err instanceof URIError) return new MockError('the path has malformed percent-encoding');
  const type = (err as { type?: unknown } | undefined)?.type;
  return err instanceof MockError || typeof type !== 'string' ? err : new MockError(`unreadable admin request body (${type})`);
}
