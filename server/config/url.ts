/** The longest URL the sandbox accepts or calls (settings, merchants, the verifier check): browsers' and proxies' common limit. */
export const URL_MAX = 2048;

/** An absolute http:// or https:// URL of at most URL_MAX characters (settings, merchants, redirect targets in requests). */
export function isHttpUrl(v: string): boolean {
  return v.length <= URL_MAX && URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol);
}
