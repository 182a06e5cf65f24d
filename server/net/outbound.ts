/**
 * Every request the sandbox makes of its own (DOKU → merchant: the token request, the notification,
 * the verifier check) goes through `Outbound.fetch`, which refuses (docs/shared-sandbox.md):
 *  - a URL longer than URL_MAX or not http(s);
 *  - a host not in DOKU_OUTBOUND_HOSTS, when that setting limits them (default `*`: a merchant's
 *    receiver may be anywhere a CI job runs);
 *  - the sandbox itself, by any spelling: DOKU_PUBLIC_URL's origin, or an address that is this
 *    machine's (loopback, unspecified, any interface's) on a port the sandbox listens on. The check
 *    runs on the address the connection is made to (undici's connect `lookup`), so a name that
 *    resolves, or re-resolves, to the sandbox is refused too.
 * Each request also says it comes from a sandbox (User-Agent), and the admin API refuses such
 * requests (admin/guard.ts): two sandboxes pointed at each other cannot loop either.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { RequestInit, Response } from 'undici';
import { URL_MAX } from '../config/url.js';

export const SANDBOX_AGENT = 'doku-sandbox';

const loadUndici = () => import('undici');
let undici: ReturnType<typeof loadUndici> | undefined;

/** A request the sandbox will not make; its message says why. */
export class OutboundRefused extends Error {}

export class Outbound {
  /** the ports the sandbox's own server listens on (main.ts, or a test that listens) */
  readonly ports = new Set<number>();
  private readonly publicOrigin: string | undefined;

  constructor(
    publicUrl: string,
    private readonly allowedHosts: readonly string[] = ['*'],
  ) {
    this.publicOrigin = publicUrl && URL.canParse(publicUrl) ? new URL(publicUrl).origin : undefined;
  }

  listeningOn(port: number): void {
    this.ports.add(port);
  }

  /** Why `url` is refused before any name is resolved, or undefined. */
  refusal(url: string): string | undefined {
    if (url.length > URL_MAX) return `the URL is longer than ${URL_MAX} characters`;
    if (!URL.canParse(url)) return 'not a URL';
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'not an http:// or https:// URL';
    if (!this.hostAllowed(u)) return `${u.host} is not in DOKU_OUTBOUND_HOSTS`;
    if (u.origin === this.publicOrigin) return `${u.origin} is the sandbox itself (DOKU_PUBLIC_URL)`;
    const host = bare(u);
    if (isIP(host) && this.isSelf(host, portOf(u))) return `${u.host} is the sandbox itself`;
    return undefined;
  }

  /** `refusal`, and the name resolved now: for registration, where a name that does not resolve yet is accepted. */
  async check(url: string): Promise<string | undefined> {
    const sync = this.refusal(url);
    if (sync) return sync;
    const u = new URL(url);
    const addresses = await new Promise<LookupAddress[]>((resolve) =>
      dnsLookup(bare(u), { all: true }, (err, all) => resolve(err ? [] : all)),
    );
    const self = addresses.find((a) => this.isSelf(a.address, portOf(u)));
    return self ? `${u.host} resolves to ${self.address}, the sandbox itself` : undefined;
  }

  /** fetch(), refused (OutboundRefused) where `refusal` or the connection's own address says so. */
  async fetch(url: string, init: RequestInit): Promise<Response> {
    const why = this.refusal(url);
    if (why) throw new OutboundRefused(why);
    const port = portOf(new URL(url));
    // undici on the first request the sandbox makes, not at start: it cost ~100 ms of every cold start
    const { Agent, fetch: undiciFetch } = await (undici ??= loadUndici());
    // one dispatcher per request: its lookup knows the port (closed once the answer is read)
    const agent = new Agent({ connect: { lookup: this.guardedLookup(port) } });
    try {
      const headers = { ...(init.headers as Record<string, string>), 'User-Agent': `${SANDBOX_AGENT}/notify` };
      return await undiciFetch(url, { ...init, headers, dispatcher: agent, redirect: 'manual' });
    } catch (e) {
      const cause = (e as { cause?: unknown }).cause;
      throw cause instanceof OutboundRefused ? cause : e;
    } finally {
      void agent.close();
    }
  }

  /** The address `host` means is this machine's, on a port the sandbox listens on. */
  isSelf(address: string, port: number): boolean {
    return this.ports.has(port) && isLocalAddress(address);
  }

  private guardedLookup(port: number): LookupFunction {
    return (hostname, options, callback) =>
      dnsLookup(hostname, { ...options, all: true }, (err, all) => {
        if (err) return callback(err, '', 0);
        const self = all.find((a) => this.isSelf(a.address, port));
        if (self) return callback(new OutboundRefused(`${hostname}:${port} resolves to ${self.address}, the sandbox itself`), '', 0);
        if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, all);
        callback(null, all[0]!.address, all[0]!.family);
      });
  }

  private hostAllowed(u: URL): boolean {
    return this.allowedHosts.some(
      (h) => h === '*' || h === u.hostname || h === u.host || (h.startsWith('*.') && u.hostname.endsWith(h.slice(1))),
    );
  }
}

/** The host without an IPv6 literal's brackets. */
const bare = (u: URL) => u.hostname.replace(/^\[|\]$/g, '');
const portOf = (u: URL) => Number(u.port || (u.protocol === 'https:' ? 443 : 80));

/** Loopback, unspecified (0.0.0.0 reaches this machine), or one of this machine's interfaces. */
export function isLocalAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^::ffff:(?=\d+\.)/, '');
  if (/^127\./.test(a) || a === '0.0.0.0' || a === '::1' || a === '::' || /^::ffff:7f/.test(a) || a === '::ffff:0:0') return true;
  return Object.values(networkInterfaces()).some((list) => list?.some((i) => i.address.toLowerCase() === a));
}
