/**
 * The shipped scenario library, as data: one scenario per documented response code of every
 * endpoint (snap/endpoint-codes.ts), named `<endpoint>-<what>`, plus hand-designed ones for timing,
 * pending payments and sticky refunds. `npm run scenarios` writes them to scenarios/*.json.
 */
import { ENDPOINTS } from '../endpoints/index.js';
import { DOCUMENTED_CASES } from '../snap/endpoint-codes.js';
import { CASES, type CaseKey } from '../snap/response-codes.js';
import type { Scenario } from './types.js';

export const PREFIX: Record<string, string> = {
  'token-b2b': 'token',
  'token-b2b2c': 'customer-token',
  'card-bind': 'card-bind',
  'otp-verification': 'otp',
  payment: 'payment',
  'check-status': 'status',
  refund: 'refund',
  'balance-inquiry': 'balance',
  'card-unbind': 'card-unbind',
  'account-binding': 'account-bind',
  'account-unbinding': 'account-unbind',
};

const SLUG: Partial<Record<CaseKey, string>> = {
  '202_00': 'in-progress',
  '400_00': 'bad-request',
  '400_01': 'invalid-field-format',
  '400_02': 'invalid-mandatory-field',
  '401_00': 'invalid-signature',
  '401_01': 'invalid-token',
  '401_02': 'invalid-customer-token',
  '401_03': 'token-not-found',
  '401_04': 'customer-token-not-found',
  '405_01': 'not-allowed-now',
  '409_00': 'conflict',
  '409_01': 'duplicate',
  '500_00': 'general-error',
  '504_00': 'timeout',
};

const slug = (endpoint: string, k: CaseKey) =>
  endpoint === 'refund' && k === '404_13'
    ? 'exceeds-amount'
    : (SLUG[k] ??
      CASES[k]
        .replace(/\[(reason|info)\]|\{field\}/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''));

const code = (k: CaseKey) => `${k.slice(0, 3)}xx${k.slice(4)}`;

function forced(endpoint: string, k: CaseKey): Scenario {
  const section = {
    'token-b2b': 'docs/doku.md §3.1',
    'token-b2b2c': 'docs/doku.md §3.2',
    'card-bind': 'docs/doku.md §4.5',
    'otp-verification': 'docs/doku.md §5',
    'card-unbind': 'docs/doku.md §6.3',
    payment: 'docs/doku.md §7.3',
    refund: 'docs/doku.md §8.3',
    'check-status': 'docs/doku.md §9',
    'balance-inquiry': 'docs/doku.md §10.1',
    'account-binding': 'docs/doku.md §10.2',
    'account-unbinding': 'docs/doku.md §10.3',
  }[endpoint];
  const what = slug(endpoint, k);
  return {
    name: what.startsWith(`${PREFIX[endpoint]}-`) ? what : `${PREFIX[endpoint]}-${what}`,
    description: `${endpoint} answers ${k.slice(0, 3)} "${CASES[k]}" (case ${k.slice(4)}); nothing changes in state.`,
    source: `${section}, §11.2`,
    apply: { [endpoint]: { responseCode: code(k), stage: 'business', delayMs: 0, drop: false, execute: false } },
  };
}

const rule = (r: Record<string, unknown> = {}) => ({ stage: 'business' as const, delayMs: 0, drop: false, execute: false, ...r });

const SPECIAL: Scenario[] = [
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
  {
    name: 'all-general-error',
    description: 'Every DOKU endpoint answers 500 "General Error" after its security checks.',
    apply: Object.fromEntries(ENDPOINTS.map((e) => [e.name, rule({ responseCode: '500xx00' })])),
  },
  {
    name: 'all-gateway-down',
    description: 'Every DOKU endpoint, tokens included, answers 504 "Timeout" before any check: a gateway outage.',
    apply: Object.fromEntries(ENDPOINTS.map((e) => [e.name, rule({ responseCode: '504xx00', stage: 'auth' })])),
  },
];

