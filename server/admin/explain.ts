/**
 * POST /__mock/explain: paste a request (method, path, headers, body as sent) and get the signature
 * breakdown without executing anything. Transactional paths: the HMAC diagnosis; token paths: the
 * RSA check of `X-CLIENT-KEY|X-TIMESTAMP`.
 */
import type { RequestHandler } from 'express';
import type { Deps } from '../deps.js';
import { MockError } from '../scenario/mock-error.js';
import { mayAct } from './scope.js';
import { explainSymmetric } from '../snap/explain.js';
import { asymmetricStringToSign, verifyAsymmetric } from '../snap/signature.js';

export function explainRoute(deps: Deps): RequestHandler {
  return (req, res) => {
    const {
      method = 'POST',
      path,
      headers = {},
      body = '',
    } = (req.body ?? {}) as { method?: string; path?: string; headers?: Record<string, string>; body?: unknown };
    if (typeof path !== 'string' || typeof headers !== 'object')
      throw new MockError('send {"method", "path", "headers": {...}, "body": "<the body exactly as sent>"}');
    // a merchant's credential explains only that merchant's requests (its secret is what is tried)
    const mine = (clientId: string) => {
      if (!mayAct(res, clientId)) throw new MockError(`this credential cannot explain "${clientId.slice(0, 80)}"'s requests`, {}, 403);
    };
    const h = (name: string) => Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    const { endpoints } = deps.catalogue;
    const asked = path.split('?')[0]!.toLowerCase();
    const endpoint = deps.catalogue.routes().find(([p]) => p.toLowerCase() === asked)?.[1];
    if (!endpoint) throw new MockError(`no DOKU endpoint at ${path.slice(0, 200)}`, { known: endpoints.map((e) => e.path) });
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    if (endpoint.auth === 'asymmetric') {
      const clientId = h('X-CLIENT-KEY') ?? '';
      mine(clientId);
      const merchant = deps.merchants.find(clientId);
      const stringToSign = asymmetricStringToSign(clientId, h('X-TIMESTAMP') ?? '');
      const valid = Boolean(merchant) && verifyAsymmetric(merchant!.publicKey, clientId, h('X-TIMESTAMP') ?? '', h('X-SIGNATURE') ?? '');
      const diagnosis = !merchant
        ? [`X-CLIENT-KEY "${clientId}" is not a configured merchant`]
        : valid
          ? []
          : [
              'X-SIGNATURE is not SHA256withRSA over the string above with the private key whose public half is configured (DOKU_PUBLIC_KEY_PEM)',
            ];
      return res.json({ endpoint: endpoint.name, kind: 'asymmetric', valid, expected: { stringToSign }, diagnosis });
    }
    mine(h('X-PARTNER-ID') ?? '');
    const merchant = deps.merchants.find(h('X-PARTNER-ID') ?? '');
    if (!merchant)
      throw new MockError(`X-PARTNER-ID "${h('X-PARTNER-ID') ?? ''}" is not a configured merchant`, {
        known: deps.merchants.list().map((m) => m.clientId),
      });
    let parsed: unknown;
    try {
      parsed = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      throw new MockError('body is not JSON: DOKU would answer 400xx00 Bad Request before any signature check');
    }
    const explanation = explainSymmetric({
      method,
      originalUrl: path,
      accessToken: (h('Authorization') ?? '').replace(/^Bearer /, ''),
      timestamp: h('X-TIMESTAMP') ?? '',
      signature: h('X-SIGNATURE') ?? '',
      raw,
      parsed,
      keys: merchant.sharedKeys,
    });
    res.json({ endpoint: endpoint.name, kind: 'symmetric', ...explanation });
  };
}
