/**
 * createApp(deps, scenarios): the whole HTTP surface as one request listener, which `main.ts` (through
 * http-server.ts) and supertest both use. Order matters and is why it is written here:
 *  1. The DOKU endpoints first, because they are the hot path: one Map lookup (snap-routes.ts) on
 *     Node's own request and response, then the SNAP pipeline (pipeline/run-endpoint.ts); other
 *     methods on their paths: `405xx00`. Express's router (its layer walk, `next` chain and
 *     per-request prototype switch) was measured at ~12 % of a status check (docs/performance.md).
 *  2. Everything else is Express, with its defaults that cost time or leak (x-powered-by, ETag) off:
 *     /__mock admin routes (never signature-checked); the hosted OTP page (HTML, not SNAP); anything
 *     else a SNAP-shaped `4040002 Invalid Routing`, never Express's HTML page, logged and kept in the
 *     request journal like the DOKU endpoints' exchanges; then the error handler, the one place
 *     errors become HTTP.
 */
import { EventEmitter } from 'node:events';
import type { RequestListener } from 'node:http';
import express, { type Express } from 'express';
import { adminRouter } from './admin/routes.js';
import type { Deps } from './deps.js';
import { errorHandler, NO_SERVICE, sendSnapError } from './pipeline/error-handler.js';
import { IdempotencyLedger } from './pipeline/idempotency.js';
import { snapError } from './snap/errors.js';
import { Journal } from './admin/journal.js';
import { Coverage } from './admin/coverage.js';
import { Outbox } from './notify/outbox.js';
import { observeExchanges } from './request-log.js';
import { snapRoutes } from './snap-routes.js';
import type { ScenarioSet } from './scenario/load.js';
import { ScenarioState } from './scenario/select.js';

/** The app: a request listener, with the routes it serves for the OpenAPI drift test, and its background notifications. */
export type App = RequestListener & { readonly snapPaths: readonly string[]; readonly express: Express; readonly outbox: Outbox };

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#e1251b"/><text x="16" y="22" font-size="16" font-family="sans-serif" font-weight="700" text-anchor="middle" fill="#fff">D</text></svg>';

export function createApp(deps: Deps, scenarioSet: ScenarioSet): App {
  const scenarios = new ScenarioState(scenarioSet);
  const journal = new Journal(deps.config.journalSize, deps.clock);
  const ledger = new IdempotencyLedger(deps.store, deps.config.idempotencyMax);
  const onError = errorHandler(deps.config, deps.log);
  const coverage = new Coverage();
  const changes = new EventEmitter().setMaxListeners(deps.config.eventsMax + 1); // dashboards listening (admin/events.ts)
  const observe = observeExchanges(deps.log, journal, coverage, changes);
  const snap = snapRoutes(deps, ledger, scenarios, observe);
  const outbox = new Outbox(deps, () => changes.emit('change', { kind: 'notification' }));
  for (const product of deps.catalogue.products) product.notifications?.(deps, outbox);

  const rest = express();
  rest.disable('x-powered-by');
  rest.disable('etag');
  rest.set('trust proxy', false);
  rest.use('/__mock', adminRouter(deps, scenarios, { journal, outbox, coverage, changes }));
  for (const product of deps.catalogue.products) for (const pages of product.pages?.(deps) ?? []) rest.use(pages);
  // every page's browser asks for it: an icon, not a 404 in the request journal and the log (issue #28)
  rest.get('/favicon.ico', (_req, res) => void res.type('image/svg+xml').set('Cache-Control', 'max-age=86400').send(FAVICON));
  rest.use((req, res) => {
    observe(req, res); // a wrong path is what a merchant debugs first
    sendSnapError(res, snapError('404_02', `no DOKU endpoint at ${req.method} ${req.path.slice(0, 200)}`), NO_SERVICE);
  });
  rest.use(onError);

  const app: RequestListener = (req, res) => {
    if (!snap.serve(req, res, onError)) rest(req, res);
  };
  return Object.assign(app, { snapPaths: snap.paths, express: rest, outbox });
}
