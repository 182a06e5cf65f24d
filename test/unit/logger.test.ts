/** The terminal's log (README: "one line per request"): pino-pretty on one line, fields after the message, secrets redacted. */
import { PassThrough } from 'node:stream';
import { createLogger, flushLog } from '../../server/logger.js';

test('in a terminal, a request is one line with its fields; a secret is masked', async () => {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString('utf8')));
  const log = createLogger('info', true, out);
  log.info({ method: 'POST', path: '/orders/v1.0/debit/status', responseCode: '2005500', durationMs: 1.2, externalId: '42' }, 'request');
  log.info({ merchant: { clientSecret: 'SK-very-secret' } }, 'merchant registered');
  await flushLog(log);
  const lines = text.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/INFO.*request.*"method":"POST".*"path":"\/orders\/v1\.0\/debit\/status".*"responseCode":"2005500"/);
  expect(lines[1]).toContain('"clientSecret":"****"');
  expect(text).not.toContain('SK-very-secret');
});
