/**
 * createApp(deps, scenarios): the whole HTTP surface, as one list. Order matters and is why it is written here:
 *  1. Express defaults that cost time or leak (x-powered-by, ETag) are off.
 *  2. The DOKU endpoints, before Express's router because they are the hot path: one Map lookup
 *     (snap-routes.ts), then the SNAP pipeline (pipeline/run-endpoint.ts). Other methods: `405xx00`.
 *  3. /__mock admin routes: never signature-checked (architecture.md §4.2).
 *  4. The hosted OTP page (HTML, not SNAP).
 *  5. Anything else: SNAP-shaped `4040002 Invalid Routing`, never Express's HTML page; logged and
 *     kept in the request journal like the DOKU endpoints' exchanges.
 *  6. The error handler: the one place errors become HTTP.
 */
import express, { type Express } from 'express';
import { adminRouter } from './admin/routes.js';
import type { Deps } from './deps.js';
import { otpPageRouter } from './otp-page/routes.js';
import { errorHandler, NO_SERVICE, sendSnapError } from './pipeline/error-handler.js';
import { IdempotencyLedger } from './pipeline/idempotency.js';
import { snapError } from './snap/errors.js';
import { Journal } from './admin/journal.js';
import { observeExchanges } from './request-log.js';
import { serveBeforeRouter, snapRoutes } from './snap-routes.js';
import type { ScenarioSet } from './scenario/load.js';
import { ScenarioState } from './scenario/select.js';

export function createApp(deps: Deps, scenarioSet: ScenarioSet): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('trust proxy', false);

  const scenarios = new ScenarioState(scenarioSet);
  const journal = new Journal(deps.config.journalSize, deps.clock);
  const ledger = new IdempotencyLedger(deps.store, deps.config.idempotencyMax);
  const onError = errorHandler(deps.config, deps.log);
  const observe = observeExchanges(deps.log, journal);
  serveBeforeRouter(app, snapRoutes(deps, ledger, scenarios, observe), onError);
  app.use('/__mock', adminRouter(deps, scenarios, journal));
  app.use(otpPageRouter(deps));
  app.use((req, res) => {
    observe(req, res); // logged and journaled like any DOKU call: a wrong path is what a merchant debugs first
    sendSnapError(res, snapError('404_02', `no DOKU endpoint at ${req.method} ${req.path.slice(0, 200)}`), NO_SERVICE);
  });
  app.use(onError);
  return app;
}
