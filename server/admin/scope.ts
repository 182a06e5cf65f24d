/**
 * Whom an admin call acts for (docs/shared-sandbox.md, README "A shared sandbox"):
 *  - `admin`: it sent `Authorization: Bearer <DOKU_ADMIN_TOKEN>`: every merchant;
 *  - `merchant`: it sent `Authorization: Bearer <a merchant's client secret>` (naming the merchant
 *    with `X-PARTNER-ID` or `clientId` where two share a secret): that merchant only. Every secret
 *    is compared in constant time, whichever matches. A call that
 *    names no merchant acts on that one, a call naming another is refused, and another merchant's
 *    records are "not found";
 *  - `open`: neither, while DOKU_ADMIN_TOKEN is unset and DOKU_MERCHANT_ISOLATION=off (the
 *    default, one developer's sandbox): every merchant, as `admin`.
 * Otherwise the call is refused (401), but for registering a merchant under isolation, which is
 * how a CI job brings its own.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Deps } from '../deps.js';
import { MockError } from '../scenario/mock-error.js';
import { clientIdOf } from './client-id.js';

export type Scope = { kind: 'admin' } | { kind: 'open' } | { kind: 'merchant'; clientId: string } | { kind: 'registrant' };

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function scopeMiddleware(deps: Deps): RequestHandler {
  const { adminToken, merchantIsolation } = deps.config;
  return (req, res, next) => {
    const bearer = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    const set = (scope: Scope) => void ((res.locals.scope = scope), next());
    if (bearer !== undefined && adminToken && same(bearer, adminToken)) return set({ kind: 'admin' });
    if (bearer !== undefined) {
      const matching = deps.merchants.list().filter((m) => same(bearer, m.clientSecret));
      // two merchants may share a secret: then the name the call gives says which (X-PARTNER-ID first)
      const named = matching.length > 1 ? (req.get('x-partner-id') ?? clientIdOf(req)) : undefined;
      const chosen = matching.length === 1 ? matching[0] : matching.find((m) => m.clientId === named);
      if (chosen) return set({ kind: 'merchant', clientId: chosen.clientId });
      if (matching.length > 1) return next(new MockError('several merchants have this secret: name yours with X-PARTNER-ID', {}, 401));
    }
    if (!adminToken && merchantIsolation === 'off') return set({ kind: 'open' });
    if (merchantIsolation === 'enforced' && req.method === 'POST' && req.path === '/merchants') return set({ kind: 'registrant' });
    const merchantWay = merchantIsolation === 'enforced' || !adminToken ? ' or, for one merchant, Bearer <its client secret>' : '';
    next(new MockError(`the admin API needs Authorization: Bearer <DOKU_ADMIN_TOKEN>${merchantWay}`, {}, 401));
  };
}

export const scopeOf = (res: Response): Scope => res.locals.scope as Scope;

/** The merchant a call acts on: the one it names (a merchant may name only itself), or undefined for every one. */
export function targetOf(req: Request, res: Response): string | undefined {
  const scope = scopeOf(res);
  const named = clientIdOf(req);
  if (scope.kind !== 'merchant') return named;
  if (named !== undefined && named !== scope.clientId)
    throw new MockError(`this credential is merchant "${scope.clientId}"'s: it cannot act on "${named.slice(0, 80)}"`, {}, 403);
  return scope.clientId;
}

/** Whether the call may see or change a record of `clientId` (else the route answers "not found"). */
export function mayAct(res: Response, clientId: string): boolean {
  const scope = scopeOf(res);
  return scope.kind === 'admin' || scope.kind === 'open' || (scope.kind === 'merchant' && scope.clientId === clientId);
}
