/**
 * The one place an error becomes HTTP. A SnapError gets the service code of the endpoint the
 * request was routed to; a MockError (the sandbox's own complaint) gets a `{mockError}` body;
 * body-parser failures (oversized, bad encoding, aborted) are `400xx00`; anything unexpected is
 * `500xx00 General Error` and is logged, never leaked.
 */
import type { Logger } from 'pino';
import type { EndpointDefinition } from '../endpoint.js';
import type { Config } from '../config/load.js';
import { H } from '../snap/headers.js';
import { SnapError, badRequest, snapError } from '../snap/errors.js';
import { responseCode } from '../snap/response-codes.js';
import { sendSnap } from './reply.js';
import { MockError } from '../scenario/mock-error.js';
import type { SnapRequest, SnapResponse } from './snap-http.js';

/** Service code for answers that belong to no emulated endpoint (unknown path). */
export const NO_SERVICE = '00';

export function serviceCodeOf(res: SnapResponse, config: Config): string {
  const endpoint = res.locals.endpoint as EndpointDefinition | undefined;
  return endpoint ? endpoint.serviceCode(config) : NO_SERVICE;
}

/** The SNAP body of an error: `{responseCode, responseMessage}` (plus known references, docs/doku.md §1.5). */
export function errorBody(err: SnapError, serviceCode: string): { responseCode: string } & Record<string, unknown> {
  return { responseCode: responseCode(err.caseKey, serviceCode), responseMessage: err.responseMessage, ...err.extra };
}

export function sendSnapError(res: SnapResponse, err: SnapError, serviceCode: string): void {
  const headers: Record<string, string> = {};
  if (err.reason) headers[H.mockReason] = err.reason.replace(/[^\x20-\x7e]/g, '?');
  if (err.explain !== undefined) headers[H.mockExplain] = JSON.stringify(err.explain).replace(/[^\x20-\x7e]/g, '?');
  if (err.diagnosis) res.locals.signatureDiagnosis = err.diagnosis;
  sendSnap(res, errorBody(err, serviceCode), headers);
}

/**
 * Express's error middleware (four parameters, so Express knows it as one) and, called with three,
 * the error path of the DOKU endpoints served before the router (snap-routes.ts).
 */
export function errorHandler(config: Config, log: Logger): (err: unknown, req: SnapRequest, res: SnapResponse, next?: unknown) => void {
  return (err, _req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof MockError) {
      res.statusCode = err.status;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ mockError: err.message, ...err.details }));
      return;
    }
    sendSnapError(res, toSnapError(err, log), serviceCodeOf(res, config));
  };
}

function toSnapError(err: unknown, log: Logger): SnapError {
  if (err instanceof SnapError) return err;
  const type = (err as { type?: string }).type;
  if (type === 'entity.too.large') return badRequest(`body larger than ${(err as { limit?: number }).limit} bytes`);
  if (typeof type === 'string') return badRequest(`unreadable body (${type})`);
  log.error({ err }, 'unexpected error');
  return snapError('500_00', 'unexpected sandbox error; see the server log');
}
