/**
 * What the request handlers, the domain rules and the admin routes share: settings, state, time,
 * generated ids and the log. Its own module, below everything that uses it, so nothing imports
 * upwards to reach it. (The scenarios are the pipeline's concern: createApp takes them apart.)
 */
import type { Logger } from 'pino';
import type { TravelClock } from './clock.js';
import type { Config } from './config/load.js';
import type { Ids } from './fake/ids.js';
import type { Store } from './store/store.js';
import type { MerchantRegistry } from './merchants.js';
import type { Outbound } from './net/outbound.js';
import type { Catalogue } from './catalogue.js';

export interface Deps {
  config: Config;
  store: Store;
  /** every merchant: the settings' and those registered at run time */
  merchants: MerchantRegistry;
  clock: TravelClock;
  ids: Ids;
  log: Logger;
  /** every request the sandbox makes of its own goes through it: never to itself (net/outbound.ts) */
  outbound: Outbound;
  /** every product's endpoints and what is documented of them (catalogue.ts): the core's only view of the products */
  catalogue: Catalogue;
}
