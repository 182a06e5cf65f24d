/**
 * GET /__mock/ui and its files (issue #18, #28 §3): the dashboard is plain HTML, CSS and JavaScript
 * modules in server/admin/ui/, read as they are, no build step and nothing from another origin, so
 * it works in an air-gapped CI job and a devtools user reads the same files the formatter and the
 * linter do. Every value it shows comes from the documented admin API and is written with
 * textContent (never parsed as HTML). The page and its files hold no state: public, like the
 * OpenAPI document; its data calls need the admin token.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Router, type Response } from 'express';
import { PROJECT_ROOT } from '../config/paths.js';

const DIR = join(PROJECT_ROOT, 'server', 'admin', 'ui');
const TYPES = { html: 'text/html', css: 'text/css', js: 'text/javascript' } as const;
/** The files served: a fixed list, so no path from a request ever reaches the file system. */
export const UI_FILES = ['dashboard.css', 'admin.js', 'dialog.js', 'stories.js', 'tables.js', 'dashboard.js'] as const;

/** Its own files only: scripts and styles from 'self', calls to its own origin; no frames, forms or base elsewhere. */
export const UI_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

export function uiRoutes(): Router {
  const router = Router();
  const cache = new Map<string, string>();
  // Read once, on first use: a sandbox nobody opens the dashboard of never reads them.
  const file = (name: string) => cache.get(name) ?? cache.set(name, readFileSync(join(DIR, name), 'utf8')).get(name)!;
  const send = (name: string, res: Response, headers: Record<string, string> = {}) =>
    void res
      .type(TYPES[name.slice(name.lastIndexOf('.') + 1) as keyof typeof TYPES])
      .set({ ...HEADERS, ...headers })
      .send(file(name));
  router.get('/ui', (_req, res) => send('dashboard.html', res, { 'Content-Security-Policy': UI_CSP }));
  router.get('/ui/:file', (req, res, next) => {
    const name = UI_FILES.find((f) => f === req.params.file);
    if (name) send(name, res);
    else next(); // not one of them: the admin API's 404
  });
  return router;
}
