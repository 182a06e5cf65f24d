// Generated from server/config/settings.ts by `npm run docs:settings`: do not edit (a test compares).
/** Every setting of the sandbox as a typed option: the same settings as the CLI's environment variables (docs/settings.md). */
export interface SandboxSettings {
  /** TCP port to listen on; `0` picks a free one (the "listening" log line names it). `DOKU_PORT`, when set, is read first: a CI job's own `PORT`, which GitLab passes to services too, then cannot move the sandbox (the image sets `DOKU_PORT=3000`; docs/ci.md). Default `3000`; environment variable `PORT`. */
  port?: number;
  /** Interface to bind. `DOKU_HOST`, when set, is read first, as `DOKU_PORT`; the image sets `DOKU_HOST=0.0.0.0`. Default `127.0.0.1`; environment variable `HOST`. */
  host?: string;
  /** Merchant client id (X-CLIENT-KEY / X-PARTNER-ID). Unset with the two below: the demo merchant of fixtures/. Default empty; environment variable `DOKU_CLIENT_ID`. */
  clientId?: string;
  /** Merchant client secret: the HMAC-SHA512 key (docs/doku.md §2.2). Default empty; environment variable `DOKU_CLIENT_SECRET`. */
  clientSecret?: string;
  /** Path to the merchant RSA public key (PEM, SPKI or PKCS#1) that verifies token requests (docs/doku.md §2.1), or the PEM text itself. Default empty; environment variable `DOKU_PUBLIC_KEY_PEM`. */
  publicKeyPem?: string;
  /** cardData AES key source; empty = the client secret, as every SDK does. Both are tried (docs/doku.md §4.3, docs/settings.md #3). Default empty; environment variable `DOKU_SHARED_KEY`. */
  sharedKey?: string;
  /** A JSON file of more merchants, loaded at start beside the one above (or the demo): `[{"clientId", "clientSecret", "publicKeyPem", "sharedKey"?, "notificationUrl"?, "vaNotificationUrl"?, "qrisNotificationUrl"?, "vaInquiryUrl"?, "tokenUrl"?}]`. More can be registered at run time: `POST /__mock/merchants`. Default empty; environment variable `DOKU_MERCHANTS_FILE`. */
  merchantsFile?: string;
  /** lowdb JSON state file; `:memory:` keeps state in memory only. Default `data/doku-sandbox.json`; environment variable `DOKU_DB_FILE`. */
  dbFile?: string;
  /** Folder of scenario files; empty = the scenarios/ folder shipped with the sandbox. Default empty; environment variable `DOKU_SCENARIOS_DIR`. */
  scenariosDir?: string;
  /** When set, /__mock admin routes need `Authorization: Bearer <token>`, all but /__mock/health (probes), /__mock/openapi.json (it describes the API and holds no state, so API tools and code generators can fetch it) /__mock/doku-public-key (public, as DOKU's is) and the /__mock/ui page and its files (they hold no data; its data calls need the token). Default empty; environment variable `DOKU_ADMIN_TOKEN`. */
  adminToken?: string;
  /** `enforced`: an admin call acts only on the merchant whose client secret it sends as `Authorization: Bearer <clientSecret>` (with `X-PARTNER-ID` or `clientId` naming it), or on any with DOKU_ADMIN_TOKEN; calls without either are refused but for registering a merchant. `off`: anyone who may call the admin API acts on every merchant (docs/shared-sandbox.md). Default `off`; environment variable `DOKU_MERCHANT_ISOLATION`. */
  merchantIsolation?: 'off' | 'enforced';
  /** More `Host` names the admin API and dashboard answer to, beside loopback names, `*.localhost`, `*.internal`, IP addresses, single-label names (container services such as `doku`), HOST and DOKU_PUBLIC_URL: e.g. `sandbox.ci.example.com`; `*` = any. Others are refused (DNS rebinding: docs/shared-sandbox.md). Default empty; environment variable `DOKU_ALLOWED_HOSTS`. */
  allowedHosts?: string | readonly string[];
  /** Origins of web pages allowed to call the admin API from a browser (e.g. `http://localhost:5173`), beside the sandbox's own dashboard. Requests from any other page are refused, as are non-JSON bodies on changing calls, so a form or a `no-cors` fetch cannot drive the sandbox. Default empty; environment variable `DOKU_ALLOWED_ORIGINS`. */
  allowedOrigins?: string | readonly string[];
  /** The hosts the sandbox may send notifications, token requests and verifier checks to: host names, `host:port`, or `*.example.com`; `*` = any (default: a receiver may be anywhere a CI job runs). Never the sandbox itself, whatever this says. Default `*`; environment variable `DOKU_OUTBOUND_HOSTS`. */
  outboundHosts?: string | readonly string[];
  /** Notification records kept per merchant in the delivery log (and the state): past it that merchant's oldest finished ones go; one still to be delivered is never dropped, and /health and the delivery log say when a merchant has more than this many of those. Default `1000`; environment variable `DOKU_NOTIFICATIONS_PER_MERCHANT`. */
  notificationsPerMerchant?: number;
  /** Clients that may follow /__mock/events at once (dashboard tabs); one more is answered 503. Default `32`; environment variable `DOKU_EVENTS_MAX`. */
  eventsMax?: number;
  /** Requests kept in the /__mock/requests journal, oldest dropped first: this many, or fewer if they need more than 4 KiB each on average (a signed payment with a customer token needs ~2.5 KiB). 0 keeps none. Default `500`; environment variable `DOKU_JOURNAL_SIZE`. */
  journalSize?: number;
  /** Base URL a browser uses to reach the sandbox (hosted OTP page links). Empty = derived from each request's Host header. Default empty; environment variable `DOKU_PUBLIC_URL`. */
  publicUrl?: string;
  /** Path to the RSA private key that signs issued JWTs (or the PEM text itself). Empty = the TEST-ONLY key in fixtures/keys. Default empty; environment variable `DOKU_SANDBOX_PRIVATE_KEY_PEM`. */
  sandboxPrivateKeyPem?: string;
  /** Where the sandbox, acting as DOKU, POSTs the merchant's payment notifications (docs/doku.md §10.4), e.g. `http://localhost:8080/v1.0/debit/notify`. Empty = none are sent (the delivery log at /__mock/notifications says so). Default empty; environment variable `DOKU_NOTIFICATION_URL`. */
  notificationUrl?: string;
  /** Where the virtual-account payment notifications go instead of DOKU_NOTIFICATION_URL (DOKU's dashboard sets one per payment method, docs/doku.md §14.6), e.g. `http://localhost:8080/v1.1/transfer-va/payment`. Empty = DOKU_NOTIFICATION_URL. Default empty; environment variable `DOKU_VA_NOTIFICATION_URL`. */
  vaNotificationUrl?: string;
  /** The merchant's own B2B token endpoint, asked for a token before each notification with an RSA signature by the sandbox's key (docs/doku.md §2.3). Empty = the sandbox sends a token it made itself. Default empty; environment variable `DOKU_MERCHANT_TOKEN_URL`. */
  merchantTokenUrl?: string;
  /** When a notification not answered 2xx is sent again, counted from the first attempt: `doku` (30 min, 6 h, 12 h, DOKU's schedule), `compressed` (DOKU's ÷ 180: 10 s, 2 min, 4 min), or seconds, comma-separated (`1,5,30`; empty list `none`). Default `compressed`; environment variable `DOKU_NOTIFICATION_RETRY`. */
  notificationRetry?: string;
  /** Retries stop at a 2xx answer (`2xx`), or at any HTTP answer (`any`): DOKU's page says "once we receive a response" (docs/doku.md §10.4); `2xx-and-code` (strict): only at a 2xx whose body's responseCode (string or number) begins with 200, e.g. `2002500` (docs/doku.md §14.12). Default `2xx`; environment variable `DOKU_NOTIFICATION_RETRY_UNTIL`. */
  notificationRetryUntil?: '2xx' | 'any' | '2xx-and-code';
  /** Which token a notification's X-SIGNATURE covers, which DOKU does not say (docs/doku.md §10.4): `authorization` (the one sent in Authorization), `empty` (PHP's helper), `doku-issued` (a B2B token the sandbox issued the merchant, Node's helper). The verifier check reports which readings a handler accepts. Default `authorization`; environment variable `DOKU_NOTIFICATION_SIGNED_TOKEN`. */
  notificationSignedToken?: 'authorization' | 'empty' | 'doku-issued';
  /** `send`: notifications carry Authorization-Customer (DOKU's header list) with the merchant's own token, which the Go, Java and Python helpers validate; `none`: they do not. Default `send`; environment variable `DOKU_NOTIFICATION_CUSTOMER_TOKEN`. */
  notificationCustomerToken?: 'send' | 'none';
  /** How long one notification attempt (token request and POST together) may take before it counts as failed. Default `5000`; environment variable `DOKU_NOTIFICATION_TIMEOUT_MS`. */
  notificationTimeoutMs?: number;
  /** Bank direct-debit channels whose payments the customer verifies on the issuer's page (OTP and/or PIN) before they are paid, as DOKU's tokenization scheme does (docs/doku.md §7.5): `CHANNEL:SALE` (only a payment with `paymentType: "SALE"`) or `CHANNEL:ALWAYS`; `none` = every bank payment is paid at once, as before. Default `DIRECT_DEBIT_BRI_SNAP:SALE,DIRECT_DEBIT_MANDIRI_SNAP:SALE,DIRECT_DEBIT_CIMB_SNAP:ALWAYS`; environment variable `DOKU_ISSUER_PAGE`. */
  issuerPage?: string;
  /** A payment's `otp`: `lenient` = up to 8 characters, checked against DOKU_OTP; `strict` = exactly 8 digits, as DOKU's KKI page says ("min: 8 max: 8"). Empty = DOKU_STRICT. Default empty; environment variable `DOKU_OTP_LENGTH_MODE`. */
  otpLengthMode?: 'lenient' | 'strict';
  /** Where the card-bind answer carries `chargeToken` (the otp-verification handle DOKU's KKI binding page lists): `additionalInfo` (every SDK reads it), `top` (as DOKU's page shows it; DOKU's Python SDK then refuses the answer: its DTO takes no unknown key), `none`. Default `additionalInfo`; environment variable `DOKU_BIND_CHARGE_TOKEN`. */
  bindChargeToken?: 'additionalInfo' | 'top' | 'none';
  /** The PIN the sandbox's issuer page accepts where the bank asks for one (CIMB), beside the OTP (DOKU_OTP). Default `123456`; environment variable `DOKU_PIN`. */
  pin?: string;
  /** latestTransactionStatus of a payment waiting on a customer's page (e-wallet, issuer OTP/PIN) and of one whose page closed: `snap` = `01` Initiated, then `05` Canceled when it expires or is cancelled (SNAP, DANA); `legacy` = `03` Pending and `06` Failed. Default `snap`; environment variable `DOKU_WAITING_STATUS`. */
  waitingStatus?: 'snap' | 'legacy';
  /** responseCode of an accepted e-wallet (jump app) payment: `2005400` (the payment service's), or `2000500` as DOKU's DANA page shows it, which PHP SDKs before PR #32 (2025-04-15) expect (docs/doku.md §7.4). Default `2005400`; environment variable `DOKU_JUMPAPP_SUCCESS_CODE`. */
  jumpappSuccessCode?: '2005400' | '2000500';
  /** Default for every `*_MODE` setting below: `true` = strict, `false` = lenient. Default `false`; environment variable `DOKU_STRICT`. */
  strict?: boolean;
  /** lenient: an e-wallet (jump app) payment without X-DEVICE-ID is accepted (DOKU's Node SDK never sends it, docs/sdks.md); strict: `4005402 {X-DEVICE-ID}`, as DOKU's pages require (docs/doku.md §7.4). Default empty; environment variable `DOKU_DEVICE_ID_MODE`. */
  deviceIdMode?: 'lenient' | 'strict';
  /** lenient: body hash over the re-serialised, raw, whitespace-stripped or ASCII-escaped body, keyed by client secret or shared key; strict: re-serialised body and client secret only (docs/doku.md §2.2, docs/sdks.md). Default empty; environment variable `DOKU_SIGNATURE_MODE`. */
  signatureMode?: 'lenient' | 'strict';
  /** lenient: `Z` or `±HH:MM`, optional millis; strict: `±HH:MM` only, as DOKU's binding page (docs/doku.md §1.3, docs/settings.md #5). Default empty; environment variable `DOKU_TIMESTAMP_MODE`. */
  timestampMode?: 'lenient' | 'strict';
  /** Reject X-TIMESTAMP further than this from the server clock; 0 = no window, as DOKU documents none (docs/settings.md #6). Default `0`; environment variable `DOKU_TIMESTAMP_SKEW_SECONDS`. */
  timestampSkewSeconds?: number;
  /** lenient: X-EXTERNAL-ID 1–64 chars; strict: numeric, ≤36 as SNAP says (docs/doku.md §1.4, docs/settings.md #7). Default empty; environment variable `DOKU_EXTERNAL_ID_MODE`. */
  externalIdMode?: 'lenient' | 'strict';
  /** Virtual-account requests (docs/doku.md §14.4): `lenient` = what all five SDKs and the clients of docs/doku.md §14 send (virtualAccountTrxType optional, Go's misspelled `virtualAccounTrxType` read, any padding of partnerServiceId, a VA number that is psid + customerNo once padding is ignored, any `VIRTUAL_ACCOUNT_*` channel); `strict` = the SDKs' own rules: virtualAccountTrxType and expiredDate required, an 8-character partnerServiceId, virtualAccountNo exactly partnerServiceId + customerNo, a channel some SDK knows. Empty = DOKU_STRICT. Default empty; environment variable `DOKU_VA_MODE`. */
  vaMode?: 'lenient' | 'strict';
  /** QRIS requests (docs/doku.md §15.1): `lenient` = a validityPeriod in any ISO-8601 form (`Z`, millis), more than 30 days ahead clamped to 30 days, a query's serviceCode other than 47 ignored; `strict` = validityPeriod within 30 days (else `4004701`), serviceCode `47` (else `4005101`). Empty = DOKU_STRICT. Default empty; environment variable `DOKU_QRIS_MODE`. */
  qrisMode?: 'lenient' | 'strict';
  /** The merchant name a payer's app shows, EMVCo tag 59 of every generated QRIS (at most 25 characters; DOKU takes it from the merchant's registration: docs/doku.md §15.2). Default `DOKU SANDBOX`; environment variable `DOKU_QRIS_MERCHANT_NAME`. */
  qrisMerchantName?: string;
  /** The merchant city, EMVCo tag 60 (at most 15 characters) of every generated QRIS. Default `JAKARTA`; environment variable `DOKU_QRIS_MERCHANT_CITY`. */
  qrisMerchantCity?: string;
  /** The postal code, EMVCo tag 61, when the generate request's additionalInfo.postalCode gives none. Default `12190`; environment variable `DOKU_QRIS_POSTAL_CODE`. */
  qrisPostalCode?: string;
  /** Where the QRIS payment notifications go instead of DOKU_NOTIFICATION_URL (DOKU's dashboard sets one per payment method, docs/doku.md §15.6), e.g. `http://localhost:8080/v1.0/qr/qr-mpm-notify`. Empty = DOKU_NOTIFICATION_URL. Default empty; environment variable `DOKU_QRIS_NOTIFICATION_URL`. */
  qrisNotificationUrl?: string;
  /** The QRIS payment notification (docs/doku.md §15.6; DOKU's pages do not show it): `snap` = SNAP's MPM notify body, token request first and signed as every SNAP notification; `checkout` = signed as DOKU's non-SNAP (Checkout) notifications (Client-Id, Request-Id, Request-Timestamp, Signature: HMACSHA256=…, no token request), which one merchant client uses for QRIS, with a Checkout-style body (no DOKU sample of it exists: an assumption). Default `snap`; environment variable `DOKU_QRIS_NOTIFICATION_FORMAT`. */
  qrisNotificationFormat?: 'snap' | 'checkout';
  /** What a query answers for a QRIS past its validityPeriod and unpaid (SNAP has no value for it: docs/doku.md §15.4): `06` Failed with transactionStatusDesc "Expired", or `03` Pending. Default `06`; environment variable `DOKU_QRIS_EXPIRED_STATUS`. */
  qrisExpiredStatus?: '06' | '03';
  /** Who numbers a VA (docs/doku.md §14.3): `auto` = DOKU completes the number (DGPC) when the request sends no virtualAccountNo or a customerNo of one digit (a sub-BIN prefix such as `6`), else the merchant's number is kept (MGPC); `mgpc` = always the merchant's; `dgpc` = always DOKU's (the customerNo sent is the prefix). Default `auto`; environment variable `DOKU_VA_NUMBERING`. */
  vaNumbering?: 'auto' | 'mgpc' | 'dgpc';
  /** The merchant's Inquiry URL (DIPC, docs/doku.md §14.11): paying a VA number the sandbox never created asks it for the bill first, signed as a notification, e.g. `http://localhost:8080/v1.1/transfer-va/inquiry`; its answer decides the amount or refuses. Empty = an unknown VA number is refused. Default empty; environment variable `DOKU_VA_INQUIRY_URL`. */
  vaInquiryUrl?: string;
  /** How long DOKU's inquiry call (token request and POST together) may take before the payment is refused as timed out (DOKU does not say: docs/doku.md §14.11). Default `8000`; environment variable `DOKU_VA_INQUIRY_TIMEOUT_MS`. */
  vaInquiryTimeoutMs?: number;
  /** The psid in a VA notification's `partnerServiceId` and `virtualAccountNo` (docs/doku.md §14.12): `space` = right-aligned in 8 characters with spaces, as every SDK's DTO expects; `none` = bare digits, as DOKU's samples; `zero` = left-padded with zeros, as DOKU's page describes it. Default `space`; environment variable `DOKU_VA_NOTIFICATION_PADDING`. */
  vaNotificationPadding?: 'space' | 'none' | 'zero';
  /** The VA notification's body (docs/doku.md §14.12): `flat` as DOKU's samples and every SDK's DTO; `with-virtual-account-data` adds a `virtualAccountData` copy of the VA fields, which one merchant client reads (Python merchants building the DTO from the body then crash). Default `flat`; environment variable `DOKU_VA_NOTIFICATION_WRAPPER`. */
  vaNotificationWrapper?: 'flat' | 'with-virtual-account-data';
  /** The client id DOKU's calls to the merchant name (X-PARTNER-ID, and X-CLIENT-KEY and the signed string of the token request): empty = the merchant's own, which every SDK helper verifies; set it to a separate "DOKU client id" for a receiver that requires one (docs/doku.md §14.12). Default empty; environment variable `DOKU_CALLBACK_CLIENT_ID`. */
  callbackClientId?: string;
  /** X-TIMESTAMP of DOKU's calls to the merchant (notifications, token requests, inquiries; docs/doku.md §14.12): `jakarta` = `2026-05-26T10:00:00+07:00` as DOKU's inquiry sample; `utc-millis` = `2026-05-26T03:00:00.000Z` as its notification sample. Default `jakarta`; environment variable `DOKU_CALLBACK_TIMESTAMP`. */
  callbackTimestamp?: 'jakarta' | 'utc-millis';
  /** A VA's expiry when the create request gives no expiredDate (DOKU does not document its default: docs/doku.md §14.4). Default `1440`; environment variable `DOKU_VA_EXPIRY_MINUTES`. */
  vaExpiryMinutes?: number;
  /** lenient: additionalInfo.channel in DOKU_CHANNELS or any `^[A-Z0-9_]{3,64}$`; strict: DOKU_CHANNELS only (docs/doku.md §1.7, docs/settings.md #13, #29). Default empty; environment variable `DOKU_CHANNEL_MODE`. */
  channelMode?: 'lenient' | 'strict';
  /** Known additionalInfo.channel values; the KKI value is unpublished, so DIRECT_DEBIT_KKI_SNAP is a placeholder (docs/settings.md #13). Default `DIRECT_DEBIT_ALLO_SNAP,DIRECT_DEBIT_CIMB_SNAP,DIRECT_DEBIT_MANDIRI_SNAP,DIRECT_DEBIT_BRI_SNAP,EMONEY_OVO_SNAP,EMONEY_SHOPEE_PAY_SNAP,EMONEY_DANA_SNAP,DIRECT_DEBIT_KKI_SNAP`; environment variable `DOKU_CHANNELS`. */
  channels?: string | readonly string[];
  /** lenient: phoneNo and success/failedRegistrationUrl optional on card bind, as DOKU's KKI Postman body; strict: mandatory, as the SDKs (docs/settings.md #24). Default empty; environment variable `DOKU_BIND_FIELDS_MODE`. */
  bindFieldsMode?: 'lenient' | 'strict';
  /** lenient: `null`, `""` and `{}` in an optional body field (also inside cardData) mean "not given", as DOKU's PHP and Python SDKs send `null` and Go `""` / `{}` for every unset field (docs/sdks.md); strict: refused as 400xx01 Invalid Field Format. In a mandatory field they are 400xx02 in both modes. Default empty; environment variable `DOKU_EMPTY_FIELDS_MODE`. */
  emptyFieldsMode?: 'lenient' | 'strict';
  /** Also accept the CryptoJS `U2FsdGVkX1…` cardData of DOKU's binding page example (docs/settings.md #2). Default `false`; environment variable `DOKU_CARDDATA_CRYPTOJS`. */
  carddataCryptojs?: boolean;
  /** Card unbind also accepts SNAP's `token` field besides DOKU's `tokenId` (docs/settings.md #16). Default `true`; environment variable `DOKU_UNBIND_TOKEN_FIELD`. */
  unbindTokenField?: boolean;
  /** Seconds a card stays PENDING_UNBIND before INACTIVE; DOKU deactivates asynchronously (docs/settings.md #17). It cannot pay meanwhile. Default `0`; environment variable `DOKU_UNBIND_DELAY_SECONDS`. */
  unbindDelaySeconds?: number;
  /** Service code of refund answers: `07` as DOKU's KKI page (`2000700`), `58` as SNAP (`2005800`) (docs/doku.md §8, docs/settings.md #1). Default `07`; environment variable `DOKU_REFUND_SERVICE_CODE`. */
  refundServiceCode?: '07' | '58';
  /** HTTP status of a replayed answer (same X-EXTERNAL-ID, same body): `409` as DOKU documents, or `original` (docs/doku.md §12, docs/settings.md #9). Default `409`; environment variable `DOKU_REPLAY_STATUS`. */
  replayStatus?: '409' | 'original';
  /** Check status for an unknown transaction: `404` = `4045501 Transaction Not Found`; `200` = `2005500` with latestTransactionStatus `07` (docs/doku.md §9). Default `404`; environment variable `DOKU_STATUS_NOT_FOUND`. */
  statusNotFound?: '404' | '200';
  /** lenient: a CPAN-only payment needs no Authorization-Customer; strict: every payment does, as the KKI page (docs/settings.md #12, #28). Default empty; environment variable `DOKU_CPAN_MODE`. */
  cpanMode?: 'lenient' | 'strict';
  /** lenient: partnerReferenceNo and partnerRefundNo up to 64 chars (SNAP, SDKs); strict: the KKI page's 32 and 12 (docs/settings.md #10, #11). Default empty; environment variable `DOKU_REFERENCE_LENGTH_MODE`. */
  referenceLengthMode?: 'lenient' | 'strict';
  /** OTPs the hosted page and otp-verification accept: 8 digits as the KKI page, 6 for legacy clients (docs/doku.md §5, docs/settings.md #25). Default `12345678,123456`; environment variable `DOKU_OTP`. */
  otp?: string | readonly string[];
  /** Wrong OTPs before the binding fails with 403xx11 OTP Blocked (docs/doku.md §4.6). Default `3`; environment variable `DOKU_OTP_MAX_ATTEMPTS`. */
  otpMaxAttempts?: number;
  /** OTP lifetime; after it 403xx12 OTP Lifetime Expired (SNAP: 5 min, docs/doku.md §4.6). Default `300`; environment variable `DOKU_OTP_TTL_SECONDS`. */
  otpTtlSeconds?: number;
  /** B2B access-token lifetime, sent as `expiresIn` (a number, docs/settings.md #18). Raise it for long-lived SDK processes: the Node SDK never refreshes (docs/sdks.md). Default `900`; environment variable `DOKU_TOKEN_TTL_SECONDS`. */
  tokenTtlSeconds?: number;
  /** Customer (B2B2C) access-token lifetime (docs/settings.md #19). Default `900`; environment variable `DOKU_B2B2C_TTL_SECONDS`. */
  b2b2cTtlSeconds?: number;
  /** B2B2C refresh-token lifetime (15 days, SNAP). Default `1296000`; environment variable `DOKU_REFRESH_TTL_SECONDS`. */
  refreshTtlSeconds?: number;
  /** lenient: an unexpired authCode of an ACTIVE binding may be exchanged again by its merchant (a new customer token for the same binding), as DOKU's Java SDK re-exchanges it before every payment, refund and balance call (docs/sdks.md); strict: single use. DOKU documents neither (docs/doku.md §3.2). Default empty; environment variable `DOKU_AUTH_CODE_MODE`. */
  authCodeMode?: 'lenient' | 'strict';
  /** Add `expiresIn` to the B2B2C answer: the Node SDK needs it for its callback JWTs, the Python SDK rejects unknown keys (docs/sdks.md). Default `false`; environment variable `DOKU_B2B2C_EXPIRES_IN`. */
  b2b2cExpiresIn?: boolean;
  /** Smallest generated balance (IDR) of a newly active binding; balances are faker-made, stable, and moved by payments and refunds. Default `1000000`; environment variable `DOKU_BALANCE_MIN`. */
  balanceMin?: number;
  /** Largest generated balance (IDR) of a newly active binding. Default `25000000`; environment variable `DOKU_BALANCE_MAX`. */
  balanceMax?: number;
  /** Stored answers kept per Asia/Jakarta day for X-EXTERNAL-ID replays; past it the oldest go first (memory stays bounded under steady traffic). Default `10000`; environment variable `DOKU_IDEMPOTENCY_MAX`. */
  idempotencyMax?: number;
  /** Larger request bodies are answered 400xx00 Bad Request. Default `1048576`; environment variable `DOKU_MAX_BODY_BYTES`. */
  maxBodyBytes?: number;
  /** A request's headers and body must arrive within this many seconds, or the connection is answered 400xx00 and closed (a stuck client no longer holds a socket for Node's 5 minutes). Slow answers (a scenario's hangMs) are not limited by it. Default `30`; environment variable `DOKU_REQUEST_TIMEOUT_SECONDS`. */
  requestTimeoutSeconds?: number;
  /** Group-commit window: changes arriving within it share one write-ahead log append (0 = the same turn of the event loop). Answers wait for their append. Default `0`; environment variable `DOKU_DB_FLUSH_MS`. */
  dbFlushMs?: number;
  /** `write`: each batch is handed to the kernel before its answers are sent (survives the process being killed); `fsync`: also fdatasync (survives power loss; ~2 ms per batch here). See docs/performance.md. Default `write`; environment variable `DOKU_DB_SYNC`. */
  dbSync?: 'write' | 'fsync';
  /** Write-ahead log lines after which the log is folded into the JSON snapshot, in the background, once the log is also at least as large as the snapshot (so the cost of a write does not grow with the data). Default `20000`; environment variable `DOKU_DB_COMPACT_EVERY`. */
  dbCompactEvery?: number;
  /** Seed for generated references, ids and names; empty = random. Default empty; environment variable `DOKU_FAKER_SEED`. */
  fakerSeed?: string;
  /** pino log level. Default `info`; environment variable `DOKU_LOG_LEVEL`. */
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}
