/**
 * The only place answers are written. Every answer is a SNAP body whose HTTP status equals the
 * first three digits of responseCode (docs/doku.md §1.5), with `X-TIMESTAMP` (and the rest) as headers.
 */
import type { SnapResponse } from './snap-http.js';
import { H } from '../snap/headers.js';
import { CASES, responseCode, type CaseKey } from '../snap/response-codes.js';
import { formatJakarta } from '../snap/timestamp.js';

export function sendSnap(
  res: SnapResponse,
  body: { responseCode: string } & Record<string, unknown>,
  headers: Record<string, string> = {},
  status = Number(body.responseCode.slice(0, 3)),
): void {
  res.statusCode = status;
  const json = JSON.stringify(body);
  res.locals.answer = body; // for the request log line
  res.locals.answerJson = json; // for the request journal
  res.setHeader('Content-Type', 'application/json');
  res.setHeader(H.timestamp, formatJakarta(Date.now()));
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(json);
}

/** `{responseCode, responseMessage, ...fields}` for a success case of the endpoint's service. */
export function successBody(caseKey: CaseKey, serviceCode: string, fields: Record<string, unknown>) {
  return { responseCode: responseCode(caseKey, serviceCode), responseMessage: CASES[caseKey], ...fields };
}
