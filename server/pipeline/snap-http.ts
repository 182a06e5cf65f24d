/**
 * The request and response a DOKU endpoint sees: Node's own objects with the few fields the
 * pipeline adds, not Express's. Express gives every request its `request`/`response` prototypes
 * (`Object.setPrototypeOf` per request); V8 then migrates both objects to new maps and property
 * lookups on them miss their inline caches: ~17 % of the instructions of a request through bare
 * Express, counted with callgrind (V8's `LookupInRegularHolder` and `MigrateToMap`;
 * docs/performance.md). The DOKU endpoints need none of Express's helpers, so they do without.
 * Express's `Request`/`Response` still fit these types, which is how the 404 handler and the admin
 * routes share `sendSnap`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SnapRequest extends IncomingMessage {
  /** always set on a request an HTTP server received */
  method: string;
  /** the URL as received, query included (the signature's path form, docs/doku.md §2.2) */
  originalUrl: string;
  /** the path without the query */
  path: string;
  /** the raw body, once read */
  body?: unknown;
}

export interface SnapResponse extends ServerResponse {
  /** per-exchange facts for the error handler and the request log (`endpoint`, `answer`) */
  locals: Record<string, unknown>;
}

/** The path of a request URL: everything before the query. */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** Makes a plain Node request/response pair a SnapRequest/SnapResponse, in place (`path`: pathOf(req.url)). */
export function asSnapExchange(req: IncomingMessage, res: ServerResponse, path: string): { req: SnapRequest; res: SnapResponse } {
  const snapReq = req as SnapRequest;
  snapReq.originalUrl = req.url ?? '/';
  snapReq.path = path;
  const snapRes = res as SnapResponse;
  snapRes.locals = {};
  return { req: snapReq, res: snapRes };
}

/** `https` only on a TLS socket: Express's `req.protocol` with `trust proxy` off, which the sandbox sets. */
export function protocolOf(req: IncomingMessage): 'http' | 'https' {
  return (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
}
