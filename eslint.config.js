// ESLint (flat config) with typescript-eslint's recommended rules, and the layering the code keeps:
// imports point downwards only (DEVELOPERS.md: endpoints → domain → store, never back).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  {
    files: ['server/store/**'],
    rules: upwards('domain', 'endpoints', 'pipeline', 'admin', 'scenario', 'otp-page', 'notify', 'app', 'snap-routes', 'main'),
  },
  {
    files: ['server/domain/**'],
    rules: upwards('endpoints', 'pipeline', 'admin', 'scenario', 'otp-page', 'notify', 'app', 'snap-routes', 'main'),
  },
  { files: ['server/notify/**'], rules: upwards('endpoints', 'pipeline', 'admin', 'scenario', 'otp-page', 'app', 'snap-routes', 'main') },
  {
    files: ['server/snap/**', 'server/config/**', 'server/auth/**', 'server/fake/**', 'server/net/**'],
    rules: upwards('store', 'domain', 'endpoints', 'pipeline', 'admin', 'scenario', 'otp-page', 'notify', 'app', 'snap-routes', 'main'),
  },
  { files: ['server/endpoints/**'], rules: upwards('pipeline', 'admin', 'otp-page', 'app', 'snap-routes', 'main') },
  { files: ['test/**', 'scripts/**', 'examples/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
