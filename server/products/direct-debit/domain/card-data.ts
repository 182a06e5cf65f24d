/**
 * cardData encryption as all five official SDKs do it (docs/doku.md §4.3): AES-128-CBC, key = shared key
 * cut or `-`-padded to 16 chars, random IV, `base64(ciphertext)|base64(iv)`.
 * The CryptoJS passphrase format of DOKU's binding page example (`U2FsdGVkX1…`, docs/settings.md #2) is
 * accepted only when the caller asks for it (lenient setting).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { isStrictBase64 } from '../../../snap/signature.js';

export function deriveCardKey(sharedKey: string): Buffer {
  const sixteen = sharedKey.length >= 16 ? sharedKey.slice(0, 16) : sharedKey.padEnd(16, '-');
  return Buffer.from(sixteen, 'utf8');
}

export function encryptCardData(plaintext: string, sharedKey: string, iv: Buffer = randomBytes(16)): string {
  const cipher = createCipheriv('aes-128-cbc', deriveCardKey(sharedKey), iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${ct.toString('base64')}|${iv.toString('base64')}`;
}

/** Returns the plaintext, or null when no key decrypts the blob. Never throws. */
export function decryptCardData(blob: string, sharedKeys: readonly string[], acceptCryptoJs = false): string | null {
  const parts = blob.split('|');
  if (parts.length === 2 && isStrictBase64(parts[0]!) && isStrictBase64(parts[1]!)) {
    const ct = Buffer.from(parts[0]!, 'base64');
    const iv = Buffer.from(parts[1]!, 'base64');
    if (iv.length !== 16 || ct.length === 0 || ct.length % 16 !== 0) return null;
    for (const key of sharedKeys) {
      const plain = tryDecrypt('aes-128-cbc', deriveCardKey(key), iv, ct);
      if (plain !== null) return plain;
    }
    return null;
  }
  return acceptCryptoJs ? decryptCryptoJs(blob, sharedKeys) : null;
}

function tryDecrypt(algorithm: string, key: Buffer, iv: Buffer, ct: Buffer): string | null {
  try {
    const decipher = createDecipheriv(algorithm, key, iv);
    const plain = Buffer.concat([decipher.update(ct), decipher.final()]);
    const text = plain.toString('utf8');
    return Buffer.from(text, 'utf8').equals(plain) ? text : null;
  } catch {
    return null;
  }
}

/** CryptoJS/OpenSSL `Salted__` blobs: EVP_BytesToKey(MD5) → AES-256-CBC key + IV. */
function decryptCryptoJs(blob: string, passphrases: readonly string[]): string | null {
  if (!isStrictBase64(blob)) return null;
  const data = Buffer.from(blob, 'base64');
  if (data.length < 32 || data.subarray(0, 8).toString('latin1') !== 'Salted__') return null;
  const salt = data.subarray(8, 16);
  const ct = data.subarray(16);
  if (ct.length % 16 !== 0) return null;
  for (const pass of passphrases) {
    const { key, iv } = evpBytesToKey(Buffer.from(pass, 'utf8'), salt);
    const plain = tryDecrypt('aes-256-cbc', key, iv, ct);
    if (plain !== null) return plain;
  }
  return null;
}

function evpBytesToKey(pass: Buffer, salt: Buffer): { key: Buffer; iv: Buffer } {
  let derived = Buffer.alloc(0);
  let block = Buffer.alloc(0);
  while (derived.length < 48) {
    block = createHash('md5')
      .update(Buffer.concat([block, pass, salt]))
      .digest();
    derived = Buffer.concat([derived, block]);
  }
  return { key: derived.subarray(0, 32), iv: derived.subarray(32, 48) };
}
