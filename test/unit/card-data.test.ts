import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { decryptCardData, deriveCardKey, encryptCardData } from '../../server/products/direct-debit/domain/card-data.js';

const PLAIN = '{"bankCardNo":"5221841234567890","bankCardType":"C","expiryDate":"1228"}';

describe('cardData (docs/doku.md §4.3)', () => {
  test('reproduces the worked vector of docs/doku.md §4.3 (decrypted there by the Node SDK)', () => {
    const iv = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
    const blob =
      'Qv3cjmDqkyTAgekqaj6YMqphrtufhd2yg42OThxEkj1nsTEcV7LUGcRvuK1+MKyxJXKq+XJM136nDLgnAxWJ316AdEgpoRe5hN5lsiW/bZw=|AAECAwQFBgcICQoLDA0ODw==';
    expect(encryptCardData(PLAIN, 'abc123', iv)).toBe(blob);
    expect(decryptCardData(blob, ['abc123'])).toBe(PLAIN);
  });

  test('key: first 16 chars, or right-padded with "-"', () => {
    expect(deriveCardKey('abc123').toString()).toBe('abc123----------');
    expect(deriveCardKey('SK-0123456789abcdefXYZ').toString()).toBe('SK-0123456789abc');
  });

  test('tries every configured key and fails closed', () => {
    const blob = encryptCardData(PLAIN, 'second-key-000000');
    expect(decryptCardData(blob, ['first-key', 'second-key-000000'])).toBe(PLAIN);
    expect(decryptCardData(blob, ['wrong'])).toBeNull();
  });

  test.each([
    ['no separator', 'abcd'],
    ['bad base64', '!!!!|AAECAwQFBgcICQoLDA0ODw=='],
    ['short iv', 'Qv3cjmDqkyTAgekqaj6YMg==|AAEC'],
    ['three parts', 'a|b|c'],
    ['empty', ''],
  ])('rejects %s', (_name, blob) => {
    expect(decryptCardData(blob, ['abc123'])).toBeNull();
  });

  test('CryptoJS passphrase blobs only when enabled (docs/settings.md #2)', () => {
    const salt = randomBytes(8);
    const pass = Buffer.from('abc123');
    let d = Buffer.alloc(0),
      block = Buffer.alloc(0);
    while (d.length < 48) {
      block = createHash('md5')
        .update(Buffer.concat([block, pass, salt]))
        .digest();
      d = Buffer.concat([d, block]);
    }
    const c = createCipheriv('aes-256-cbc', d.subarray(0, 32), d.subarray(32, 48));
    const blob = Buffer.concat([Buffer.from('Salted__'), salt, c.update(PLAIN), c.final()]).toString('base64');
    expect(blob.startsWith('U2FsdGVkX1')).toBe(true);
    expect(decryptCardData(blob, ['abc123'])).toBeNull();
    expect(decryptCardData(blob, ['abc123'], true)).toBe(PLAIN);
  });
});
