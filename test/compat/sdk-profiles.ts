/**
 * How each of DOKU's five official SDKs puts a request on the wire, written from
 * DOKU's SDK code, as docs/sdks.md summarises it: the bytes it
 * sends and the bytes it hashes for X-SIGNATURE, its X-TIMESTAMP and X-EXTERNAL-ID forms, its
 * header spellings, how it writes a field the merchant left unset, and what it needs back.
 * Signing and cardData encryption are done here with node:crypto, not with the sandbox's own code.
 */
import { createCipheriv, createHash, createHmac, randomBytes, sign } from 'node:crypto';

export type Endpoint =
  'b2b' | 'b2b2c' | 'cardBind' | 'payment' | 'status' | 'refund' | 'balance' | 'cardUnbind' | 'accountBind' | 'accountUnbind';

/** A member the SDK leaves out of the JSON altogether. */
export const OMIT = Symbol('omit');

export interface Sdk {
  name: 'Node' | 'PHP' | 'Python' | 'Go' | 'Java';
  /** X-TIMESTAMP; `backdate` seconds earlier (PHP's B2B2C buffer) */
  timestamp(at: Date, backdateSeconds?: number): string;
  externalId(at: Date, seq: number): string;
  /** the bytes sent, and the string whose SHA-256 is signed (docs/sdks.md) */
  serialise(body: unknown, endpoint: Endpoint): { sent: string; signed: string };
  /** how an optional field the merchant did not set goes on the wire (docs/sdks.md) */
  unset(example: unknown): unknown;
  /** plaintext of cardData (docs/sdks.md) */
  cardPlain(card: Record<string, string | undefined>): string;
  customerHeader(endpoint: Endpoint, token: string): [string, string];
  channelHeader(endpoint: Endpoint, channel: string): Record<string, string | undefined>;
  /** X-IP-ADDRESS also on card unbind (Go, Python: docs/sdks.md) */
  ipOnCardUnbind: boolean;
  /** the authCode is exchanged again before every payment, refund and balance call (Java) */
  reExchangesAuthCode: boolean;
  b2bBody: Record<string, unknown>;
  b2b2cExtra: Record<string, unknown>;
  /** answer keys the SDK reads without checking that they exist (PHP) */
  readsUnguarded: Partial<Record<Endpoint, string[]>>;
  /** the only answer keys its DTOs accept (Python builds every DTO with `Dto(**json)`) */
  acceptsOnly?: Partial<Record<Endpoint, string[]>>;
  sourceName: string;
}

