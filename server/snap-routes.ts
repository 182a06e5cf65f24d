/**
 * The DOKU endpoints as one middleware: a Map from path to endpoint instead of 22 Express routes
 * tried in turn (Express's router was ~8 % of a request's CPU in the profile, docs/performance.md).
 * Matching keeps Express's defaults (case-insensitive, one trailing slash ignored, query ignored).
 * For a DOKU path: attach the endpoint (so errors carry its service code) and `X-Mock-Scenario:
 * none`; POST only (else `405xx00`); observe the exchange (log + journal); read the raw body (kept
 * for the body hash, spec §2.2); then the SNAP pipeline (pipeline/run-endpoint.ts). Any error goes
 * to Express's error handler (pipeline/error-handler.ts), the one place errors become HTTP.
 */
import type { RequestHandler } from 'express';
import { ENDPOINTS } from './endpoints/index.js';
import type { Deps, EndpointDefinition } from './endpoints/types.js';
import { sendSnapError } from './pipeline/error-handler.js';
import type { IdempotencyLedger } from './pipeline/idempotency.js';
import { readBody } from './pipeline/read-body.js';
import { runEndpoint } from './pipeline/run-endpoint.js';
import type { Observe } from './request-log.js';
import type { ScenarioState } from './scenario/select.js';
import { snapError } from './snap/errors.js';
import { H } from './snap/headers.js';

interface Route {
  def: EndpointDefinition<unknown>;
  serviceCode: string;
  run: RequestHandler;
}

/** The middleware, carrying the paths it routes (read by the OpenAPI coverage test like Express's own route table). */
export type SnapRoutes = RequestHandler & { readonly paths: readonly string[] };

export function snapRoutes(deps: Deps, ledger: IdempotencyLedger, scenarios: ScenarioState, observe: Observe): SnapRoutes {
  const routes = new Map<string, Route>(
    ENDPOINTS.map((def) => [routeKey(def.path), { def, serviceCode: def.serviceCode(deps.config), run: runEndpoint(def, deps, ledger, scenarios) }]),
  );
  const limit = deps.config.maxBodyBytes;
  const handler: RequestHandler = (req, res, next) => {
    const route = routes.get(routeKey(req.url));
    if (!route) return next();
    res.locals.endpoint = route.def;
    res.setHeader(H.mockScenario, 'none');
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendSnapError(res, snapError('405_00', 'DOKU endpoints accept POST only'), route.serviceCode);
    }
    observe(req, res);
    readBody(req, limit)
      .then((body) => {
        req.body = body;
        return route.run(req, res, next);
      })
      .catch(next);
  };
  return Object.assign(handler, { paths: ENDPOINTS.map((def) => def.path) });
}

/** Path without query, lower-cased, one trailing slash dropped: how Express 5 matched these routes. */
function routeKey(url: string): string {
  const q = url.indexOf('?');
  let path = q < 0 ? url : url.slice(0, q);
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path.toLowerCase();
}
