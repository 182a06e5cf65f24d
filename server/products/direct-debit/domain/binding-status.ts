/**
 * Card binding states (docs/doku.md §4.6): PENDING_OTP → ACTIVE → PENDING_UNBIND → INACTIVE, with FAILED
 * (too many wrong OTPs) and EXPIRED (OTP lifetime over). Time-driven moves are computed when read,
 * so no timers are needed and a restart changes nothing.
 */
import type { BindingStatus, Binding } from '../../../store/types.js';

export function statusAt(b: Binding, now: number): BindingStatus {
  if (b.status === 'PENDING_UNBIND' && b.inactiveAt !== undefined && now >= b.inactiveAt) return 'INACTIVE';
  if (b.status === 'PENDING_OTP' && now >= b.otpExpiresAt) return 'EXPIRED';
  return b.status;
}

/** A card binding that can pay and be unbound. */
export const isActive = (b: Binding, now: number): boolean => statusAt(b, now) === 'ACTIVE';

/** Still holds the card for its customer (duplicate-card rule, docs/doku.md §4: one card, one customer). */
export const holdsCard = (b: Binding, now: number): boolean => ['ACTIVE', 'PENDING_UNBIND'].includes(statusAt(b, now));

/** `5221********7890`: what DOKU shows for a card (cardPan in OTP verification, docs/doku.md §5). */
export function maskCardNo(cardNo: string): string {
  return cardNo.length <= 10 ? '*'.repeat(cardNo.length) : cardNo.slice(0, 4) + '*'.repeat(cardNo.length - 8) + cardNo.slice(-4);
}
