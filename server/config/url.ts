/** An absolute http:// or https:// URL (settings, merchants, redirect targets in requests). */
export function isHttpUrl(v: string): boolean {
  return URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol);
}
