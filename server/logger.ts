/**
 * pino, human-readable in a terminal and JSON otherwise. Secrets never reach it: request logging
 * names only method, path, responseCode and X-EXTERNAL-ID; headers and bodies are not logged.
 *
 * JSON lines are written in batches (4 KB, or every 100 ms when traffic is light) instead of one
 * synchronous write per line: on this machine a `write` to stdout cost ~5 % of a request's CPU
 * (docs/performance.md). pino's own destination writes what is pending when the process exits
 * (tested by the SIGTERM test); a crash of Node itself can lose the last 100 ms of lines, never state.
 */
import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type { PrettyStream } from 'pino-pretty';

const REDACT = { paths: ['*.clientSecret', '*.authorization', '*.cardData', '*.DOKU_CLIENT_SECRET', '*.DOKU_SHARED_KEY'], censor: '****' };

/** `destination`: where a terminal's lines go (stdout; a test's own stream). */
export function createLogger(level: string, pretty = Boolean(process.stdout.isTTY), destination?: NodeJS.WritableStream): Logger {
  if (pretty) {
    // In-process (not a worker transport), and loaded only in a terminal: CI and Docker never pay for it.
    // singleLine: one line per request in a terminal too (README), its fields after the message.
    const prettyStream = createRequire(import.meta.url)('pino-pretty') as (options: object) => PrettyStream;
    return pino(
      { level, base: undefined, redact: REDACT },
      prettyStream({
        colorize: !destination,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname',
        singleLine: true,
        sync: true,
        ...(destination ? { destination } : {}),
      }),
    );
  }
  return pino({ level, base: undefined, redact: REDACT }, pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 100 }));
}

/**
 * Writes the batched lines out before an exit, asynchronously. Needed because on exit pino flushes
 * synchronously, and sonic-boom's synchronous flush retries a failed write forever: when nobody reads
 * stdout any more (`npm start | head`, a log collector gone), the exit hung on EPIPE. Written
 * asynchronously, the EPIPE reaches pino, which then stops logging and makes that exit flush a no-op.
 * Gives up after `ms` (a stalled reader must not hold the stop).
 */
export function flushLog(log: Logger, ms = 1000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    log.flush(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
