/**
 * A merchant as a merchants file (DOKU_MERCHANTS_FILE) or `POST /__mock/merchants` gives it:
 * `{clientId, clientSecret, publicKeyPem, sharedKey?, notificationUrl?, vaNotificationUrl?, qrisNotificationUrl?, vaInquiryUrl?, tokenUrl?}`, checked field
 * by field so a mistake is named (`publicKeyPem: not an RSA public key in PEM format`).
 */
import { createPublicKey } from 'node:crypto';
import type { Merchant } from './keys.js';
import { isHttpUrl, URL_MAX } from './url.js';

export interface MerchantInput {
  clientId: string;
  clientSecret: string;
  publicKeyPem: string;
  sharedKey?: string;
  notificationUrl?: string;
  vaNotificationUrl?: string;
  vaInquiryUrl?: string;
  qrisNotificationUrl?: string;
  tokenUrl?: string;
}

const OPTIONAL = ['sharedKey', 'notificationUrl', 'vaNotificationUrl', 'qrisNotificationUrl', 'vaInquiryUrl', 'tokenUrl'] as const;
/** The fields that are URLs the sandbox sends to. */
export const URL_FIELDS = ['notificationUrl', 'vaNotificationUrl', 'qrisNotificationUrl', 'vaInquiryUrl', 'tokenUrl'] as const;

/** The input, or the first problem with it (a field name, then why). */
export function checkMerchantInput(v: unknown): { ok: true; input: MerchantInput } | { ok: false; field: string; problem: string } {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return { ok: false, field: 'body', problem: 'must be a JSON object' };
  const o = v as Record<string, unknown>;
  for (const field of ['clientId', 'clientSecret', 'publicKeyPem'] as const)
    if (typeof o[field] !== 'string' || o[field] === '') return { ok: false, field, problem: 'is missing (a non-empty string)' };
  if (!/^[\x21-\x7e]{1,64}$/.test(o.clientId as string))
    return { ok: false, field: 'clientId', problem: 'must be 1-64 printable characters' };
  // records are keyed by clientId: this one would become the merchants' prototype instead of a key
  if (o.clientId === '__proto__') return { ok: false, field: 'clientId', problem: 'must not be "__proto__"' };
  for (const field of OPTIONAL)
    if (o[field] !== undefined && typeof o[field] !== 'string') return { ok: false, field, problem: 'must be a string' };
  for (const field of URL_FIELDS) {
    const url = o[field] as string | undefined;
    if (url && !isHttpUrl(url)) return { ok: false, field, problem: `must be an http:// or https:// URL of at most ${URL_MAX} characters` };
  }
  // Node derives the public half from a private key without a word: the private key would then be
  // kept in the state file. The sandbox never keeps a private key it was not meant to have.
  if (/PRIVATE KEY-----/.test(o.publicKeyPem as string))
    return {
      ok: false,
      field: 'publicKeyPem',
      problem: 'is a private key: send only its public half (-----BEGIN PUBLIC KEY-----); nothing was kept',
    };
  try {
    if (createPublicKey(o.publicKeyPem as string).asymmetricKeyType !== 'rsa') throw new Error('not RSA');
  } catch {
    return { ok: false, field: 'publicKeyPem', problem: 'is not an RSA public key in PEM format' };
  }
  const input: MerchantInput = {
    clientId: o.clientId as string,
    clientSecret: o.clientSecret as string,
    publicKeyPem: o.publicKeyPem as string,
  };
  for (const field of OPTIONAL) if (o[field]) input[field] = o[field] as string;
  return { ok: true, input };
}

export function merchantOf(m: MerchantInput): Merchant {
  return {
    clientId: m.clientId,
    clientSecret: m.clientSecret,
    publicKey: createPublicKey(m.publicKeyPem),
    sharedKeys: m.sharedKey && m.sharedKey !== m.clientSecret ? [m.sharedKey, m.clientSecret] : [m.clientSecret],
    demo: false,
    ...(m.notificationUrl ? { notificationUrl: m.notificationUrl } : {}),
    ...(m.vaNotificationUrl ? { vaNotificationUrl: m.vaNotificationUrl } : {}),
    ...(m.vaInquiryUrl ? { vaInquiryUrl: m.vaInquiryUrl } : {}),
    ...(m.qrisNotificationUrl ? { qrisNotificationUrl: m.qrisNotificationUrl } : {}),
    ...(m.tokenUrl ? { tokenUrl: m.tokenUrl } : {}),
  };
}
