/**
 * pino, human-readable in a terminal and JSON otherwise. Secrets never reach it: request logging
 * names only method, path, responseCode and X-EXTERNAL-ID; headers and bodies are not logged.
 *
 * JSON lines are written in batches (4 KB, or every 100 ms when traffic is light) instead of one
 * synchronous write per line: on this machine a `write` to stdout cost ~5 % of a request's CPU
 * (docs/performance.md). `exitAfterFlush` writes what is pending before the process exits; a crash
 * of Node itself can lose the last 100 ms of log lines, never state.
 */
import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type { PrettyStream } from 'pino-pretty';

const REDACT = { paths: ['*.clientSecret', '*.authorization', '*.cardData', '*.DOKU_CLIENT_SECRET', '*.DOKU_SHARED_KEY'], censor: '****' };

let pending: { flush(cb: (err?: Error) => void): void } | undefined;

export function createLogger(level: string, pretty = Boolean(process.stdout.isTTY)): Logger {
  if (pretty) {
    // In-process (not a worker transport), and loaded only in a terminal: CI and Docker never pay for it.
    const prettyStream = createRequire(import.meta.url)('pino-pretty') as (options: object) => PrettyStream;
    return pino({ level, base: undefined, redact: REDACT }, prettyStream({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', sync: true }));
  }
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 100 });
  pending = destination;
  return pino({ level, base: undefined, redact: REDACT }, destination);
}

/** Writes the buffered log lines (waiting for one already on its way), then exits; at most 1 s. */
export function exitAfterFlush(code: number): void {
  const exit = () => process.exit(code);
  if (!pending) return exit();
  setTimeout(exit, 1000).unref();
  try {
    pending.flush(exit);
  } catch {
    exit(); // stdout already closed: nothing more can be written
  }
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
