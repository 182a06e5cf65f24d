/**
 * Every environment variable the sandbox reads: name, default, meaning, and the spec point it
 * settles (docs/settings.md lists where DOKU's sources disagree; each choice is a setting here).
 * `docs/settings.md` documents the same list; a test fails if the two drift.
 */
export type Kind = 'int' | 'bool' | 'string' | 'list' | 'enum';

export interface SettingSpec {
  env: string;
  kind: Kind;
  default: string;
  values?: readonly string[];
  secret?: boolean;
  doc: string;
}

const s = <E extends string>(env: E, kind: Kind, def: string, doc: string, extra: Partial<SettingSpec> = {}): SettingSpec & { env: E } => ({
  ...extra,
  env,
  kind,
  default: def,
  doc,
});

export const SETTINGS = [
  s('PORT', 'int', '3000', 'TCP port to listen on; `0` picks a free one (the "listening" log line names it).'),
  s('HOST', 'string', '127.0.0.1', 'Interface to bind; the Docker image sets 0.0.0.0.'),
  s(
    'DOKU_CLIENT_ID',
    'string',
    '',
    'Merchant client id (X-CLIENT-KEY / X-PARTNER-ID). Unset with the two below: the demo merchant of fixtures/.',
  ),
  s('DOKU_CLIENT_SECRET', 'string', '', 'Merchant client secret: the HMAC-SHA512 key (docs/doku.md §2.2).', { secret: true }),
  s(
    'DOKU_PUBLIC_KEY_PEM',
    'string',
    '',
    'Path to the merchant RSA public key (PEM, SPKI or PKCS#1) that verifies token requests (docs/doku.md §2.1).',
  ),
  s(
    'DOKU_SHARED_KEY',
    'string',
    '',
    'cardData AES key source; empty = the client secret, as every SDK does. Both are tried (docs/doku.md §4.3, docs/settings.md #3).',
    { secret: true },
  ),
  s(
    'DOKU_MERCHANTS_FILE',
    'string',
    '',
    'A JSON file of more merchants, loaded at start beside the one above (or the demo): `[{"clientId", "clientSecret", "publicKeyPem", "sharedKey"?, "notificationUrl"?, "tokenUrl"?}]`. More can be registered at run time: `POST /__mock/merchants`.',
  ),
  s('DOKU_DB_FILE', 'string', 'data/doku-sandbox.json', 'lowdb JSON state file; `:memory:` keeps state in memory only.'),
  s('DOKU_SCENARIOS_DIR', 'string', '', 'Folder of scenario files; empty = the scenarios/ folder shipped with the sandbox.'),
  s(
    'DOKU_ADMIN_TOKEN',
    'string',
    '',
    "When set, /__mock admin routes need `Authorization: Bearer <token>`, all but /__mock/health (probes), /__mock/openapi.json (it describes the API and holds no state, so API tools and code generators can fetch it) /__mock/doku-public-key (public, as DOKU's is) and the /__mock/ui page (it holds no data; its data calls need the token).",
    { secret: true },
  ),
  s(
    'DOKU_MERCHANT_ISOLATION',
    'enum',
    'off',
    '`enforced`: an admin call acts only on the merchant whose client secret it sends as `Authorization: Bearer <clientSecret>` (with `X-PARTNER-ID` or `clientId` naming it), or on any with DOKU_ADMIN_TOKEN; calls without either are refused but for registering a merchant. `off`: anyone who may call the admin API acts on every merchant (docs/shared-sandbox.md).',
    { values: ['off', 'enforced'] },
  ),
  s(
    'DOKU_ALLOWED_HOSTS',
    'list',
    '',
    'More `Host` names the admin API and dashboard answer to, beside loopback names, `*.localhost`, `*.internal`, IP addresses, single-label names (container services such as `doku`), HOST and DOKU_PUBLIC_URL: e.g. `sandbox.ci.example.com`; `*` = any. Others are refused (DNS rebinding: docs/shared-sandbox.md).',
  ),
  s(
    'DOKU_ALLOWED_ORIGINS',
    'list',
    '',
    "Origins of web pages allowed to call the admin API from a browser (e.g. `http://localhost:5173`), beside the sandbox's own dashboard. Requests from any other page are refused, as are non-JSON bodies on changing calls, so a form or a `no-cors` fetch cannot drive the sandbox.",
  ),
  s(
    'DOKU_OUTBOUND_HOSTS',
    'list',
    '*',
    'The hosts the sandbox may send notifications, token requests and verifier checks to: host names, `host:port`, or `*.example.com`; `*` = any (default: a receiver may be anywhere a CI job runs). Never the sandbox itself, whatever this says.',
  ),
  s(
    'DOKU_NOTIFICATIONS_PER_MERCHANT',
    'int',
    '1000',
    "Notification records kept per merchant in the delivery log (and the state): past it that merchant's oldest finished ones go; one still to be delivered is never dropped, and /health and the delivery log say when a merchant has more than this many of those.",
  ),
  s('DOKU_EVENTS_MAX', 'int', '32', 'Clients that may follow /__mock/events at once (dashboard tabs); one more is answered 503.'),
  s(
    'DOKU_JOURNAL_SIZE',
    'int',
    '500',
    'Requests kept in the /__mock/requests journal, oldest dropped first: this many, or fewer if they need more than 4 KiB each on average (a signed payment with a customer token needs ~2.5 KiB). 0 keeps none.',
  ),
  s(
    'DOKU_PUBLIC_URL',
    'string',
    '',
    "Base URL a browser uses to reach the sandbox (hosted OTP page links). Empty = derived from each request's Host header.",
  ),
  s(
    'DOKU_SANDBOX_PRIVATE_KEY_PEM',
    'string',
    '',
    'Path to the RSA private key that signs issued JWTs. Empty = the TEST-ONLY key in fixtures/keys.',
  ),
  s(
    'DOKU_NOTIFICATION_URL',
    'string',
    '',
    "Where the sandbox, acting as DOKU, POSTs the merchant's payment notifications (docs/doku.md §10.4), e.g. `http://localhost:8080/v1.0/debit/notify`. Empty = none are sent (the delivery log at /__mock/notifications says so).",
  ),
  s(
    'DOKU_MERCHANT_TOKEN_URL',
    'string',
    '',
    "The merchant's own B2B token endpoint, asked for a token before each notification with an RSA signature by the sandbox's key (docs/doku.md §2.3). Empty = the sandbox sends a token it made itself.",
  ),
  s(
    'DOKU_NOTIFICATION_RETRY',
    'string',
    'compressed',
    "When a notification not answered 2xx is sent again, counted from the first attempt: `doku` (30 min, 6 h, 12 h, DOKU's schedule), `compressed` (DOKU's ÷ 180: 10 s, 2 min, 4 min), or seconds, comma-separated (`1,5,30`; empty list `none`).",
  ),
  s(
    'DOKU_NOTIFICATION_RETRY_UNTIL',
    'enum',
    '2xx',
    'Retries stop at a 2xx answer (`2xx`), or at any HTTP answer (`any`): DOKU\'s page says "once we receive a response" (docs/doku.md §10.4).',
    { values: ['2xx', 'any'] },
  ),
  s(
    'DOKU_NOTIFICATION_SIGNED_TOKEN',
    'enum',
    'authorization',
    "Which token a notification's X-SIGNATURE covers, which DOKU does not say (docs/doku.md §10.4): `authorization` (the one sent in Authorization), `empty` (PHP's helper), `doku-issued` (a B2B token the sandbox issued the merchant, Node's helper). The verifier check reports which readings a handler accepts.",
    { values: ['authorization', 'empty', 'doku-issued'] },
  ),
  s(
    'DOKU_NOTIFICATION_CUSTOMER_TOKEN',
    'enum',
    'send',
    "`send`: notifications carry Authorization-Customer (DOKU's header list) with the merchant's own token, which the Go, Java and Python helpers validate; `none`: they do not.",
    { values: ['send', 'none'] },
  ),
  s(
    'DOKU_NOTIFICATION_TIMEOUT_MS',
    'int',
    '5000',
    'How long one notification attempt (token request and POST together) may take before it counts as failed.',
  ),
  s(
    'DOKU_ISSUER_PAGE',
    'string',
    'DIRECT_DEBIT_BRI_SNAP:SALE,DIRECT_DEBIT_MANDIRI_SNAP:SALE,DIRECT_DEBIT_CIMB_SNAP:ALWAYS',
    'Bank direct-debit channels whose payments the customer verifies on the issuer\'s page (OTP and/or PIN) before they are paid, as DOKU\'s tokenization scheme does (docs/doku.md §7.5): `CHANNEL:SALE` (only a payment with `paymentType: "SALE"`) or `CHANNEL:ALWAYS`; `none` = every bank payment is paid at once, as before.',
  ),
  s(
    'DOKU_OTP_LENGTH_MODE',
    'enum',
    '',
    'A payment\'s `otp`: `lenient` = up to 8 characters, checked against DOKU_OTP; `strict` = exactly 8 digits, as DOKU\'s KKI page says ("min: 8 max: 8"). Empty = DOKU_STRICT.',
    { values: ['lenient', 'strict'] },
  ),
  s(
    'DOKU_BIND_CHARGE_TOKEN',
    'enum',
    'additionalInfo',
    "Where the card-bind answer carries `chargeToken` (the otp-verification handle DOKU's KKI binding page lists): `additionalInfo` (every SDK reads it), `top` (as DOKU's page shows it; DOKU's Python SDK then refuses the answer: its DTO takes no unknown key), `none`.",
    { values: ['additionalInfo', 'top', 'none'] },
  ),
  s(
    'DOKU_PIN',
    'string',
    '123456',
    "The PIN the sandbox's issuer page accepts where the bank asks for one (CIMB), beside the OTP (DOKU_OTP).",
  ),
  s(
    'DOKU_WAITING_STATUS',
    'enum',
    'snap',
    "latestTransactionStatus of a payment waiting on a customer's page (e-wallet, issuer OTP/PIN) and of one whose page closed: `snap` = `01` Initiated, then `05` Canceled when it expires or is cancelled (SNAP, DANA); `legacy` = `03` Pending and `06` Failed.",
    { values: ['snap', 'legacy'] },
  ),
  s(
    'DOKU_JUMPAPP_SUCCESS_CODE',
    'enum',
    '2005400',
    "responseCode of an accepted e-wallet (jump app) payment: `2005400` (the payment service's), or `2000500` as DOKU's DANA page shows it, which PHP SDKs before PR #32 (2025-04-15) expect (docs/doku.md §7.4).",
    { values: ['2005400', '2000500'] },
  ),
  s('DOKU_STRICT', 'bool', 'false', 'Default for every `*_MODE` setting below: `true` = strict, `false` = lenient.'),
  s(
    'DOKU_DEVICE_ID_MODE',
    'enum',
    '',
    "lenient: an e-wallet (jump app) payment without X-DEVICE-ID is accepted (DOKU's Node SDK never sends it, docs/sdks.md); strict: `4005402 {X-DEVICE-ID}`, as DOKU's pages require (docs/doku.md §7.4).",
    { values: ['lenient', 'strict'] },
  ),
  s(
    'DOKU_SIGNATURE_MODE',
    'enum',
    '',
    'lenient: body hash over the re-serialised, raw, whitespace-stripped or ASCII-escaped body, keyed by client secret or shared key; strict: re-serialised body and client secret only (docs/doku.md §2.2, docs/sdks.md).',
    { values: ['lenient', 'strict'] },
  ),
  s(
    'DOKU_TIMESTAMP_MODE',
    'enum',
    '',
    "lenient: `Z` or `±HH:MM`, optional millis; strict: `±HH:MM` only, as DOKU's binding page (docs/doku.md §1.3, docs/settings.md #5).",
    { values: ['lenient', 'strict'] },
  ),
  s(
    'DOKU_TIMESTAMP_SKEW_SECONDS',
    'int',
    '0',
    'Reject X-TIMESTAMP further than this from the server clock; 0 = no window, as DOKU documents none (docs/settings.md #6).',
  ),
  s(
    'DOKU_EXTERNAL_ID_MODE',
    'enum',
    '',
    'lenient: X-EXTERNAL-ID 1–64 chars; strict: numeric, ≤36 as SNAP says (docs/doku.md §1.4, docs/settings.md #7).',
    {
      values: ['lenient', 'strict'],
    },
  ),
  s(
    'DOKU_CHANNEL_MODE',
    'enum',
    '',
    'lenient: additionalInfo.channel in DOKU_CHANNELS or any `^[A-Z0-9_]{3,64}$`; strict: DOKU_CHANNELS only (docs/doku.md §1.7, docs/settings.md #13, #29).',
    { values: ['lenient', 'strict'] },
  ),
  s(
    'DOKU_CHANNELS',
    'list',
    'DIRECT_DEBIT_ALLO_SNAP,DIRECT_DEBIT_CIMB_SNAP,DIRECT_DEBIT_MANDIRI_SNAP,DIRECT_DEBIT_BRI_SNAP,EMONEY_OVO_SNAP,EMONEY_SHOPEE_PAY_SNAP,EMONEY_DANA_SNAP,DIRECT_DEBIT_KKI_SNAP',
    'Known additionalInfo.channel values; the KKI value is unpublished, so DIRECT_DEBIT_KKI_SNAP is a placeholder (docs/settings.md #13).',
  ),
  s(
    'DOKU_BIND_FIELDS_MODE',
    'enum',
    '',
    "lenient: phoneNo and success/failedRegistrationUrl optional on card bind, as DOKU's KKI Postman body; strict: mandatory, as the SDKs (docs/settings.md #24).",
    { values: ['lenient', 'strict'] },
  ),
  s(
    'DOKU_EMPTY_FIELDS_MODE',
    'enum',
    '',
    'lenient: `null`, `""` and `{}` in an optional body field (also inside cardData) mean "not given", as DOKU\'s PHP and Python SDKs send `null` and Go `""` / `{}` for every unset field (docs/sdks.md); strict: refused as 400xx01 Invalid Field Format. In a mandatory field they are 400xx02 in both modes.',
    { values: ['lenient', 'strict'] },
  ),
  s(
    'DOKU_CARDDATA_CRYPTOJS',
    'bool',
    'false',
    "Also accept the CryptoJS `U2FsdGVkX1…` cardData of DOKU's binding page example (docs/settings.md #2).",
  ),
  s(
    'DOKU_UNBIND_TOKEN_FIELD',
    'bool',
    'true',
    "Card unbind also accepts SNAP's `token` field besides DOKU's `tokenId` (docs/settings.md #16).",
  ),
  s(
    'DOKU_UNBIND_DELAY_SECONDS',
    'int',
    '0',
    'Seconds a card stays PENDING_UNBIND before INACTIVE; DOKU deactivates asynchronously (docs/settings.md #17). It cannot pay meanwhile.',
  ),
  s(
    'DOKU_REFUND_SERVICE_CODE',
    'enum',
    '07',
    "Service code of refund answers: `07` as DOKU's KKI page (`2000700`), `58` as SNAP (`2005800`) (docs/doku.md §8, docs/settings.md #1).",
    { values: ['07', '58'] },
  ),
  s(
    'DOKU_REPLAY_STATUS',
    'enum',
    '409',
    'HTTP status of a replayed answer (same X-EXTERNAL-ID, same body): `409` as DOKU documents, or `original` (docs/doku.md §12, docs/settings.md #9).',
    { values: ['409', 'original'] },
  ),
  s(
    'DOKU_STATUS_NOT_FOUND',
    'enum',
    '404',
    'Check status for an unknown transaction: `404` = `4045501 Transaction Not Found`; `200` = `2005500` with latestTransactionStatus `07` (docs/doku.md §9).',
    { values: ['404', '200'] },
  ),
  s(
    'DOKU_CPAN_MODE',
    'enum',
    '',
    'lenient: a CPAN-only payment needs no Authorization-Customer; strict: every payment does, as the KKI page (docs/settings.md #12, #28).',
    { values: ['lenient', 'strict'] },
  ),
  s(
    'DOKU_REFERENCE_LENGTH_MODE',
    'enum',
    '',
    "lenient: partnerReferenceNo and partnerRefundNo up to 64 chars (SNAP, SDKs); strict: the KKI page's 32 and 12 (docs/settings.md #10, #11).",
    { values: ['lenient', 'strict'] },
  ),
  s(
    'DOKU_OTP',
    'list',
    '12345678,123456',
    'OTPs the hosted page and otp-verification accept: 8 digits as the KKI page, 6 for legacy clients (docs/doku.md §5, docs/settings.md #25).',
    { secret: false },
  ),
  s('DOKU_OTP_MAX_ATTEMPTS', 'int', '3', 'Wrong OTPs before the binding fails with 403xx11 OTP Blocked (docs/doku.md §4.6).'),
  s('DOKU_OTP_TTL_SECONDS', 'int', '300', 'OTP lifetime; after it 403xx12 OTP Lifetime Expired (SNAP: 5 min, docs/doku.md §4.6).'),
  s(
    'DOKU_TOKEN_TTL_SECONDS',
    'int',
    '900',
    'B2B access-token lifetime, sent as `expiresIn` (a number, docs/settings.md #18). Raise it for long-lived SDK processes: the Node SDK never refreshes (docs/sdks.md).',
  ),
  s('DOKU_B2B2C_TTL_SECONDS', 'int', '900', 'Customer (B2B2C) access-token lifetime (docs/settings.md #19).'),
  s('DOKU_REFRESH_TTL_SECONDS', 'int', '1296000', 'B2B2C refresh-token lifetime (15 days, SNAP).'),
  s(
    'DOKU_AUTH_CODE_MODE',
    'enum',
    '',
    "lenient: an unexpired authCode of an ACTIVE binding may be exchanged again by its merchant (a new customer token for the same binding), as DOKU's Java SDK re-exchanges it before every payment, refund and balance call (docs/sdks.md); strict: single use. DOKU documents neither (docs/doku.md §3.2).",
    { values: ['lenient', 'strict'] },
  ),
  s(
    'DOKU_B2B2C_EXPIRES_IN',
    'bool',
    'false',
    'Add `expiresIn` to the B2B2C answer: the Node SDK needs it for its callback JWTs, the Python SDK rejects unknown keys (docs/sdks.md).',
  ),
  s(
    'DOKU_BALANCE_MIN',
    'int',
    '1000000',
    'Smallest generated balance (IDR) of a newly active binding; balances are faker-made, stable, and moved by payments and refunds.',
  ),
  s('DOKU_BALANCE_MAX', 'int', '25000000', 'Largest generated balance (IDR) of a newly active binding.'),
  s(
    'DOKU_IDEMPOTENCY_MAX',
    'int',
    '10000',
    'Stored answers kept per Asia/Jakarta day for X-EXTERNAL-ID replays; past it the oldest go first (memory stays bounded under steady traffic).',
  ),
  s('DOKU_MAX_BODY_BYTES', 'int', '1048576', 'Larger request bodies are answered 400xx00 Bad Request.'),
  s(
    'DOKU_REQUEST_TIMEOUT_SECONDS',
    'int',
    '30',
    "A request's headers and body must arrive within this many seconds, or the connection is answered 400xx00 and closed (a stuck client no longer holds a socket for Node's 5 minutes). Slow answers (a scenario's hangMs) are not limited by it.",
  ),
  s(
    'DOKU_DB_FLUSH_MS',
    'int',
    '0',
    'Group-commit window: changes arriving within it share one write-ahead log append (0 = the same turn of the event loop). Answers wait for their append.',
  ),
  s(
    'DOKU_DB_SYNC',
    'enum',
    'write',
    '`write`: each batch is handed to the kernel before its answers are sent (survives the process being killed); `fsync`: also fdatasync (survives power loss; ~2 ms per batch here). See docs/performance.md.',
    { values: ['write', 'fsync'] },
  ),
  s(
    'DOKU_DB_COMPACT_EVERY',
    'int',
    '20000',
    'Write-ahead log lines after which the log is folded into the JSON snapshot, in the background, once the log is also at least as large as the snapshot (so the cost of a write does not grow with the data).',
  ),
  s('DOKU_FAKER_SEED', 'string', '', 'Seed for generated references, ids and names; empty = random.'),
  s('DOKU_LOG_LEVEL', 'enum', 'info', 'pino log level.', { values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] }),
] as const satisfies readonly SettingSpec[];

export type SettingEnv = (typeof SETTINGS)[number]['env'];
export const KNOWN_ENV_VARS: readonly string[] = SETTINGS.map((x) => x.env);
