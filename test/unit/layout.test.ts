/** One folder per product on a shared core (issue #26): the import direction, and what the catalogue refuses. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { PROJECT_ROOT } from '../../server/config/load.js';
import { Catalogue } from '../../server/catalogue.js';
import type { Product } from '../../server/product.js';
import { directDebit } from '../../server/products/direct-debit/index.js';

const SERVER = join(PROJECT_ROOT, 'server');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
/** Every relative import of a file, as a path below server/. */
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => relative(SERVER, resolve(dirname(file), m[1]!)));

describe('the layout', () => {
  test('the core imports no product (the composition roots alone name them: main.ts, the CLI; embed/start.ts, startSandbox)', () => {
    const roots = ['main.ts', 'embed/start.ts'];
    const core = files(SERVER).filter((f) => !relative(SERVER, f).startsWith('products/') && !roots.includes(relative(SERVER, f)));
    const wrong = core.flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith('products/'))
        .map((i) => `${relative(SERVER, f)} → ${i}`),
    );
    expect(core.length).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });

  test('a product imports the core and itself, never another product', () => {
    const products = readdirSync(join(SERVER, 'products'), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(products.map((d) => d.name)).toContain('direct-debit');
    const wrong = products.flatMap((p) =>
      files(join(SERVER, 'products', p.name)).flatMap((f) =>
        importsOf(f)
          .filter((i) => i.startsWith('products/') && !i.startsWith(`products/${p.name}/`))
          .map((i) => `${relative(SERVER, f)} → ${i}`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  test('the catalogue refuses an endpoint without its catalogue entry, and a path two products claim', () => {
    const { payment } = Object.fromEntries(directDebit.endpoints.map((e) => [e.name, e]));
    const noEntry: Product = { name: 'half', endpoints: [{ ...payment!, name: 'half-payment', path: '/half' }], catalogue: {} };
    expect(() => new Catalogue([noEntry])).toThrow('half: endpoint half-payment has no catalogue entry');
    const twice: Product = { ...noEntry, endpoints: [payment!], catalogue: { payment: directDebit.catalogue.payment! } };
    expect(() => new Catalogue([directDebit, twice])).toThrow(/another product's too/);
    expect(new Catalogue([directDebit]).endpoint('token-b2b')?.path).toBe('/authorization/v1/access-token/b2b');
  });
});
