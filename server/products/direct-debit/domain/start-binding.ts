/**
 * A new binding waiting for its OTP (docs/doku.md §4.6), card or account: the generated references, the
 * OTP clock, and the single-use authCode that becomes redeemable once the binding is ACTIVE.
 */
import type { Deps } from '../../../deps.js';
import type { Binding } from '../../../store/types.js';

/** authCode lifetime: undocumented by DOKU; one hour, single use (docs/settings.md). */
export const AUTH_CODE_TTL_SECONDS = 3600;

type Given = Omit<
  Binding,
  'referenceNo' | 'status' | 'sessionId' | 'chargeToken' | 'otpAttempts' | 'otpExpiresAt' | 'authCode' | 'createdAt'
>;

export function startBinding(deps: Deps, now: number, given: Given): Binding {
  const binding: Binding = {
    ...given,
    referenceNo: deps.ids.referenceNo(now),
    status: 'PENDING_OTP',
    sessionId: deps.ids.sessionId(),
    chargeToken: deps.ids.chargeToken(),
    otpAttempts: 0,
    otpExpiresAt: now + deps.config.otpTtlSeconds * 1000,
    authCode: deps.ids.authCode(),
    createdAt: now,
  };
  deps.store.insertBinding(binding);
  deps.store.saveAuthCode({
    authCode: binding.authCode!,
    clientId: binding.clientId,
    bindingRef: binding.referenceNo,
    exp: Math.floor(now / 1000) + AUTH_CODE_TTL_SECONDS,
    used: false,
  });
  return binding;
}
