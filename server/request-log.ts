/**
 * What happens when a DOKU-endpoint exchange ends (answered or dropped), with one `close` listener
 * per request: one pino line (method, path, responseCode, scenario, duration, X-EXTERNAL-ID;
 * headers and bodies are never logged, so secrets and card data cannot leak), one entry in the
 * /__mock/requests journal, and, for a DOKU endpoint's answer (not an idempotent replay), one
 * count in the coverage report.
 */
import type { SnapRequest, SnapResponse } from './pipeline/snap-http.js';
import type { Logger } from 'pino';
import type { Journal } from './admin/journal.js';
import type { Coverage } from './admin/coverage.js';
import type { EventEmitter } from 'node:events';

export type Observe = (req: SnapRequest, res: SnapResponse) => void;

export function observeExchanges(logger: Logger, journal: Journal, coverage: Coverage, changes: EventEmitter): Observe {
  // These lines carry only the fields below, none of them secret: skip the root logger's redaction
  // pass (its wildcard paths walk every logged object: ~1 % of a request's CPU).
  const log = logger.child({}, { redact: [] });
  return (req, res) => {
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const answer = res.locals.answer as { responseCode?: string } | undefined;
      const durationMs = Number((process.hrtime.bigint() - started) / 1000n) / 1000;
      log.info(
        {
          method: req.method,
          path: req.path,
          status: res.writableFinished ? res.statusCode : 'dropped',
          responseCode: answer?.responseCode,
          scenario: res.getHeader('X-Mock-Scenario'),
          durationMs,
          externalId: req.headers['x-external-id'],
        },
        'request',
      );
      journal.keep(req, res, durationMs);
      changes.emit('change', { kind: 'request' });
      const endpoint = (res.locals.endpoint as { name: string } | undefined)?.name; // set by snap-routes.ts
      if (endpoint && answer?.responseCode && !res.getHeader('X-Mock-Replay')) {
        // the merchant the request was authenticated as (pipeline/run-endpoint.ts), never a mere X-PARTNER-ID claim
        const who = res.locals.clientId as string | undefined;
        const scenario = res.getHeader('X-Mock-Scenario');
        coverage.record(
          who ?? '',
          endpoint,
          answer.responseCode,
          typeof scenario === 'string' && scenario !== 'none' ? scenario : undefined, // snap-routes.ts marks none `none`
        );
      }
    });
  };
}
