/**
 * Why a symmetric X-SIGNATURE does not verify (README, "Why is my signature wrong?"): the string-to-sign the
 * sandbox expected, the body hash, and which common client mistake, if any, reproduces the received
 * signature. Pure: keys are passed in, nothing is logged, no secret is ever part of the output.
 */
import { createHash, createHmac } from 'node:crypto';
import { reserialise } from './body-canonical.js';
import { sha256Hex, symmetricStringToSign } from './signature.js';

export interface ExplainInput {
  method: string;
  originalUrl: string;
  accessToken: string;
  timestamp: string;
  signature: string;
  raw: string;
  parsed: unknown;
  keys: readonly string[];
}

export interface Explanation {
  valid: boolean;
  expected: { stringToSign: string; path: string; bodyHash: string; minifiedBody: string };
  diagnosis: string[];
}

interface Variant {
  mistake: string;
  sts?: string;
  /** how the client turned the string-to-sign into X-SIGNATURE */
  sign?: (key: string, sts: string) => string;
}

const hmac = (alg: string, enc: 'base64' | 'hex') => (key: string, sts: string) => createHmac(alg, key).update(sts, 'utf8').digest(enc);
const standard = hmac('sha512', 'base64');

export function explainSymmetric(input: ExplainInput): Explanation {
  const path = input.originalUrl.split('?')[0]!;
  const minified = reserialise(input.raw, input.parsed);
  const bodyHash = sha256Hex(minified);
  const sts = (over: Partial<{ method: string; path: string; accessToken: string; bodyHashHex: string; timestamp: string }> = {}) =>
    symmetricStringToSign({
      method: input.method,
      path,
      accessToken: input.accessToken,
      bodyHashHex: bodyHash,
      timestamp: input.timestamp,
      ...over,
    });
  const expected = { stringToSign: sts(), path, bodyHash, minifiedBody: minified.length > 2048 ? `${minified.slice(0, 2048)}…` : minified };
  const matches = (v: Variant) => input.keys.some((k) => (v.sign ?? standard)(k, v.sts ?? sts()) === input.signature);
  if (matches({ mistake: '' })) return { valid: true, expected, diagnosis: [] };

  const variants: Variant[] = [
    {
      mistake: 'the access token was signed with its "Bearer " prefix: sign the bare token',
      sts: sts({ accessToken: `Bearer ${input.accessToken}` }),
    },
    {
      mistake: 'the body hash is over the bytes as sent (pretty-printed or re-ordered): hash the minified JSON',
      sts: sts({ bodyHashHex: sha256Hex(input.raw) }),
    },
    { mistake: 'the body hash is upper-case hex: SNAP wants lower-case', sts: sts({ bodyHashHex: bodyHash.toUpperCase() }) },
    { mistake: 'the body hash is of an empty body', sts: sts({ bodyHashHex: sha256Hex('') }) },
    { mistake: 'the path was signed with its query string', sts: sts({ path: input.originalUrl }) },
    { mistake: 'the method was signed in lower case', sts: sts({ method: input.method.toLowerCase() }) },
    { mistake: 'X-SIGNATURE is hex: SNAP wants base64', sign: hmac('sha512', 'hex') },
    { mistake: 'HMAC-SHA256 was used: SNAP wants HMAC-SHA512', sign: hmac('sha256', 'base64') },
    {
      mistake: 'the string-to-sign uses the body hash in base64: SNAP wants lower-case hex',
      sts: sts({ bodyHashHex: createHash('sha256').update(minified).digest('base64') }),
    },
    ...otherTimestampForms(input.timestamp).map((ts) => ({
      mistake: `the string-to-sign has X-TIMESTAMP as "${ts}" but the header says "${input.timestamp}": use the header value verbatim`,
      sts: sts({ timestamp: ts }),
    })),
  ];
  const found = variants.filter(matches).map((v) => v.mistake);
  return {
    valid: false,
    expected,
    diagnosis:
      found.length > 0
        ? found
        : [
            'no common mistake reproduces X-SIGNATURE: check the secret key (the HMAC key is the client secret) and that the access token is the one in Authorization',
          ],
  };
}

/** The same instant written the other ways SDKs write it (docs/doku.md §1.3). */
function otherTimestampForms(ts: string): string[] {
  const ms = Date.parse(ts);
  if (Number.isNaN(ms)) return [];
  const utc = new Date(ms).toISOString();
  const jakarta = new Date(ms + 7 * 3600_000).toISOString().slice(0, 19);
  return [utc, utc.replace(/\.\d{3}Z$/, 'Z'), `${jakarta}+07:00`, `${utc.slice(0, 19)}-00:00`, `${utc.slice(0, 19)}+00:00`].filter(
    (v, i, all) => v !== ts && all.indexOf(v) === i,
  );
}
