/**
 * What a scenario rule does to the exchange: the forced answer, and the timing effects
 * (delay, a hang past the client's timeout, a dropped connection).
 */
import type { IncomingMessage } from 'node:http';
import { SnapError } from '../snap/errors.js';
import { fillMessage } from '../snap/response-codes.js';
import { caseOf } from './load.js';
import type { Chosen } from './types.js';

/** A plausible field for forced "Invalid Field Format {field}" answers. */
const DEFAULT_DETAIL: Record<string, string> = { '400_01': 'X-TIMESTAMP', '400_02': 'X-SIGNATURE', '401_00': 'Invalid Signature' };

export function forcedAnswer(chosen: Chosen): SnapError {
  const caseKey = caseOf(chosen.rule.responseCode!);
  const message = chosen.rule.responseMessage ?? fillMessage(caseKey, DEFAULT_DETAIL[caseKey]);
  return new SnapError(caseKey, message, `forced by scenario ${chosen.scenario.name} (${chosen.via})`, chosen.rule.body);
}

/** A normal answer as the rule shapes it: keys added, keys left out (responseCode and responseMessage stay). */
export function shapeAnswer<T extends { responseCode: string }>(answer: T, chosen: Chosen | undefined): T {
  const rule = chosen?.rule;
  if (!rule?.addKeys && !rule?.omitKeys) return answer;
  const shaped: Record<string, unknown> = { ...answer, ...rule.addKeys };
  for (const key of rule.omitKeys ?? []) if (key !== 'responseCode' && key !== 'responseMessage') delete shaped[key];
  return shaped as T;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Applies delay, then hang or drop. Returns false when the connection was closed without an answer
 * (the caller must not answer then).
 */
export async function applyTiming(chosen: Chosen | undefined, req: IncomingMessage): Promise<boolean> {
  if (!chosen) return true;
  const { delayMs, hangMs, drop } = chosen.rule;
  if (delayMs > 0) await sleep(delayMs);
  if (hangMs !== undefined) {
    await Promise.race([sleep(hangMs), new Promise((r) => req.socket.once('close', r))]);
    req.socket.destroy();
    return false;
  }
  if (drop) {
    req.socket.destroy();
    return false;
  }
  return true;
}
