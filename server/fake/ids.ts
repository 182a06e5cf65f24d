/**
 * Generated identifiers, from one faker instance so DOKU_FAKER_SEED makes a run reproducible.
 * Shapes follow DOKU's samples: referenceNo is a 32-digit string starting with the date
 * (docs/doku.md §10.4 sample `20230811000000050116917278196299`).
 */
import { faker as baseFaker } from '@faker-js/faker/locale/id_ID';
import type { Faker } from '@faker-js/faker';
import { formatJakarta } from '../snap/timestamp.js';

export interface Ids {
  referenceNo(now: number): string;
  bankCardToken(): string;
  authCode(): string;
  chargeToken(): string;
  sessionId(): string;
  tokenId(): string;
  refreshToken(): string;
  approvalCode(): string;
  /** an X-EXTERNAL-ID as DOKU sends its own (docs/doku.md §10.4: 21 digits in its sample) */
  externalId(): string;
  /** A whole-thousands IDR balance between min and max, as a SNAP amount value. */
  balance(min: number, max: number): string;
  faker: Faker;
}

export function createIds(seed: number | undefined): Ids {
  // One instance per app (not the module's shared singleton), so two apps never share a sequence.
  // The locale subpath loads in ~0.1 s; the package root would load every locale (~0.3 s).
  const FakerClass = baseFaker.constructor as new (o: { locale: Faker['rawDefinitions'] }) => Faker;
  const faker = new FakerClass({ locale: baseFaker.rawDefinitions });
  if (seed !== undefined) faker.seed(seed);
  const alnum = (n: number) => faker.string.alphanumeric({ length: n, casing: 'mixed' });
  return {
    referenceNo: (now) => formatJakarta(now).slice(0, 10).replaceAll('-', '') + faker.string.numeric(24),
    bankCardToken: () => `CT-${alnum(40)}`,
    authCode: () => alnum(32),
    chargeToken: () => alnum(32),
    sessionId: () => `SESSION-${alnum(24)}`,
    tokenId: () => faker.string.uuid(),
    refreshToken: () => alnum(48),
    approvalCode: () => faker.string.numeric(6),
    externalId: () => faker.string.numeric({ length: 21, allowLeadingZeros: false }),
    balance: (min, max) => `${Math.round(faker.number.int({ min, max }) / 1000) * 1000}.00`,
    faker,
  };
}
