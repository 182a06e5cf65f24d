/**
 * pino, human-readable in a terminal and JSON otherwise. Secrets never reach it: request logging
 * names only method, path, responseCode and X-EXTERNAL-ID; headers and bodies are not logged.
 */
import { pino, type Logger } from 'pino';

export function createLogger(level: string, pretty = Boolean(process.stdout.isTTY)): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['*.clientSecret', '*.authorization', '*.cardData', '*.DOKU_CLIENT_SECRET', '*.DOKU_SHARED_KEY'], censor: '****' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
  });
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
