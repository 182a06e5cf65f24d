/**
 * loadConfig(env): read once at start-up into a frozen, typed, validated object. Invalid settings
 * throw a ConfigError that lists every problem; main.ts prints it and exits non-zero.
 */
import type { KeyObject } from 'node:crypto';
import { SETTINGS, type SettingEnv, type SettingSpec } from './settings.js';
import { loadJwtKeys, loadMerchants, type Merchant } from './keys.js';
import { checkMerchantInput, merchantOf } from './merchant-input.js';
import { isHttpUrl } from './url.js';
import { readFileSync } from 'node:fs';

export type { Merchant };

import { PROJECT_ROOT } from './paths.js';
import { join } from 'node:path';
export { FIXTURES_DIR, PROJECT_ROOT } from './paths.js';

/**
 * Settings a CI shares with every service: GitLab passes a job's variables (its own PORT, HOST) to
 * its services too, which would move the sandbox off its port (docs/ci.md). The prefixed name is
 * read first; the image sets it.
 */
export const PREFIXED: Readonly<Record<string, string>> = { PORT: 'DOKU_PORT', HOST: 'DOKU_HOST' };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Mode = 'lenient' | 'strict';

export interface Config {
  port: number;
  host: string;
  dbFile: string;
  scenariosDir: string;
  adminToken: string;
  merchantIsolation: 'off' | 'enforced';
  allowedHosts: readonly string[];
  allowedOrigins: readonly string[];
  outboundHosts: readonly string[];
  eventsMax: number;
  notificationsPerMerchant: number;
  journalSize: number;
  publicUrl: string;
  merchants: readonly Merchant[];
  jwtPrivateKey: KeyObject;
  jwtPublicKey: KeyObject;
  signatureMode: Mode;
  timestampMode: Mode;
  timestampSkewSeconds: number;
  externalIdMode: Mode;
  channelMode: Mode;
  channels: readonly string[];
  bindFieldsMode: Mode;
  emptyFieldsMode: Mode;
  cardDataCryptoJs: boolean;
  unbindTokenField: boolean;
  unbindDelaySeconds: number;
  refundServiceCode: '07' | '58';
  vaMode: Mode;
  qrisMode: Mode;
  qrisMerchantName: string;
  qrisMerchantCity: string;
  qrisPostalCode: string;
  qrisExpiredStatus: '06' | '03';
  qrisNotificationFormat: 'snap' | 'checkout';
  vaNumbering: 'auto' | 'mgpc' | 'dgpc';
  vaExpiryMinutes: number;
  vaInquiryTimeoutMs: number;
  vaNotificationPadding: 'space' | 'none' | 'zero';
  vaNotificationWrapper: 'flat' | 'with-virtual-account-data';
  callbackClientId: string;
  callbackTimestamp: 'jakarta' | 'utc-millis';
  replayStatus: '409' | 'original';
  statusNotFound: '404' | '200';
  cpanMode: Mode;
  referenceLengthMode: Mode;
  balanceMin: number;
  balanceMax: number;
  otpCodes: readonly string[];
  otpMaxAttempts: number;
  otpTtlSeconds: number;
  tokenTtlSeconds: number;
  b2b2cTtlSeconds: number;
  refreshTtlSeconds: number;
  authCodeMode: Mode;
  b2b2cExpiresIn: boolean;
  maxBodyBytes: number;
  requestTimeoutSeconds: number;
  idempotencyMax: number;
  jumpAppSuccessCode: '2005400' | '2000500';
  /** bank channels verified on the issuer's page, and when: every payment, or only paymentType SALE */
  issuerPages: ReadonlyMap<string, 'SALE' | 'ALWAYS'>;
  pin: string;
  bindChargeToken: 'additionalInfo' | 'top' | 'none';
  otpLengthMode: Mode;
  waitingStatus: 'snap' | 'legacy';
  deviceIdMode: Mode;
  /** seconds after the first attempt at which an unanswered notification is sent again */
  notificationRetrySeconds: readonly number[];
  notificationRetryUntil: '2xx' | 'any' | '2xx-and-code';
  notificationTimeoutMs: number;
  notificationSignedToken: 'authorization' | 'empty' | 'doku-issued';
  notificationCustomerToken: 'send' | 'none';
  dbFlushMs: number;
  dbSync: 'write' | 'fsync';
  dbCompactEvery: number;
  fakerSeed: number | undefined;
  logLevel: string;
  /** settings given twice, one ignored (PREFIXED): logged at start */
  notices: readonly string[];
  /** The raw string values after defaults, for the start-up banner (secrets masked there). */
  raw: Readonly<Record<SettingEnv, string>>;
}

