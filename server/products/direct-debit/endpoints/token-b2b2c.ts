/**
 * POST /authorization/v1/access-token/b2b2c — service 74 (docs/doku.md §3.2). Exchanges the authCode of
 * a binding (or a refresh token) for a customer token bound to that binding. The same authCode may
 * be exchanged again while it is unexpired and its binding ACTIVE, because DOKU's Java SDK does so
 * before every payment, refund and balance call (docs/sdks.md); single use with
 * DOKU_AUTH_CODE_MODE=strict. An unknown, expired, foreign (or, strict, used) authCode is `4017400
 * Unauthorized. Invalid authCode` (no DOKU source defines it; docs/doku.md §3.2 recommends this).
 */
import { z } from 'zod';
import { issueJwt } from '../../../auth/jwt.js';
import { isActive } from '../domain/binding-status.js';
import { H } from '../../../snap/headers.js';
import { SERVICE_CODES } from '../../../snap/response-codes.js';
import { unauthorized } from '../../../snap/errors.js';
import { formatJakarta } from '../../../snap/timestamp.js';
import type { Ctx, EndpointDefinition, Reply } from '../../../endpoint.js';

const schema = z
  .object({
    // DOKU spells the grants in lower case, SNAP in upper case: both are accepted (docs/doku.md §3.2).
    grantType: z
      .string()
      .min(1)
      .transform((v) => v.toLowerCase())
      .pipe(z.enum(['authorization_code', 'refresh_token'])),
    authCode: z.string().max(256).optional(),
    refreshToken: z.string().max(512).optional(),
    additionalInfo: z.unknown().optional(),
  })
  .superRefine((b, ctx) => {
    const need = b.grantType === 'authorization_code' ? 'authCode' : 'refreshToken';
    if (!b[need]) ctx.addIssue({ code: 'custom', path: [need], message: 'required for this grantType' });
  });

type Body = z.infer<typeof schema>;

export const tokenB2b2c: EndpointDefinition<Body> = {
  name: 'token-b2b2c',
  path: '/authorization/v1/access-token/b2b2c',
  serviceCode: () => SERVICE_CODES.tokenB2b2c,
  auth: 'asymmetric',
  schema: () => schema,
  async handle(ctx) {
    const bindingRef = ctx.body.grantType === 'authorization_code' ? redeemAuthCode(ctx) : redeemRefreshToken(ctx);
    return issueCustomerToken(ctx, bindingRef);
  },
};

function redeemAuthCode({ deps, body, merchant, now }: Ctx<Body>): string {
  const rec = deps.store.findAuthCode(body.authCode!);
  if (!rec || rec.clientId !== merchant.clientId) throw unauthorized('Invalid authCode', 'authCode unknown for this merchant');
  if (rec.used && deps.config.authCodeMode === 'strict')
    throw unauthorized(
      'Invalid authCode',
      'authCode already exchanged: single use with DOKU_AUTH_CODE_MODE=strict (use the refresh token)',
    );
  if (rec.exp * 1000 < now) throw unauthorized('Invalid authCode', 'authCode expired');
  const binding = deps.store.bindings.byReferenceNo(rec.bindingRef);
  if (!binding || !isActive(binding, now))
    throw unauthorized('Invalid authCode', 'the binding of this authCode is not ACTIVE: complete the OTP first');
  if (!rec.used) deps.store.useAuthCode(rec);
  return rec.bindingRef;
}

function redeemRefreshToken({ deps, body, merchant, now }: Ctx<Body>): string {
  const rec = deps.store.takeRefreshToken(body.refreshToken!);
  if (!rec || rec.clientId !== merchant.clientId || rec.exp * 1000 < now)
    throw unauthorized('Invalid refreshToken', 'refreshToken unknown, used or expired');
  const binding = deps.store.bindings.byReferenceNo(rec.bindingRef);
  if (!binding || !isActive(binding, now))
    throw unauthorized('Invalid refreshToken', 'the binding of this refreshToken is no longer ACTIVE');
  return rec.bindingRef;
}

async function issueCustomerToken({ deps, merchant, now }: Ctx<Body>, bindingRef: string): Promise<Reply> {
  const { config, store, ids } = deps;
  const nowSec = Math.floor(now / 1000);
  const token = {
    jti: ids.tokenId(),
    clientId: merchant.clientId,
    exp: nowSec + config.b2b2cTtlSeconds,
    use: 'B2B2C',
    sub: bindingRef,
    epoch: store.tokenEpochOf(merchant.clientId),
  } as const;
  const refresh = { refreshToken: ids.refreshToken(), clientId: merchant.clientId, bindingRef, exp: nowSec + config.refreshTtlSeconds };
  // the customer token is not stored (its claims name the binding); the refresh token is: single use
  const accessToken = await issueJwt(config.jwtPrivateKey, token);
  store.saveRefreshToken(refresh, nowSec);
  return {
    body: {
      accessToken,
      tokenType: 'Bearer',
      accessTokenExpiryTime: formatJakarta(token.exp * 1000),
      refreshToken: refresh.refreshToken,
      refreshTokenExpiryTime: formatJakarta(refresh.exp * 1000),
      // Only on request: Node needs it for callback JWTs, Python rejects unknown keys (docs/sdks.md).
      ...(config.b2b2cExpiresIn ? { expiresIn: config.b2b2cTtlSeconds } : {}),
    },
    headers: { [H.clientKey]: merchant.clientId },
  };
}
