/**
 * What the admin API and the dashboard answer at all (docs/shared-sandbox.md). They are not
 * signed, so on a developer's machine any web page could otherwise drive them:
 *  - `Host` must be one the sandbox serves: loopback names, `*.localhost`, `*.internal`, an IP
 *    address, a single-label name (a container service: `doku`), HOST, DOKU_PUBLIC_URL's host, or
 *    DOKU_ALLOWED_HOSTS. A page of `attacker.example` whose name was re-pointed at 127.0.0.1 (DNS
 *    rebinding) sends its own name, and is refused.
 *  - A browser request from a page of another origin (`Origin`, else `Sec-Fetch-Site`) is refused,
 *    but for following a link to the dashboard; DOKU_ALLOWED_ORIGINS adds pages.
 *  - A call that changes state carries JSON or nothing: a form or a `no-cors` fetch can send
 *    neither, so a page cannot make one even where it hides its origin.
 *  - A request a sandbox made (its User-Agent, net/outbound.ts) is refused: a notification URL
 *    or verifier check pointed at an admin route cannot loop or reset anything.
 * The DOKU endpoints are not guarded here: they are server-to-server and signed.
 */
import { isIP } from 'node:net';
import type { RequestHandler } from 'express';
import type { Config } from '../config/load.js';
import { SANDBOX_AGENT } from '../net/outbound.js';
import { foreignPage, originsOf } from '../net/origin.js';
import { MockError } from '../scenario/mock-error.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function adminGuard(config: Config): RequestHandler {
  const ownHosts = new Set(
    [config.host, config.publicUrl && URL.canParse(config.publicUrl) ? new URL(config.publicUrl).hostname : '']
      .filter(Boolean)
      .map((h) => h.toLowerCase()),
  );
  const anyHost = config.allowedHosts.includes('*');
  const origins = originsOf(config.publicUrl, config.allowedOrigins);
  const hostAllowed = (host: string) => {
    const name = hostnameOf(host);
    return (
      anyHost ||
      config.allowedHosts.includes(host) ||
      config.allowedHosts.includes(name) ||
      ownHosts.has(name) ||
      isIP(name.replace(/^\[|\]$/g, '')) !== 0 ||
      name === 'localhost' ||
      name.endsWith('.localhost') ||
      name.endsWith('.internal') ||
      /^[a-z0-9_-]+$/.test(name)
    );
  };
  return (req, _res, next) => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (req.headers['user-agent']?.startsWith(`${SANDBOX_AGENT}/`))
      return next(
        new MockError(
          'a request made by a doku-sandbox (a notification, token request or verifier check) never reaches the admin API',
          {},
          508,
        ),
      );
    if (host && !hostAllowed(host))
      return next(new MockError(`Host "${host.slice(0, 100)}" is not one this sandbox serves: add it to DOKU_ALLOWED_HOSTS`, {}, 403));
    const foreign = foreignPage(req.method, req.headers, origins);
    if (foreign)
      return next(
        new MockError(`a page of another origin (${foreign}) cannot call the admin API: add it to DOKU_ALLOWED_ORIGINS`, {}, 403),
      );
    if (!READS.has(req.method) && hasBody(req.headers) && !isJson(req.headers['content-type']))
      return next(new MockError('an admin call that changes state sends Content-Type: application/json (or no body)', {}, 415));
    next();
  };
}

function hostnameOf(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
}

function hasBody(h: Record<string, string | string[] | undefined>): boolean {
  return h['transfer-encoding'] !== undefined || (h['content-length'] !== undefined && h['content-length'] !== '0');
}

const isJson = (type: string | undefined) => type !== undefined && /^application\/json\s*(;|$)/i.test(type);
