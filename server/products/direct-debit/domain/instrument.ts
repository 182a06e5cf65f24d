/** Identifies a card or account per merchant without storing its number (docs/doku.md §4: one card, one customer). */
import { createHmac } from 'node:crypto';

export const instrumentFingerprint = (clientId: string, number: string): string =>
  createHmac('sha256', clientId).update(number).digest('hex');