/**
 * `env`: the settings by their environment names (the CLI passes process.env); `given.merchants`:
 * more merchants as values (startSandbox's `merchants` option), checked as a merchants file's.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, given: { merchants?: readonly unknown[] } = {}): Config {
  const problems: string[] = [];
  const notices: string[] = [];
  const raw = {} as Record<SettingEnv, string>;
  const named = {} as Record<SettingEnv, string>; // the variable each value came from
  for (const spec of SETTINGS as readonly SettingSpec[]) {
    const own = (env[spec.env] ?? '').trim();
    const prefixed = PREFIXED[spec.env] && (env[PREFIXED[spec.env]!] ?? '').trim();
    if (prefixed && own && own !== prefixed) notices.push(`${spec.env}=${own} is ignored: ${PREFIXED[spec.env]}=${prefixed} is read first`);
    const value = prefixed || own || spec.default;
    raw[spec.env as SettingEnv] = value;
    named[spec.env as SettingEnv] = prefixed ? PREFIXED[spec.env]! : spec.env;
    const problem = checkValue(spec, value, named[spec.env as SettingEnv]);
    if (problem) problems.push(problem);
  }
  const int = (k: SettingEnv) => Number(raw[k]);
  const bool = (k: SettingEnv) => raw[k] === 'true' || raw[k] === '1';
  const list = (k: SettingEnv) =>
    raw[k]
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const strictDefault: Mode = bool('DOKU_STRICT') ? 'strict' : 'lenient';
  const mode = (k: SettingEnv): Mode => (raw[k] as Mode) || strictDefault;

  const notifying = {
    notificationUrl: httpUrl(raw, 'DOKU_NOTIFICATION_URL', problems),
    vaNotificationUrl: httpUrl(raw, 'DOKU_VA_NOTIFICATION_URL', problems),
    vaInquiryUrl: httpUrl(raw, 'DOKU_VA_INQUIRY_URL', problems),
    qrisNotificationUrl: httpUrl(raw, 'DOKU_QRIS_NOTIFICATION_URL', problems),
    tokenUrl: httpUrl(raw, 'DOKU_MERCHANT_TOKEN_URL', problems),
  };
  const merchants = [
    ...loadMerchants(raw, problems).map((m) => ({ ...m, ...notifying })),
    ...merchantsFile(raw.DOKU_MERCHANTS_FILE, problems),
    ...checkedMerchants(given.merchants ?? [], 'merchants', problems),
  ];
  const ids = merchants.map((m) => m.clientId);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) problems.push(`DOKU_MERCHANTS_FILE: clientId "${twice}" is configured twice`);
  const retrySeconds = retrySchedule(raw.DOKU_NOTIFICATION_RETRY, problems);
  const issuerPages = issuerPageRules(raw.DOKU_ISSUER_PAGE, problems);
  if (!/^\d{4,8}$/.test(raw.DOKU_PIN)) problems.push('DOKU_PIN: must be 4 to 8 digits');
  const jwtKeys = loadJwtKeys(raw.DOKU_SANDBOX_PRIVATE_KEY_PEM, problems);
  if (list('DOKU_OTP').some((otp) => !/^\d{6,8}$/.test(otp))) problems.push('DOKU_OTP: each OTP must be 6 to 8 digits');
  if (int('PORT') > 65535) problems.push(`${named.PORT}: must be 0..65535`);
  if (int('DOKU_BALANCE_MIN') > int('DOKU_BALANCE_MAX')) problems.push('DOKU_BALANCE_MIN: must not exceed DOKU_BALANCE_MAX');
  if (problems.length > 0 || !jwtKeys) throw new ConfigError(problems);

  const seed = raw.DOKU_FAKER_SEED;
  return Object.freeze({
    port: int('PORT'),
    host: raw.HOST,
    dbFile: raw.DOKU_DB_FILE,
    scenariosDir: raw.DOKU_SCENARIOS_DIR || join(PROJECT_ROOT, 'scenarios'),
    adminToken: raw.DOKU_ADMIN_TOKEN,
    merchantIsolation: raw.DOKU_MERCHANT_ISOLATION as 'off' | 'enforced',
    allowedHosts: list('DOKU_ALLOWED_HOSTS').map((h) => h.toLowerCase()),
    allowedOrigins: list('DOKU_ALLOWED_ORIGINS').map((o) => o.replace(/\/+$/, '').toLowerCase()),
    outboundHosts: list('DOKU_OUTBOUND_HOSTS').map((h) => h.toLowerCase()),
    eventsMax: int('DOKU_EVENTS_MAX'),
    notificationsPerMerchant: Math.max(1, int('DOKU_NOTIFICATIONS_PER_MERCHANT')),
    journalSize: int('DOKU_JOURNAL_SIZE'),
    publicUrl: raw.DOKU_PUBLIC_URL.replace(/\/+$/, ''),
    merchants,
    jwtPrivateKey: jwtKeys.privateKey,
    jwtPublicKey: jwtKeys.publicKey,
    signatureMode: mode('DOKU_SIGNATURE_MODE'),
    timestampMode: mode('DOKU_TIMESTAMP_MODE'),
    timestampSkewSeconds: int('DOKU_TIMESTAMP_SKEW_SECONDS'),
    externalIdMode: mode('DOKU_EXTERNAL_ID_MODE'),
    channelMode: mode('DOKU_CHANNEL_MODE'),
    vaMode: mode('DOKU_VA_MODE'),
    qrisMode: mode('DOKU_QRIS_MODE'),
    qrisMerchantName: raw.DOKU_QRIS_MERCHANT_NAME,
    qrisMerchantCity: raw.DOKU_QRIS_MERCHANT_CITY,
    qrisPostalCode: raw.DOKU_QRIS_POSTAL_CODE,
    qrisExpiredStatus: raw.DOKU_QRIS_EXPIRED_STATUS as Config['qrisExpiredStatus'],
    qrisNotificationFormat: raw.DOKU_QRIS_NOTIFICATION_FORMAT as Config['qrisNotificationFormat'],
    vaNumbering: raw.DOKU_VA_NUMBERING as 'auto' | 'mgpc' | 'dgpc',
    vaExpiryMinutes: int('DOKU_VA_EXPIRY_MINUTES'),
    vaInquiryTimeoutMs: Math.max(1, int('DOKU_VA_INQUIRY_TIMEOUT_MS')),
    vaNotificationPadding: raw.DOKU_VA_NOTIFICATION_PADDING as Config['vaNotificationPadding'],
    vaNotificationWrapper: raw.DOKU_VA_NOTIFICATION_WRAPPER as Config['vaNotificationWrapper'],
    callbackClientId: raw.DOKU_CALLBACK_CLIENT_ID,
    callbackTimestamp: raw.DOKU_CALLBACK_TIMESTAMP as Config['callbackTimestamp'],
    channels: list('DOKU_CHANNELS'),
    bindFieldsMode: mode('DOKU_BIND_FIELDS_MODE'),
    emptyFieldsMode: mode('DOKU_EMPTY_FIELDS_MODE'),
    cardDataCryptoJs: bool('DOKU_CARDDATA_CRYPTOJS'),
    unbindTokenField: bool('DOKU_UNBIND_TOKEN_FIELD'),
    unbindDelaySeconds: int('DOKU_UNBIND_DELAY_SECONDS'),
    refundServiceCode: raw.DOKU_REFUND_SERVICE_CODE as '07' | '58',
    replayStatus: raw.DOKU_REPLAY_STATUS as '409' | 'original',
    statusNotFound: raw.DOKU_STATUS_NOT_FOUND as '404' | '200',
    cpanMode: mode('DOKU_CPAN_MODE'),
    referenceLengthMode: mode('DOKU_REFERENCE_LENGTH_MODE'),
    balanceMin: int('DOKU_BALANCE_MIN'),
    balanceMax: int('DOKU_BALANCE_MAX'),
    otpCodes: list('DOKU_OTP'),
    otpMaxAttempts: int('DOKU_OTP_MAX_ATTEMPTS'),
    otpTtlSeconds: int('DOKU_OTP_TTL_SECONDS'),
    tokenTtlSeconds: int('DOKU_TOKEN_TTL_SECONDS'),
    b2b2cTtlSeconds: int('DOKU_B2B2C_TTL_SECONDS'),
    refreshTtlSeconds: int('DOKU_REFRESH_TTL_SECONDS'),
    authCodeMode: mode('DOKU_AUTH_CODE_MODE'),
    b2b2cExpiresIn: bool('DOKU_B2B2C_EXPIRES_IN'),
    maxBodyBytes: int('DOKU_MAX_BODY_BYTES'),
    requestTimeoutSeconds: Math.max(1, int('DOKU_REQUEST_TIMEOUT_SECONDS')),
    idempotencyMax: Math.max(1, int('DOKU_IDEMPOTENCY_MAX')),
    jumpAppSuccessCode: raw.DOKU_JUMPAPP_SUCCESS_CODE as '2005400' | '2000500',
    issuerPages,
    pin: raw.DOKU_PIN,
    bindChargeToken: raw.DOKU_BIND_CHARGE_TOKEN as 'additionalInfo' | 'top' | 'none',
    otpLengthMode: mode('DOKU_OTP_LENGTH_MODE'),
    waitingStatus: raw.DOKU_WAITING_STATUS as 'snap' | 'legacy',
    deviceIdMode: mode('DOKU_DEVICE_ID_MODE'),
    notificationRetrySeconds: retrySeconds,
    notificationRetryUntil: raw.DOKU_NOTIFICATION_RETRY_UNTIL as Config['notificationRetryUntil'],
    notificationTimeoutMs: Math.max(1, int('DOKU_NOTIFICATION_TIMEOUT_MS')),
    notificationSignedToken: raw.DOKU_NOTIFICATION_SIGNED_TOKEN as 'authorization' | 'empty' | 'doku-issued',
    notificationCustomerToken: raw.DOKU_NOTIFICATION_CUSTOMER_TOKEN as 'send' | 'none',
    dbFlushMs: int('DOKU_DB_FLUSH_MS'),
    dbSync: raw.DOKU_DB_SYNC as 'write' | 'fsync',
    dbCompactEvery: Math.max(1, int('DOKU_DB_COMPACT_EVERY')),
    fakerSeed: seed === '' ? undefined : seedNumber(seed),
    logLevel: raw.DOKU_LOG_LEVEL,
    notices: Object.freeze(notices),
    raw: Object.freeze(raw),
  });
}

/** The merchants of DOKU_MERCHANTS_FILE (config/merchant-input.ts names the format). */
function merchantsFile(path: string, problems: string[]): Merchant[] {
  if (!path) return [];
  let list: unknown;
  try {
    list = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    problems.push(`DOKU_MERCHANTS_FILE: cannot read "${path}" as JSON (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return [];
  }
  if (!Array.isArray(list)) {
    problems.push(`DOKU_MERCHANTS_FILE: "${path}" must hold a JSON array of merchants`);
    return [];
  }
  return checkedMerchants(list, 'DOKU_MERCHANTS_FILE', problems);
}

function checkedMerchants(list: readonly unknown[], source: string, problems: string[]): Merchant[] {
  return list.flatMap((item, i) => {
    const checked = checkMerchantInput(item);
    if (checked.ok) return [merchantOf(checked.input)];
    problems.push(`${source}: merchant ${i + 1}: ${checked.field} ${checked.problem}`);
    return [];
  });
}

/** DOKU retries at +30 min, +6 h, +12 h from the first attempt (docs/doku.md §10.4); `compressed` is that ÷ 180. */
const RETRY_PRESETS: Record<string, number[]> = { doku: [1800, 21600, 43200], compressed: [10, 120, 240], none: [] };

function retrySchedule(value: string, problems: string[]): number[] {
  if (RETRY_PRESETS[value]) return RETRY_PRESETS[value]!;
  const seconds = value.split(',').map((x) => Number(x.trim()));
  if (seconds.some((x) => !Number.isFinite(x) || x < 0) || seconds.some((x, i) => i > 0 && x < seconds[i - 1]!)) {
    problems.push(`DOKU_NOTIFICATION_RETRY: "${value}" must be doku, compressed, none, or rising seconds such as 1,5,30`);
    return [];
  }
  return seconds;
}

/** DOKU_ISSUER_PAGE: `CHANNEL:SALE|ALWAYS`, comma-separated, or `none`. */
function issuerPageRules(value: string, problems: string[]): Map<string, 'SALE' | 'ALWAYS'> {
  const rules = new Map<string, 'SALE' | 'ALWAYS'>();
  if (value === 'none') return rules;
  for (const item of value
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const m = /^([A-Z0-9_]{3,64}):(SALE|ALWAYS)$/.exec(item);
    if (m) rules.set(m[1]!, m[2] as 'SALE' | 'ALWAYS');
    else problems.push(`DOKU_ISSUER_PAGE: "${item}" must be CHANNEL:SALE or CHANNEL:ALWAYS (or the whole setting none)`);
  }
  return rules;
}

/** An http(s) URL setting, or undefined when empty. */
function httpUrl(raw: Record<SettingEnv, string>, k: SettingEnv, problems: string[]): string | undefined {
  if (!raw[k]) return undefined;
  if (isHttpUrl(raw[k])) return raw[k];
  problems.push(`${k}: "${raw[k]}" is not an http:// or https:// URL`);
  return undefined;
}

function checkValue(spec: SettingSpec, value: string, name: string): string | undefined {
  if (value === '') return undefined;
  if (spec.kind === 'int' && !/^\d{1,10}$/.test(value)) return `${name}: "${value}" is not a whole number >= 0`;
  if (spec.kind === 'bool' && !['true', 'false', '1', '0'].includes(value)) return `${name}: "${value}" must be true or false`;
  if (spec.kind === 'enum' && spec.values && !spec.values.includes(value))
    return `${name}: "${value}" must be one of ${spec.values.join(', ')}`;
  return undefined;
}

function seedNumber(seed: string): number {
  if (/^\d{1,15}$/.test(seed)) return Number(seed);
  let h = 0;
  for (const ch of seed) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return Math.abs(h);
}