/**
 * Answers that break parsers, per endpoint (issue #25 item 8): DOKU says new fields may appear
 * (docs/doku.md §10.4), and optional keys may be missing. Each scenario runs the normal handler
 * and shapes its answer. Where an SDK is known to fail on it, the description says so.
 */
const EXTRA_KEY = { newFieldFromDoku: 'DOKU may add fields: parse answers non-strictly' };
const PARSER: Record<string, { extra?: Record<string, unknown>; extraWhy?: string; omit?: string; omitWhy?: string }> = {
  'token-b2b': { omit: 'expiresIn', omitWhy: 'Go reads it as a number of seconds; Java assumes 900 without it' },
  'token-b2b2c': { omit: 'refreshTokenExpiryTime' },
  'card-bind': { omit: 'additionalInfo' },
  'otp-verification': { omit: 'tokenExpiryTime' },
  payment: {
    omit: 'webRedirectUrl',
    omitWhy: "PHP reads it without checking it exists (docs/sdks.md); DANA's answers may lack keys too (PHP's PR #34: additionalInfo)",
  },
  'check-status': { omit: 'additionalInfo' },
  refund: {
    extra: { additionalInfo: { channel: 'EMONEY_SHOPEE_PAY_SNAP' } },
    extraWhy: "DOKU's ShopeePay refund answer carries additionalInfo, on which Python's RefundResponse(**json) raises",
    omit: 'refundTime',
  },
  'balance-inquiry': {},
  'card-unbind': { omit: 'referenceNo' },
  'account-binding': { omit: 'additionalInfo', omitWhy: 'PHP reads additionalInfo.accountStatus and authCode unguarded' },
  'account-unbinding': { omit: 'referenceNo' },
};

function parserScenarios(): Scenario[] {
  return Object.entries(PARSER).flatMap(([endpoint, p]) => [
    {
      name: `${PREFIX[endpoint]}-extra-answer-key`,
      description: `${endpoint} works normally and its answer carries a key no SDK's DTO knows${p.extraWhy ? `: ${p.extraWhy}` : ' (Python refuses unknown top-level keys)'}.`,
      source: 'docs/doku.md §10.4 (new fields may appear), docs/sdks.md',
      apply: { [endpoint]: rule({ addKeys: p.extra ?? EXTRA_KEY }) },
    },
    ...(p.omit
      ? [
          {
            name: `${PREFIX[endpoint]}-missing-answer-key`,
            description: `${endpoint} works normally and its answer has no "${p.omit}"${p.omitWhy ? `: ${p.omitWhy}` : ''}.`,
            source: 'docs/sdks.md',
            apply: { [endpoint]: rule({ omitKeys: [p.omit] }) },
          },
        ]
      : []),
  ]);
}

export function scenarioLibrary(): Scenario[] {
  const special = new Set(SPECIAL.map((s) => s.name));
  const generated = Object.entries(DOCUMENTED_CASES)
    .flatMap(([endpoint, cases]) => cases.map((k) => forced(endpoint, k)))
    .filter((s) => !special.has(s.name));
  return [...generated, ...SPECIAL, ...parserScenarios()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The README's list of shipped scenarios, one line per endpoint. */
export function scenarioListMarkdown(unsorted: readonly Scenario[]): string {
  const list = [...unsorted].sort((a, b) => a.name.localeCompare(b.name));
  const lines = ENDPOINTS.map((e) => {
    const names = list.filter((s) => Object.keys(s.apply).length === 1 && s.apply[e.name]).map((s) => `\`${s.name}\``);
    return `- **${e.name}**: ${names.join(', ')}`;
  });
  const multi = list.filter((s) => Object.keys(s.apply).length > 1).map((s) => `\`${s.name}\``);
  return [...lines, `- **several endpoints**: ${multi.join(', ')}`].join('\n');
}
