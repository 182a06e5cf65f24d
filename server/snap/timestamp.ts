/**
 * X-TIMESTAMP handling (docs/doku.md §1.3, docs/sdks.md). The header is always used verbatim
 * in strings-to-sign; parsing only serves the optional freshness window (docs/settings.md #6).
 */

/** `Z`, `±HH:MM` (including Node's `-00:00` on UTC hosts) and optional millis, as the SDKs send. */
export const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/** The strict pattern from DOKU's binding pages ([SEED]): offset only, no `Z`, no millis. */
export const STRICT_TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/** Strict on the token endpoints: DOKU's B2B token page asks for UTC (`Z`), as Java and Python send it. */
export const STRICT_TOKEN_TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

export function isValidTimestamp(value: string, strict = false, token = false): boolean {
  const pattern = strict ? (token ? STRICT_TOKEN_TIMESTAMP_PATTERN : STRICT_TIMESTAMP_PATTERN) : TIMESTAMP_PATTERN;
  return pattern.test(value) && !Number.isNaN(Date.parse(value));
}

/** Milliseconds in X-TIMESTAMP: accepted when lenient, but DOKU's sandbox reportedly answers "Invalid Field Format X-TIMESTAMP". */
export const hasMillis = (value: string): boolean => /T\d{2}:\d{2}:\d{2}\.\d/.test(value);

/** Seconds between the header's instant and `now` (absolute), for the skew check. */
export function skewSeconds(value: string, now: number): number {
  return Math.abs(now - Date.parse(value)) / 1000;
}

/** An ISO-8601 date (and time) that names a real day: Date.parse alone would roll 2026-02-30 over into March. */
export function isRealDate(v: string): boolean {
  const [y, m, d] = v.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d && !Number.isNaN(Date.parse(v));
}

const JAKARTA_OFFSET_MS = 7 * 3600 * 1000;

/** Formats an instant in Asia/Jakarta (UTC+7, no DST) as `yyyy-MM-ddTHH:mm:ss+07:00`. */
export function formatJakarta(epochMs: number): string {
  return new Date(epochMs + JAKARTA_OFFSET_MS).toISOString().slice(0, 19) + '+07:00';
}

/** The Asia/Jakarta calendar day `yyyy-MM-dd` (idempotency scope, docs/doku.md §1.4, docs/settings.md #8). */
export function jakartaDay(epochMs: number): string {
  return new Date(epochMs + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}
