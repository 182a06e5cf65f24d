/**
 * The DOKU endpoints, served before Express (app.ts): a Map from path to endpoint instead of 22
 * Express routes tried in turn, with Node's own request and response (pipeline/snap-http.ts:
 * Express's per-request prototype switch costs more still; docs/performance.md).
 * Matching keeps Express's defaults (case-insensitive, one trailing slash ignored, query ignored).
 * For a DOKU path: attach the endpoint (so errors carry its service code) and `X-Mock-Scenario:
 * none`; POST only (else `405xx00`); observe the exchange (log + journal); read the raw body (kept
 * for the body hash, docs/doku.md §2.2); then the SNAP pipeline (pipeline/run-endpoint.ts). Any error goes
 * to the error handler (pipeline/error-handler.ts), the one place errors become HTTP.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Deps } from './deps.js';
import type { EndpointDefinition } from './endpoint.js';
import { sendSnapError } from './pipeline/error-handler.js';
import { asSnapExchange, pathOf, type SnapRequest, type SnapResponse } from './pipeline/snap-http.js';
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
  method: string;
  run: (req: SnapRequest, res: SnapResponse) => Promise<void>;
}

/** Serves a request if its path is a DOKU endpoint's (and says whether it did), with the paths it routes. */
export interface SnapRoutes {
  serve(req: IncomingMessage, res: ServerResponse, onError: OnError): boolean;
  readonly paths: readonly string[];
}

export function snapRoutes(deps: Deps, ledger: IdempotencyLedger, scenarios: ScenarioState, observe: Observe): SnapRoutes {
  const routes = new Map<string, Route>(
    deps.catalogue
      .routes()
      .map(([path, def]) => [
        routeKey(path),
        { def, serviceCode: def.serviceCode(deps.config), method: def.method ?? 'POST', run: runEndpoint(def, deps, ledger, scenarios) },
      ]),
  );
  const limit = deps.config.maxBodyBytes;
  const serve = (nodeReq: IncomingMessage, nodeRes: ServerResponse, onError: OnError): boolean => {
    const path = pathOf(nodeReq.url ?? '/');
    const route = routes.get(routeKey(path));
    if (!route) return false;
    const { req, res } = asSnapExchange(nodeReq, nodeRes, path);
    res.locals.endpoint = route.def;
    res.setHeader(H.mockScenario, 'none');
    if (req.method !== route.method) {
      res.setHeader('Allow', route.method);
      sendSnapError(res, snapError('405_00', `this DOKU endpoint accepts ${route.method} only`), route.serviceCode);
      return true;
    }
    observe(req, res);
    readBody(req, limit)
      .then((body) => {
        req.body = body;
        return route.run(req, res);
      })
      .catch((err: unknown) => onError(err, req, res))
      .catch((err: unknown) => {
        // Express would have caught a throw from its error handler; here it must not become an
        // unhandled rejection, which ends the process. Never expected: logged, connection closed.
        deps.log.error({ err }, 'error handler failed');
        res.destroy();
      });
    return true;
  };
  // `post /path`: each endpoint's verb and documented path (aliases are not documented apart)
  return { serve, paths: deps.catalogue.endpoints.map((def) => `${(def.method ?? 'POST').toLowerCase()} ${def.path}`) };
}

export type OnError = (err: unknown, req: SnapRequest, res: SnapResponse) => void;

/** A path lower-cased, one trailing slash dropped: how Express 5 matched these routes (the query is not part of a path). */
export function routeKey(path: string): string {
  return (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path).toLowerCase();
}
