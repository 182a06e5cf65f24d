/**
 * The HTTP server around the app, and what it answers before the app can: every answer on a DOKU
 * path is a SNAP body (issue #20), so protocol errors Node would answer bare are answered
 * SNAP-shaped, `400xx00 Bad Request`, with the endpoint's service code where the path is a DOKU
 * endpoint's (else `00`):
 * - requests so malformed that Node's parser refuses them (invalid header bytes, header injection,
 *   oversized headers): Node would send a bare `400`;
 * - an HTTP/1.1 request without `Host` (RFC 9112, section 3.2): Node would send a bare `400`;
 * - an `Expect` other than `100-continue`: Node would send a bare `417`.
 * Slow clients: the whole request (headers and body) must arrive within DOKU_REQUEST_TIMEOUT_SECONDS,
 * checked every second, instead of Node's 5 minutes; answers that take long (a scenario's `hangMs`)
 * are not limited by it.
 */
import http, { type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Config } from './config/load.js';
import type { Catalogue } from './catalogue.js';
import { pathOf } from './pipeline/snap-http.js';
import { routeKey } from './snap-routes.js';
import { NO_SERVICE } from './pipeline/error-handler.js';
import { CASES, responseCode } from './snap/response-codes.js';

export function createHttpServer(listener: RequestListener, config: Config, catalogue: Catalogue): Server {
  const services = new Map(catalogue.routes().map(([path, def]) => [routeKey(path), def.serviceCode(config)]));
  const badRequest = (req: IncomingMessage, res: ServerResponse, reason: string) => {
    const service = services.get(routeKey(pathOf(req.url ?? '/'))) ?? NO_SERVICE;
    const body = JSON.stringify({ responseCode: responseCode('400_00', service), responseMessage: CASES['400_00'] });
    res
      .writeHead(400, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        'X-Mock-Reason': reason,
        Connection: 'close',
      })
      .end(body);
  };
  const timeoutMs = config.requestTimeoutSeconds * 1000;
  const server = http.createServer(
    { requireHostHeader: false, requestTimeout: timeoutMs, headersTimeout: timeoutMs, connectionsCheckingInterval: 1000 },
    (req, res) => {
      if (req.headers.host === undefined && req.httpVersion === '1.1')
        return badRequest(req, res, 'an HTTP/1.1 request needs a Host header');
      listener(req, res);
    },
  );
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) =>
    badRequest(req, res, `unsupported Expect: ${String(req.headers.expect).slice(0, 60)}`),
  );
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    // No request was parsed, so no path: service 00.
    const reason =
      err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'the request did not arrive in time (DOKU_REQUEST_TIMEOUT_SECONDS)'
        : 'malformed HTTP request';
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(BAD_REQUEST)}\r\nX-Mock-Reason: ${reason}\r\nConnection: close\r\n\r\n${BAD_REQUEST}`,
    );
  });
  return server;
}

const BAD_REQUEST = JSON.stringify({ responseCode: responseCode('400_00', NO_SERVICE), responseMessage: CASES['400_00'] });
