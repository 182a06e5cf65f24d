/**
 * One emulated endpoint's request pipeline, in the order of spec §1.8. Each line is one stage;
 * any stage may throw a SnapError, which error-handler.ts turns into the SNAP answer.
 * Idempotency (step 8) and scenarios (step 12) slot in here in later issues.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Deps, EndpointDefinition } from '../endpoints/types.js';
import type { Merchant } from '../config/load.js';
import type { TokenClaims } from '../auth/jwt.js';
import { H } from '../snap/headers.js';
import { checkHeaders, type HeaderGet } from './check-headers.js';
import { parseBody } from './parse-body.js';
import { successBody, sendSnap } from './reply.js';
import { validateBody } from './validate-body.js';
import { verifyTokenRequest } from './verify-asymmetric.js';
import { verifyCustomerToken } from './verify-customer-token.js';
import { verifyB2bToken, verifySymmetricSignature } from './verify-symmetric.js';

export function runEndpoint<B>(def: EndpointDefinition<B>, deps: Deps): RequestHandler {
  const schema = def.schema(deps.config);
  const serviceCode = def.serviceCode(deps.config);
  const extraHeaders = def.extraHeaders ?? [];

  return async (req: Request, res: Response) => {
    const now = deps.clock.now();
    const header: HeaderGet = (name) => headerValue(req, name);
    const parsed = parseBody(req.body); //                                          1
    checkHeaders(header, def.auth, extraHeaders, deps.config, now); //               2-3
    let merchant: Merchant;
    let b2b: TokenClaims | undefined;
    if (def.auth === 'asymmetric') {
      merchant = verifyTokenRequest(header, deps.config); //                          4-7 (RSA)
    } else {
      const auth = await verifyB2bToken(header, deps); //                             4-6
      const signed = { method: req.method, originalUrl: req.originalUrl, token: auth.token, body: parsed, timestamp: header(H.timestamp)!, signature: header(H.signature)! };
      verifySymmetricSignature(signed, auth.merchant, deps.config.signatureMode === 'strict'); // 7 (HMAC)
      ({ merchant, claims: b2b } = auth);
    }
    const customer = def.customerToken ? await verifyCustomerToken(header, merchant.clientId, deps) : undefined; // 9
    const body = validateBody(schema, parsed.json); //                              10
    const reply = await def.handle({ deps, body, header, merchant, b2b, customer, baseUrl: baseUrlOf(req, deps), now }); // 11
    sendSnap(res, successBody(reply.caseKey ?? '200_00', serviceCode, reply.body), reply.headers);
  };
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
