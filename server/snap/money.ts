/**
 * SNAP amounts are strings with two decimals (docs/doku.md §1.6), up to 16 integer digits: more than a
 * double holds exactly, so arithmetic is on integer cents as BigInt.
 */
export interface Amount {
  value: string;
  currency: string;
}

export const toCents = (value: string): bigint => BigInt(value.replace('.', ''));

export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export const idr = (value: string): Amount => ({ value, currency: 'IDR' });
