/** Merchant credentials and the sandbox's own JWT key, read from PEM files at start-up. */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from './paths.js';
import type { SettingEnv } from './settings.js';

export interface Merchant {
  clientId: string;
  clientSecret: string;
  publicKey: KeyObject;
  /** Keys tried for cardData and (lenient) HMAC: shared key first when set, then the secret. */
  sharedKeys: readonly string[];
  demo: boolean;
  /** where its payment notifications go, and its own token endpoint (docs/doku.md §2.3, §10.4) */
  notificationUrl?: string;
  /** where its virtual-account notifications go instead, as DOKU's dashboard sets a URL per payment method (docs/doku.md §14.6) */
  vaNotificationUrl?: string;
  /** where its QRIS notifications go instead (docs/doku.md §15.6) */
  qrisNotificationUrl?: string;
  /** its Inquiry URL: DOKU asks it for the bill before a payment into a VA it never created (DIPC, docs/doku.md §14.11) */
  vaInquiryUrl?: string;
  tokenUrl?: string;
}

/** The payment methods a merchant may give a notification URL of their own (DOKU's dashboard: Settings › Payment Settings). */
export type NotifiedMethod = 'VIRTUAL_ACCOUNT' | 'QRIS';

/** Where a notification of `method` goes: the method's own URL, else the merchant's notification URL. */
export function notificationUrlOf(m: Merchant, method?: NotifiedMethod): string | undefined {
  const own = method === 'VIRTUAL_ACCOUNT' ? m.vaNotificationUrl : method === 'QRIS' ? m.qrisNotificationUrl : undefined;
  return own ?? m.notificationUrl;
}

/** A public key as PEM text (SPKI), as the admin API and startSandbox hand it out. */
export const publicKeyPem = (key: KeyObject): string => key.export({ type: 'spki', format: 'pem' }) as string;

export function loadMerchants(raw: Record<SettingEnv, string>, problems: string[]): Merchant[] {
  const given = [raw.DOKU_CLIENT_ID, raw.DOKU_CLIENT_SECRET, raw.DOKU_PUBLIC_KEY_PEM].filter(Boolean).length;
  if (given === 0) {
    const demo = JSON.parse(readFileSync(join(FIXTURES_DIR, 'demo-merchant.json'), 'utf8')) as Record<string, string>;
    const key = readKey(join(FIXTURES_DIR, demo.publicKeyPem!), 'fixtures/demo-merchant.json publicKeyPem', problems, 'public');
    if (!key) return [];
    return [merchant(demo.clientId!, demo.clientSecret!, key, raw.DOKU_SHARED_KEY, true)];
  }
  if (given < 3) {
    problems.push('DOKU_CLIENT_ID, DOKU_CLIENT_SECRET and DOKU_PUBLIC_KEY_PEM go together: set all three, or none for the demo merchant');
    return [];
  }
  const key = readKey(raw.DOKU_PUBLIC_KEY_PEM, 'DOKU_PUBLIC_KEY_PEM', problems, 'public');
  return key ? [merchant(raw.DOKU_CLIENT_ID, raw.DOKU_CLIENT_SECRET, key, raw.DOKU_SHARED_KEY, false)] : [];
}

const merchant = (clientId: string, clientSecret: string, publicKey: KeyObject, sharedKey: string, demo: boolean): Merchant => ({
  clientId,
  clientSecret,
  publicKey,
  demo,
  sharedKeys: sharedKey && sharedKey !== clientSecret ? [sharedKey, clientSecret] : [clientSecret],
});

export function loadJwtKeys(path: string, problems: string[]): { privateKey: KeyObject; publicKey: KeyObject } | undefined {
  const file = path || join(FIXTURES_DIR, 'keys/sandbox-doku.TEST-ONLY.private.pem');
  const privateKey = readKey(file, 'DOKU_SANDBOX_PRIVATE_KEY_PEM', problems, 'private');
  return privateKey ? { privateKey, publicKey: createPublicKey(privateKey) } : undefined;
}

/** `path`: a PEM file, or the PEM text itself (a CI secret, startSandbox's options): never echoed in a problem. */
function readKey(path: string, name: string, problems: string[], kind: 'public' | 'private'): KeyObject | undefined {
  const inline = path.trimStart().startsWith('-----BEGIN');
  let pem: string;
  try {
    pem = inline ? path : readFileSync(path, 'utf8');
  } catch (e) {
    problems.push(`${name}: cannot read "${path}" (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    return undefined;
  }
  try {
    const key = kind === 'public' ? createPublicKey(pem) : createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    return key;
  } catch {
    problems.push(`${name}: ${inline ? 'the PEM text' : `"${path}"`} is not an RSA ${kind} key in PEM format`);
    return undefined;
  }
}
