/**
 * Whether a browser made a request for a page of another origin (docs/shared-sandbox.md): by its
 * `Origin` (sent with every POST, `no-cors` ones too), else by `Sec-Fetch-Site`. The sandbox's own
 * pages (same host, or DOKU_PUBLIC_URL behind a proxy) and `allowed` origins are not foreign; nor is
 * following a link (a GET navigation), which can neither change nor read anything.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface PageOrigins {
  /** DOKU_PUBLIC_URL's origin, lower case, or '' */
  publicOrigin: string;
  /** DOKU_ALLOWED_ORIGINS, lower case */
  allowed: readonly string[];
}

export function originsOf(publicUrl: string, allowed: readonly string[]): PageOrigins {
  return { publicOrigin: publicUrl && URL.canParse(publicUrl) ? new URL(publicUrl).origin.toLowerCase() : '', allowed };
}

/** The foreign origin (or `Sec-Fetch-Site` value) a request came from, or undefined when it may act. */
export function foreignPage(method: string, h: IncomingHttpHeaders, origins: PageOrigins): string | undefined {
  if ((method === 'GET' || method === 'HEAD') && h['sec-fetch-mode'] === 'navigate') return undefined;
  const origin = h.origin?.toLowerCase();
  if (origin === undefined) {
    const site = h['sec-fetch-site'];
    return site === 'cross-site' || site === 'same-site' ? `Sec-Fetch-Site: ${site}` : undefined;
  }
  const own = origin !== 'null' && URL.canParse(origin) && new URL(origin).host === (h.host ?? '').toLowerCase();
  return own || origin === origins.publicOrigin || origins.allowed.includes(origin) ? undefined : origin.slice(0, 100);
}
