/**
 * /__mock/clock: the sandbox's time, moved so a test of "after the token expires" need not wait
 * (Stripe's test clocks, per merchant). `GET` shows it; `POST {"advanceSeconds"} | {"set": ISO}`
 * moves it; `DELETE` returns to real time; each takes `clientId` (body or query) for one
 * merchant's own clock, so parallel suites travel apart, else the default every merchant follows
 * until given its own. What the move makes due (a settlement, a notification retry) happens at once.
 */
import { Router } from 'express';
import type { Deps } from '../deps.js';
import type { Outbox } from '../notify/outbox.js';
import { MockError } from '../scenario/mock-error.js';
import { clientIdOf } from './client-id.js';
import { formatJakarta } from '../snap/timestamp.js';

export function clockRoutes(deps: Deps, outbox: Outbox): Router {
  const router = Router();
  const { clock } = deps;
  const show = (clientId: string | undefined) => {
    const offsetMs = clock.offsetOf(clientId);
    return {
      ...(clientId ? { clientId, own: clock.isOwn(clientId) } : {}),
      now: formatJakarta(clock.now(clientId)),
      offsetSeconds: offsetMs / 1000,
      real: offsetMs === 0,
    };
  };

  router.get('/clock', (req, res) => void res.json(show(clientIdOf(req))));

  router.post('/clock', (req, res) => {
    const body = (req.body ?? {}) as { advanceSeconds?: unknown; set?: unknown; clientId?: unknown };
    const clientId = clientIdOf(req);
    if (typeof body.advanceSeconds === 'number' && Number.isFinite(body.advanceSeconds) && body.set === undefined)
      clock.advance(body.advanceSeconds * 1000, clientId);
    else if (
      typeof body.set === 'string' &&
      /^\d{4}-\d{2}-\d{2}T/.test(body.set) &&
      !Number.isNaN(Date.parse(body.set)) &&
      body.advanceSeconds === undefined
    )
      clock.set(Date.parse(body.set), clientId);
    else throw new MockError('send {"advanceSeconds": <number>} or {"set": "<ISO-8601 date-time>"}, and optionally "clientId"');
    outbox.kick(); // settlements and retries that are now due happen now
    res.json(show(clientId));
  });

  router.delete('/clock', (req, res) => {
    const clientId = clientIdOf(req);
    clock.reset(clientId);
    res.json(show(clientId));
  });
  return router;
}
