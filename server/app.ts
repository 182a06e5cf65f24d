/**
 * createApp(deps): the whole HTTP surface, as one list. Order matters and is why it is written here:
 *  1. Express defaults that cost time or leak (x-powered-by, ETag) are off.
 *  2. /__mock admin routes: never signature-checked (architecture.md §4.2).
 *  3. The hosted OTP page (HTML, not SNAP).
 *  4. Each DOKU endpoint: attach its definition (so errors carry its service code) and
 *     `X-Mock-Scenario: none`, journal the exchange, read the raw body (kept for the body hash,
 *     spec §2.2), then the SNAP pipeline (pipeline/run-endpoint.ts). Other methods: `405xx00`.
 *  5. Anything else: SNAP-shaped `4040002 Invalid Routing`, never Express's HTML page.
 *  6. The error handler: the one place errors become HTTP.
 */
import express, { type Express, type RequestHandler } from 'express';
import { adminRouter } from './admin/routes.js';
import { ENDPOINTS } from './endpoints/index.js';
import type { Deps, EndpointDefinition } from './endpoints/types.js';
import { otpPageRouter } from './otp-page/routes.js';
import { errorHandler, NO_SERVICE, sendSnapError } from './pipeline/error-handler.js';
import { IdempotencyLedger } from './pipeline/idempotency.js';
import { runEndpoint } from './pipeline/run-endpoint.js';
import { snapError } from './snap/errors.js';
import { H } from './snap/headers.js';
import { Journal } from './admin/journal.js';
import { requestLog } from './request-log.js';
import { ScenarioState } from './scenario/select.js';

export function createApp(deps: Deps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('trust proxy', false);

  const scenarios = new ScenarioState(deps.scenarios);
  const journal = new Journal(deps.config.journalSize, deps.clock);
  app.use('/__mock', adminRouter(deps, scenarios, journal));
  app.use(otpPageRouter(deps));

  const rawBody = express.raw({ type: () => true, limit: deps.config.maxBodyBytes });
  const log = requestLog(deps.log);
  const ledger = new IdempotencyLedger(deps.store, deps.config.idempotencyMax);
  for (const def of ENDPOINTS) {
    app.post(def.path, attach(def), log, journal.record(), rawBody, runEndpoint(def, deps, ledger, scenarios));
    app.all(def.path, attach(def), (_req, res) => {
      res.setHeader('Allow', 'POST');
      sendSnapError(res, snapError('405_00', 'DOKU endpoints accept POST only'), def.serviceCode(deps.config));
    });
  }

  app.use((req, res) => sendSnapError(res, snapError('404_02', `no DOKU endpoint at ${req.method} ${req.path.slice(0, 200)}`), NO_SERVICE));
  app.use(errorHandler(deps.config, deps.log));
  return app;
}

const attach = (def: EndpointDefinition<unknown>): RequestHandler => (_req, res, next) => {
  res.locals.endpoint = def;
  res.setHeader(H.mockScenario, 'none');
  next();
};
