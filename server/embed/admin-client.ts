/**
 * The embedded sandbox's helpers speak to its own admin API (/__mock, README "Admin API") over
 * loopback, so a helper does exactly what the same call from curl or the dashboard does, errors
 * included. Through undici's own connection pool, not the global fetch or node:http: test suites
 * that intercept those (msw, nock with `disableNetConnect`) must not catch the sandbox's own calls.
 */
import { Pool } from 'undici';

/** An admin call the sandbox refused: its `mockError`, the HTTP status and the body's other details. */
export class SandboxError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}

export class AdminClient {
  private readonly pool: Pool;

  constructor(
    url: string,
    private readonly token: string,
  ) {
    this.pool = new Pool(url, { connections: 4 });
  }

  /** `path` below /__mock; `query` values left undefined are not sent. */
  async call<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: object,
    query: Record<string, string | undefined> = {},
  ): Promise<T> {
    const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined)).toString();
    const res = await this.pool.request({
      method,
      path: `/__mock${path}${search ? `?${search}` : ''}`,
      headers: {
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.body.text();
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new SandboxError(`${method} /__mock${path}: ${res.statusCode}, not JSON: ${text.slice(0, 200)}`, res.statusCode, {});
    }
    if (res.statusCode >= 400) {
      const { mockError, ...details } = json;
      throw new SandboxError(
        typeof mockError === 'string' ? mockError : `${method} /__mock${path}: ${res.statusCode}`,
        res.statusCode,
        details,
      );
    }
    return json as T;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
