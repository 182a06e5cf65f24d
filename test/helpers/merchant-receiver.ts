/**
 * A merchant's notification handler on a loopback port, verifying what the sandbox sends with code
 * of its own (node:crypto, DOKU's documented rules: docs/doku.md §2.3, §10.4), never the
 * sandbox's signing functions. `answer` decides each reply; every request is recorded with what
 * the checks found.
 */
import { createHash, createHmac, createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** token request: the RSA signature verified; notification: the HMAC and the token both */
  verified: boolean;
}

export interface Receiver {
  url: string;
  tokenUrl: string;
  notifyUrl: string;
  received: Received[];
  notifications(): Received[];
  answer: (r: Received, res: ServerResponse) => void;
  /** the public key the token request must verify against (the sandbox serves it at /__mock/doku-public-key) */
  trustDokuKey(pem: string): void;
  close(): Promise<void>;
}

/** `now`: when given, a notification must also be fresh (X-TIMESTAMP within 5 minutes of it) and its X-EXTERNAL-ID new. */
export async function merchantReceiver(clientId: string, clientSecret: string, now?: () => number): Promise<Receiver> {
  const issued = new Set<string>();
  const externalIds = new Set<string>();
  let dokuKey: KeyObject | undefined;
  const receiver: Receiver = {
    url: '',
    tokenUrl: '',
    notifyUrl: '',
    received: [],
    notifications: () => receiver.received.filter((r) => r.path === '/v1.0/debit/notify'),
    answer: (r, res) =>
      void res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ responseCode: '2005600', responseMessage: 'Successful' })),
    trustDokuKey: (pem) => void (dokuKey = createPublicKey(pem)),
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const h = (k: string) => String(req.headers[k] ?? '');
      const r: Received = { path: req.url ?? '', headers: req.headers, body, verified: false };
      if (r.path === '/authorization/v1/access-token/b2b') {
        r.verified =
          !!dokuKey &&
          h('x-client-key') === clientId &&
          verify('sha256', Buffer.from(`${h('x-client-key')}|${h('x-timestamp')}`), dokuKey, Buffer.from(h('x-signature'), 'base64'));
        receiver.received.push(r);
        if (!r.verified)
          return void res
            .writeHead(401)
            .end(JSON.stringify({ responseCode: '4017300', responseMessage: 'Unauthorized. Invalid Signature' }));
        const token = randomBytes(16).toString('hex');
        issued.add(token);
        return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(
          JSON.stringify({
            responseCode: '2007300',
            responseMessage: 'Successful',
            accessToken: token,
            tokenType: 'Bearer',
            expiresIn: 900,
          }),
        );
      }
      const token = h('authorization').replace(/^Bearer /, '');
      const minified = body === '' ? '' : JSON.stringify(JSON.parse(body));
      const stringToSign = `POST:${r.path}:${token}:${createHash('sha256').update(minified).digest('hex')}:${h('x-timestamp')}`;
      const expected = createHmac('sha512', clientSecret).update(stringToSign).digest('base64');
      r.verified = h('x-signature') === expected && h('x-partner-id') === clientId && (!dokuKey || issued.has(token));
      if (now) {
        r.verified &&= Math.abs(now() - Date.parse(h('x-timestamp'))) <= 300_000 && !externalIds.has(h('x-external-id'));
        if (r.verified) externalIds.add(h('x-external-id'));
      }
      receiver.received.push(r);
      receiver.answer(r, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.tokenUrl = `${receiver.url}/authorization/v1/access-token/b2b`;
  receiver.notifyUrl = `${receiver.url}/v1.0/debit/notify`;
  return receiver;
}

/** A request's whole body, as text (a merchant handler of a test's own). */
export const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

/** Polls until `check` holds (the outbox works in the background), or fails after `ms`. */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error('eventually: timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
