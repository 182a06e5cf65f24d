/**
 * The dashboard's stream of "something changed" events (admin/ui/); each product's views of
 * its records are its own (products/direct-debit/admin/views.ts). Documented in the OpenAPI
 * document like every admin route, so whatever the dashboard shows can be scripted.
 */
import type { EventEmitter } from 'node:events';
import { Router } from 'express';
import type { Deps } from '../deps.js';
import { MockError } from '../scenario/mock-error.js';

export function eventsRoute(deps: Deps, changes: EventEmitter): Router {
  const router = Router();
  // Server-sent events: `change` after every DOKU exchange and notification attempt (the dashboard reloads what it shows).
  // At most DOKU_EVENTS_MAX followers: each change is written to every one of them, on the request path.
  let following = 0;
  router.get('/events', (_req, res) => {
    if (following >= deps.config.eventsMax)
      throw new MockError(`${following} clients already follow /__mock/events (DOKU_EVENTS_MAX): close a dashboard tab`, {}, 503);
    following++;
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const send = (e: unknown) => res.write(`event: change\ndata: ${JSON.stringify(e)}\n\n`);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    changes.on('change', send);
    res.on('close', () => {
      following--;
      changes.off('change', send);
      clearInterval(ping);
    });
  });
  return router;
}
