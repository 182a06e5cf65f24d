/** The TEST-ONLY demo merchant of fixtures/, as a client holds it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../server/config/load.js';

const demo = JSON.parse(readFileSync(join(FIXTURES_DIR, 'demo-merchant.json'), 'utf8')) as Record<string, string>;

export const DEMO = {
  clientId: demo.clientId!,
  clientSecret: demo.clientSecret!,
  privateKeyPem: readFileSync(join(FIXTURES_DIR, demo.privateKeyPem!), 'utf8'),
  publicKeyPath: join(FIXTURES_DIR, demo.publicKeyPem!),
};

export const CARD = { bankCardNo: '5221841234567890', bankCardType: 'C', expiryDate: '1228' };
