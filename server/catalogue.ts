/**
 * Every product's endpoints and what is documented of them, as one list the core reads: the SNAP
 * routes, the scenario checks, coverage, OpenAPI and the dashboard. The core's own endpoint (the
 * B2B token every product's calls need, docs/doku.md §3.1) comes first.
 */
import { tokenB2b } from './auth/token-b2b.js';
import type { EndpointDefinition } from './endpoint.js';
import type { EndpointCatalogue, Product } from './product.js';
import { FORMAT, SERVER_DOWN } from './snap/case-sets.js';

/** The SNAP core as a product: its token endpoint. */
export const SNAP_CORE: Product = {
  name: 'snap',
  endpoints: [tokenB2b],
  catalogue: {
    'token-b2b': {
      cases: [...FORMAT, '401_00', ...SERVER_DOWN],
      prefix: 'token',
      docs: 'docs/doku.md §3.1',
      parser: { omit: 'expiresIn', omitWhy: 'Go reads it as a number of seconds; Java assumes 900 without it' },
    },
  },
};

export class Catalogue {
  readonly products: readonly Product[];
  readonly endpoints: readonly EndpointDefinition<unknown>[];
  private readonly entries = new Map<string, EndpointCatalogue>();

  constructor(products: readonly Product[]) {
    this.products = [SNAP_CORE, ...products];
    this.endpoints = this.products.flatMap((p) => p.endpoints as EndpointDefinition<unknown>[]);
    const paths = new Set<string>();
    for (const p of this.products)
      for (const def of p.endpoints) {
        const entry = p.catalogue[def.name];
        // a product that forgets one would ship an endpoint without scenarios or coverage
        if (!entry) throw new Error(`${p.name}: endpoint ${def.name} has no catalogue entry`);
        const own = [def.path, ...(def.aliases ?? [])].map((path) => path.toLowerCase());
        if (this.entries.has(def.name) || own.some((path) => paths.has(path)))
          throw new Error(`${p.name}: endpoint ${def.name} (${def.path}) is another product's too`);
        this.entries.set(def.name, entry);
        for (const path of own) paths.add(path);
      }
  }

  /** Every path served, with its endpoint: each endpoint's own, then its aliases. */
  routes(): [path: string, def: EndpointDefinition<unknown>][] {
    return this.endpoints.flatMap((def) =>
      [def.path, ...(def.aliases ?? [])].map((path) => [path, def] as [string, EndpointDefinition<unknown>]),
    );
  }

  endpoint(name: string): EndpointDefinition<unknown> | undefined {
    return this.endpoints.find((e) => e.name === name);
  }

  entry(name: string): EndpointCatalogue | undefined {
    return this.entries.get(name);
  }

  /** The product an endpoint belongs to. */
  productOf(name: string): Product | undefined {
    return this.products.find((p) => p.endpoints.some((e) => e.name === name));
  }
}
