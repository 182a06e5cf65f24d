/**
 * The direct-debit scenarios designed by hand, beyond one per documented code (scenario/library.ts
 * builds those from catalogue.ts): timing, pending payments, sticky refunds and status checks.
 */
import type { Scenario } from '../../scenario/types.js';

const rule = (r: Record<string, unknown> = {}) => ({ stage: 'business' as const, delayMs: 0, drop: false, execute: false, ...r });

export const SCENARIOS: Scenario[] = [
  {
    name: 'payment-in-progress',
    description:
      'Payment answers 202 "Request In Progress" (2025400) and stays PENDING (status 03); it settles to SUCCESS 10 s later, or now via POST /__mock/payments/{referenceNo}/settle. Status checks follow it.',
    source: 'docs/doku.md §7.3, §1.8',
    apply: { payment: rule({ pending: { settleAfterMs: 10_000, settleTo: 'SUCCESS' } }) },
  },
  {
    name: 'payment-in-progress-then-failed',
    description: 'Like payment-in-progress, but the payment settles to FAILED (status 06, 4035405 Do Not Honor) after 10 s.',
    source: 'docs/doku.md §7.3',
    apply: { payment: rule({ pending: { settleAfterMs: 10_000, settleTo: 'FAILED' } }) },
  },
  {
    name: 'payment-in-progress-until-settled',
    description: 'Payment answers 2025400 and stays PENDING until POST /__mock/payments/{referenceNo}/settle says SUCCESS or FAILED.',
    source: 'docs/doku.md §7.3',
    apply: { payment: rule({ pending: { settleTo: 'SUCCESS' } }) },
  },
  { name: 'payment-slow', description: 'Payment works normally but answers after 3 s.', apply: { payment: rule({ delayMs: 3000 }) } },
  {
    name: 'payment-hang',
    description: 'Payment never answers: the connection is held 60 s, then closed. Nothing is paid.',
    apply: { payment: rule({ hangMs: 60_000 }) },
  },
  {
    name: 'payment-drop-connection',
    description: 'Payment closes the connection without an answer. Nothing is paid.',
    apply: { payment: rule({ drop: true }) },
  },
  {
    name: 'payment-succeeds-but-times-out',
    description:
      'The payment is made (the card is debited, status 00) but the answer never comes: the connection is held 60 s, then closed. Reconcile with check status, or retry with the same X-EXTERNAL-ID to get the stored answer (409).',
    source: 'README, "Scenarios" (a payment that succeeded although the client timed out)',
    apply: { payment: rule({ execute: true, hangMs: 60_000 }) },
  },
  {
    name: 'payment-succeeds-but-connection-drops',
    description: 'The payment is made, then the connection is closed without an answer.',
    source: 'README, "Scenarios" (a payment that succeeded although the client timed out)',
    apply: { payment: rule({ execute: true, drop: true }) },
  },
  {
    name: 'payment-then-refund-fails',
    description: 'Sticky: the payment works normally; every refund of that payment answers 500 "General Error".',
    source: 'README, "Scenarios" (sticky scenarios)',
    apply: { payment: rule(), refund: rule({ responseCode: '500xx00' }) },
  },
  {
    name: 'payment-then-status-pending',
    description:
      'Sticky: the payment works normally, but its status checks answer 404 "Transaction Not Found" as if DOKU had not indexed it yet.',
    apply: { payment: rule(), 'check-status': rule({ responseCode: '404xx01' }) },
  },
];
