import { generateKeyPairSync } from 'node:crypto';
import {
  sha256Hex,
  signAsymmetric,
  signSymmetric,
  symmetricStringToSign,
  verifyAsymmetric,
  signatureMatches,
} from '../../server/snap/signature.js';
import { bodyCandidates, stripInsignificantWhitespace } from '../../server/snap/body-canonical.js';

describe('symmetric signature (docs/doku.md §2.2)', () => {
  test('reproduces the worked vector of docs/doku.md §2.2, cross-checked there with the Node SDK', () => {
    const body =
      '{"partnerReferenceNo":"INV-0001","amount":{"value":"10000.00","currency":"IDR"},"additionalInfo":{"channel":"DIRECT_DEBIT_BRI_SNAP"}}';
    const hash = sha256Hex(body);
    expect(hash).toBe('ed61a31f539422068b64f2f2dca7df60dff08bdffe5fd54ea4fe5c5c72191f53');
    const sts = symmetricStringToSign({
      method: 'post',
      path: '/direct-debit/core/v1/debit/payment-host-to-host',
      accessToken: 'eyJhbGciOiJSUzI1NiJ9.test.sig',
      bodyHashHex: hash,
      timestamp: '2024-05-01T10:00:00+07:00',
    });
    expect(sts).toBe(
      `POST:/direct-debit/core/v1/debit/payment-host-to-host:eyJhbGciOiJSUzI1NiJ9.test.sig:${hash}:2024-05-01T10:00:00+07:00`,
    );
    expect(signSymmetric('SK-TEST-0123456789abcdef', sts)).toBe(
      'bDc8iJzIkP9/DUgmJojiZwhnxnlZZUIyJ4UDhWrMWVYpznqNAtwuvilu16ZVtljToJ7zlQhPOK1qbGhlns7G5g==',
    );
  });

  test('the empty body hashes the empty string', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('signatureMatches compares bytes and rejects other lengths', () => {
    const expected = Buffer.from('abc');
    expect(signatureMatches(expected.toString('base64'), expected)).toBe(true);
    expect(signatureMatches(Buffer.from('abd').toString('base64'), expected)).toBe(false);
    expect(signatureMatches(Buffer.from('ab').toString('base64'), expected)).toBe(false);
  });
});

describe('asymmetric signature (docs/doku.md §2.1)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  test('verifies SHA256withRSA over clientId|timestamp and rejects any change', () => {
    const sig = signAsymmetric(privateKey, 'BRN-0001', '2024-05-01T10:00:00+07:00');
    expect(verifyAsymmetric(publicKey, 'BRN-0001', '2024-05-01T10:00:00+07:00', sig)).toBe(true);
    expect(verifyAsymmetric(publicKey, 'BRN-0001', '2024-05-01T10:00:01+07:00', sig)).toBe(false);
    expect(verifyAsymmetric(publicKey, 'BRN-0002', '2024-05-01T10:00:00+07:00', sig)).toBe(false);
    expect(verifyAsymmetric(publicKey, 'BRN-0001', '2024-05-01T10:00:00+07:00', 'not base64!')).toBe(false);
  });
});

describe('body candidates (docs/sdks.md)', () => {
  test('PHP sends escaped slashes but hashes them unescaped: the re-serialised form matches', () => {
    const raw = '{"url":"https:\\/\\/m.example\\/ok"}';
    const [first] = [...bodyCandidates(raw, JSON.stringify(JSON.parse(raw)))];
    expect(first!.text).toBe('{"url":"https://m.example/ok"}');
  });

  test('Go escapes < > & and hashes what it sends: the raw form is a candidate', () => {
    const raw = '{"remarks":"a \\u003c b"}';
    expect([...bodyCandidates(raw, JSON.stringify(JSON.parse(raw)))].map((c) => c.text)).toContain(raw);
  });

  test('Python sends ", "-spaced JSON but hashes compact, ASCII-escaped JSON', () => {
    const raw = '{"name": "Zoë", "n": 1}';
    const texts = [...bodyCandidates(raw, JSON.stringify(JSON.parse(raw)))].map((c) => c.text);
    expect(texts).toContain('{"name":"Zo\\u00eb","n":1}');
  });

  test('whitespace inside strings survives stripping', () => {
    expect(stripInsignificantWhitespace('{ "a" : "x  y", "b":"q\\" z" }')).toBe('{"a":"x  y","b":"q\\" z"}');
  });
});
