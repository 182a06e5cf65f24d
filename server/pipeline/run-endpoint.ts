/**
 * One emulated endpoint's request pipeline, in the order of spec §1.8. Each line is one stage;
 * any stage may throw a SnapError, which error-handler.ts turns into the SNAP answer. Handlers only
 * change memory: the pipeline commits once, after the idempotency record is saved, so an answer is
 * sent only when the change it reports (and its stored replay) is on disk.
 * Scenarios (step 12) slot in here in a later issue.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Deps, EndpointDefinition } from '../endpoints/types.js';
import type { Merchant } from '../config/load.js';
import type { TokenClaims } from '../auth/jwt.js';
import { H } from '../snap/headers.js';
import { SnapError } from '../snap/errors.js';
import { sha256Hex } from '../snap/signature.js';
import { reserialise } from '../snap/body-canonical.js';
import { checkHeaders, type HeaderGet } from './check-headers.js';
import { errorBody } from './error-handler.js';
import type { Admission, IdempotencyLedger } from './idempotency.js';
import { parseBody } from './parse-body.js';
import { successBody, sendSnap } from './reply.js';
import { validateBody } from './validate-body.js';
import { verifyTokenRequest } from './verify-asymmetric.js';
import { verifyCustomerToken } from './verify-customer-token.js';
import { verifyB2bToken, verifySymmetricSignature } from './verify-symmetric.js';

export function runEndpoint<B>(def: EndpointDefinition<B>, deps: Deps, ledger: IdempotencyLedger): RequestHandler {
  const schema = def.schema(deps.config);
  const serviceCode = def.serviceCode(deps.config);
  const extraHeaders = def.extraHeaders ?? [];

  return async (req: Request, res: Response) => {
    const now = deps.clock.now();
    const header: HeaderGet = (name) => headerValue(req, name);
    const parsed = parseBody(req.body); //                                              1
    checkHeaders(header, def.auth, extraHeaders, deps.config, now); //                   2-3
    let merchant: Merchant;
    let b2b: TokenClaims | undefined;
    let admission: Extract<Admission, { kind: 'run' }> | undefined;
    if (def.auth === 'asymmetric') {
      merchant = verifyTokenRequest(header, deps.config); //                              4-7 (RSA)
    } else {
      const auth = await verifyB2bToken(header, deps); //                                 4-6
      const signed = { method: req.method, originalUrl: req.originalUrl, token: auth.token, body: parsed, timestamp: header(H.timestamp)!, signature: header(H.signature)! };
      verifySymmetricSignature(signed, auth.merchant, deps.config.signatureMode === 'strict'); // 7 (HMAC)
      ({ merchant, claims: b2b } = auth);
      const fingerprint = `${req.method} ${req.path} ${sha256Hex(reserialise(parsed.raw, parsed.json))}`;
      const admitted = await ledger.admit(merchant.clientId, header(H.externalId)!, fingerprint, now); // 8
      if (admitted.kind === 'replay') return sendReplay(res, admitted.record, deps);
      admission = admitted;
    }
    try {
      const customer = def.customerToken && (def.customerToken === 'required' || header(H.authorizationCustomer)) ? await verifyCustomerToken(header, merchant.clientId, deps) : undefined; // 9
      const body = validateBody(schema, parsed.json); //                                  10
      const reply = await def.handle({ deps, body, header, merchant, b2b, customer, baseUrl: baseUrlOf(req, deps), now }); // 11
      const answer = successBody(reply.caseKey ?? '200_00', serviceCode, reply.body);
      admission?.finish(Number(answer.responseCode.slice(0, 3)), answer);
      await deps.store.commit();
      sendSnap(res, answer, reply.headers);
    } catch (e) {
      if (admission) {
        if (e instanceof SnapError) admission.finish(e.httpStatus, errorBody(e, serviceCode));
        else admission.abandon();
      }
      await deps.store.commit(); // what a failing request did change (OTP attempts, a failed payment) is kept
      throw e;
    }
  };
}

/**
 * The stored answer again. DOKU returns the same body with HTTP 409 ([D-IDEM], spec §12, §14 #9):
 * the one place where the HTTP status may differ from the responseCode's first digits.
 */
function sendReplay(res: Response, record: { status: number; body: Record<string, unknown> }, deps: Deps): void {
  const status = deps.config.replayStatus === 'original' ? record.status : 409;
  sendSnap(res, record.body as { responseCode: string }, { [H.mockReplay]: 'true' }, status);
}

/** Header lookup; an empty or whitespace-only value counts as absent. */
export function headerValue(req: Request, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  const s = Array.isArray(v) ? v.join(', ') : v;
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}

function baseUrlOf(req: Request, deps: Deps): string {
  return deps.config.publicUrl || `${req.protocol}://${req.get('host') ?? `localhost:${deps.config.port}`}`;
}