const iso = (at: Date) => at.toISOString().slice(0, 19);
const hex4 = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
const asciiOnly = (json: string) => json.replace(/[\u0080-\uffff]/g, hex4);
const compact = (body: unknown) => JSON.stringify(body);
let seconds = 1_780_000_000;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** Python's json.dumps: `", "` / `": "` by default, ASCII-escaped. */
function pyDumps(v: unknown, sep: [string, string]): string {
  if (Array.isArray(v)) return `[${v.map((x) => pyDumps(x, sep)).join(sep[0])}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${asciiOnly(JSON.stringify(k))}${sep[1]}${pyDumps(x, sep)}`)
      .join(sep[0])}}`;
  return asciiOnly(JSON.stringify(v));
}

const nullUnset = () => null;
const goUnset = (example: unknown) =>
  typeof example === 'string' ? '' : Array.isArray(example) ? null : typeof example === 'object' ? {} : OMIT;

export const SDKS: Sdk[] = [
  {
    name: 'Node',
    timestamp: (at, back = 0) => `${iso(new Date(at.getTime() - back * 1000))}-00:00`, // a UTC host: '-00:00'
    externalId: (at, seq) => String(at.getTime() + seq), // Date.now()
    serialise: (body) => ({ sent: compact(body), signed: compact(body) }),
    unset: () => OMIT,
    cardPlain: (card) => compact(card),
    customerHeader: (_e, token) => ['Authorization-customer', token],
    channelHeader: (e) => (e === 'cardBind' ? { 'CHANNEL-ID': 'DH' } : {}),
    ipOnCardUnbind: false,
    reExchangesAuthCode: false,
    b2bBody: { grantType: 'client_credentials' },
    b2b2cExtra: {},
    readsUnguarded: {},
    sourceName: 'NODE JS',
  },
  {
    name: 'PHP',
    timestamp: (at, back = 0) => `${iso(new Date(at.getTime() - back * 1000 + 7 * 3600_000))}+07:00`,
    externalId: () => String(++seconds), // time(): one call a second, or two share a key
    // json_encode sends `\/` and \uXXXX; the signature is over the unescaped re-encoding.
    serialise: (body) => ({ sent: asciiOnly(compact(body).replaceAll('/', '\\/')), signed: compact(body) }),
    unset: nullUnset,
    cardPlain: (card) => compact({ identificationNo: null, identificationType: null, email: null, ...card }),
    customerHeader: (_e, token) => ['Authorization-customer', token],
    channelHeader: (e, channel) => (e === 'cardBind' ? { 'CHANNEL-ID': 'DH' } : e === 'balance' ? { 'CHANNEL-ID': channel } : {}),
    ipOnCardUnbind: false,
    reExchangesAuthCode: false,
    b2bBody: { grantType: 'client_credentials', additionalInfo: [] },
    b2b2cExtra: { additionalInfo: null },
    readsUnguarded: {
      payment: ['webRedirectUrl', 'referenceNo', 'partnerReferenceNo'],
      accountBind: ['additionalInfo.custIdMerchant', 'additionalInfo.accountStatus', 'additionalInfo.authCode'],
      refund: ['responseCode', 'responseMessage'],
    },
    sourceName: 'PHP',
  },
  {
    name: 'Python',
    timestamp: (at, back = 0) => `${iso(new Date(at.getTime() - back * 1000))}Z`,
    externalId: () => `${digits(16)}${++seconds}`,
    serialise: (body) => ({ sent: pyDumps(body, [', ', ': ']), signed: pyDumps(body, [',', ':']) }),
    unset: nullUnset,
    cardPlain: (card) => pyDumps(card, [',', ':']),
    customerHeader: (_e, token) => ['Authorization-Customer', token],
    channelHeader: (e) => ({ 'CHANNEL-ID': e === 'refund' || e === 'status' ? 'SDK' : 'DH' }),
    ipOnCardUnbind: true,
    reExchangesAuthCode: false,
    b2bBody: { grantType: 'client_credentials' },
    b2b2cExtra: { refreshToken: null, additionalInfo: null },
    readsUnguarded: {},
    acceptsOnly: {
      b2b: ['accessToken', 'tokenType', 'expiresIn', 'additionalInfo'],
      b2b2c: ['accessToken', 'tokenType', 'accessTokenExpiryTime', 'refreshToken', 'refreshTokenExpiryTime', 'additionalInfo'],
      cardBind: ['referenceNo', 'redirectUrl', 'additionalInfo'],
      cardUnbind: ['referenceNo', 'redirectUrl'],
      payment: ['webRedirectUrl', 'partnerReferenceNo', 'referenceNo'],
      refund: ['refundAmount', 'originalPartnerReferenceNo', 'originalReferenceNo', 'refundNo', 'partnerRefundNo', 'refundTime'],
      status: [
        'serviceCode',
        'latestTransactionStatus',
        'additionalInfo',
        'originalReferenceNo',
        'originalPartnerReferenceNo',
        'approvalCode',
        'originalExternalId',
        'transactionStatusDesc',
        'originalResponseCode',
        'originalResponseMessage',
        'sessionId',
        'requestID',
        'refundNo',
        'partnerRefundNo',
        'refundAmount',
        'refundStatus',
        'refundDate',
        'reason',
        'transAmount',
        'feeAmount',
        'paidTime',
        'refundHistory',
      ],
      balance: ['accountInfos'],
      accountBind: ['referenceNo', 'redirectUrl', 'additionalInfo'],
      accountUnbind: ['referenceNo', 'additionalInfo'],
    },
    sourceName: 'python',
  },
  {
    name: 'Go',
    timestamp: (at, back = 0) => `${iso(new Date(at.getTime() - back * 1000))}+00:00`,
    externalId: () => `${digits(10)}${++seconds}`,
    // json.Marshal escapes < > & and signs exactly what it sends.
    serialise: (body) => {
      const sent = compact(body).replace(/[<>&\u2028\u2029]/g, hex4);
      return { sent, signed: sent };
    },
    unset: goUnset,
    cardPlain: ({ expiryDate, ...rest }) => compact({ ...rest, expiryDate }), // omitempty, expiryDate last
    customerHeader: (e, token) => [e === 'balance' ? 'Authorization-customer' : 'Authorization-Customer', `Bearer ${token}`],
    channelHeader: (e) => (e === 'cardBind' || e === 'payment' ? { 'CHANNEL-ID': 'DH' } : {}),
    ipOnCardUnbind: true,
    reExchangesAuthCode: false,
    b2bBody: { grantType: 'client_credentials' },
    b2b2cExtra: { refreshToken: '', additionalInfo: {} },
    readsUnguarded: {},
    sourceName: 'Golang',
  },
  {
    name: 'Java',
    timestamp: (at, back = 0) => `${iso(new Date(at.getTime() - back * 1000))}Z`,
    externalId: () => `${digits(16)}${++seconds}`,
    // Gson escapes = & < > ' on the wire (not on card bind); Jackson's compact form is signed.
    serialise: (body, e) => ({ sent: e === 'cardBind' ? compact(body) : compact(body).replace(/[=&<>']/g, hex4), signed: compact(body) }),
    unset: () => OMIT,
    cardPlain: (card) => compact(card),
    customerHeader: (_e, token) => ['Authorization-Customer', token],
    channelHeader: (e) => (e === 'cardBind' || e === 'payment' ? { 'CHANNEL-ID': 'H2H' } : {}),
    ipOnCardUnbind: false,
    reExchangesAuthCode: true,
    b2bBody: { grantType: 'client_credentials' },
    b2b2cExtra: {},
    readsUnguarded: {},
    sourceName: 'Java',
  },
];

/** Drops OMIT members, at any depth. */
export function wire<T>(value: T): T {
  if (Array.isArray(value)) return value.map(wire) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== OMIT)
      .map(([k, v]) => [k, wire(v)]),
  ) as T;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
export const hmac = (secret: string, text: string) => createHmac('sha512', secret).update(text, 'utf8').digest('base64');
export const rsaSign = (pem: string, text: string) => sign('sha256', Buffer.from(text), pem).toString('base64');

/** AES-128-CBC, key = the secret cut or `-`-padded to 16, `b64(ct)|b64(iv)` (docs/sdks.md). */
export function encryptCard(plain: string, secret: string): string {
  const key = Buffer.from(secret.slice(0, 16).padEnd(16, '-'), 'utf8');
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-cbc', key, iv);
  return `${Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64')}|${iv.toString('base64')}`;
}
