// ESLint (flat config) with typescript-eslint's recommended rules, and the layering the code keeps:
// imports point one way (DEVELOPERS.md): a product → the core, never back, never product → product;
// within the core, downwards only. Only the composition roots (main.ts, embed/start.ts) name the products.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The product folders (server/products/<name>/). */
const PRODUCTS = readdirSync(new URL('./server/products', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** Modules a layer must not import: a path pattern per layer (relative imports). */
const upwards = (...layers) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: layers.map((layer) => ({
        group: [`**/${layer}/*`, `**/${layer}.js`],
        message: `imports point downwards only: not ${layer}`,
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/.recipe-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // The core: below the products, in layers (store below notify, snap/config/auth/net/fake below the store).
  { files: ['server/store/**'], rules: upwards('products', 'pipeline', 'admin', 'scenario', 'notify', 'app', 'snap-routes', 'main') },
  { files: ['server/notify/**'], rules: upwards('products', 'pipeline', 'admin', 'scenario', 'app', 'snap-routes', 'main') },
  {
    files: ['server/snap/**', 'server/config/**', 'server/fake/**', 'server/net/**'],
    rules: upwards('products', 'store', 'pipeline', 'admin', 'scenario', 'notify', 'app', 'snap-routes', 'main'),
  },
  { files: ['server/auth/**'], rules: upwards('products', 'pipeline', 'admin', 'scenario', 'notify', 'app', 'snap-routes', 'main') },
  {
    files: ['server/*.ts', 'server/pipeline/**', 'server/admin/**', 'server/scenario/**', 'server/embed/**'],
    ignores: ['server/main.ts', 'server/embed/start.ts'],
    rules: upwards('products', 'main'),
  },
  // Each product: one folder on the core, never another product's, never the composition root.
  ...PRODUCTS.map((product) => ({
    files: [`server/products/${product}/**`],
    rules: upwards(...PRODUCTS.filter((p) => p !== product), 'app', 'snap-routes', 'http-server', 'main', 'cli'),
  })),
  { files: ['test/**', 'scripts/**', 'examples/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['examples/*.jest.test.mjs'], languageOptions: { globals: globals.jest } },
  // The dashboard's modules run in the browser (server/admin/ui.ts serves them as they are).
  { files: ['server/admin/ui/*.js'], languageOptions: { globals: globals.browser, sourceType: 'module' } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
