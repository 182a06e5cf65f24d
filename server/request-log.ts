/**
 * One log line per DOKU-endpoint request: method, path, responseCode, scenario, duration and
 * X-EXTERNAL-ID. Headers and bodies are never logged, so secrets and card data cannot leak.
 */
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const answer = res.locals.answer as { responseCode?: string } | undefined;
      log.info(
        {
          method: req.method,
          path: req.path,
          status: res.writableFinished ? res.statusCode : 'dropped',
          responseCode: answer?.responseCode,
          scenario: res.getHeader('X-Mock-Scenario'),
          durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          externalId: req.get('X-EXTERNAL-ID'),
        },
        'request',
      );
    });
    next();
  };
}
