/**
 * One OTP attempt against a pending card binding, shared by the H2H otp-verification endpoint and
 * the hosted OTP page (DH). docs/doku.md §4.6 and docs/doku.md §5: wrong OTP `404xx15`, too many `403xx11`, expired
 * `403xx12`; a card another customer got meanwhile `409xx01`; success activates the binding and
 * issues its bankCardToken. The caller commits.
 */
import type { Deps } from '../../../deps.js';
import { snapError, type SnapError } from '../../../snap/errors.js';
import type { Binding } from '../../../store/types.js';
import { holdsCard, statusAt } from './binding-status.js';

export type OtpOutcome = { ok: true; binding: Binding } | { ok: false; error: SnapError; final: boolean };

export function verifyBindingOtp(binding: Binding, otp: string, deps: Deps, now: number): OtpOutcome {
  const { store, config } = deps;
  const status = statusAt(binding, now);
  if (status === 'EXPIRED') {
    store.updateBinding(binding, { status: 'EXPIRED' });
    return fail('403_12', 'the OTP lifetime is over: bind the card again', true);
  }
  if (status === 'FAILED') return fail('403_11', 'too many wrong OTPs: bind the card again', true);
  if (status !== 'PENDING_OTP') return fail('404_00', `the binding is ${status}, not waiting for an OTP`, true);

  if (!config.otpCodes.includes(otp)) {
    const attempts = binding.otpAttempts + 1;
    if (attempts >= config.otpMaxAttempts) {
      store.updateBinding(binding, { otpAttempts: attempts, status: 'FAILED' });
      return fail('403_11', `${attempts} wrong OTPs: the binding has failed`, true);
    }
    store.updateBinding(binding, { otpAttempts: attempts });
    return fail('404_15', `wrong OTP; ${config.otpMaxAttempts - attempts} attempt(s) left (sandbox OTP: ${config.otpCodes[0]})`, false);
  }

  // One card, one customer per merchant (docs/doku.md §4): card bind refuses a card another customer
  // holds, but two customers may both be waiting for their OTP; the first to finish keeps the card.
  const others = store.bindings
    .withInstrument(binding.fingerprint)
    .filter((o) => o !== binding && o.clientId === binding.clientId && holdsCard(o, now));
  if (others.some((o) => o.custIdMerchant !== binding.custIdMerchant)) {
    store.updateBinding(binding, { status: 'FAILED' });
    return fail('409_01', 'another customer of this merchant bound this card or account while this binding waited for its OTP', true);
  }
  // Re-binding the same card for the same customer replaces the earlier active binding.
  for (const other of others) if (statusAt(other, now) === 'ACTIVE') store.updateBinding(other, { status: 'INACTIVE', inactiveAt: now });
  const balance = deps.ids.balance(config.balanceMin, config.balanceMax);
  store.updateBinding(binding, { status: 'ACTIVE', bankCardToken: deps.ids.bankCardToken(), activatedAt: now, balance });
  return { ok: true, binding };
}

const fail = (caseKey: Parameters<typeof snapError>[0], reason: string, final: boolean): OtpOutcome => ({
  ok: false,
  error: snapError(caseKey, reason),
  final,
});
