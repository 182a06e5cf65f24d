/** Browser end-to-end tests (headless Debian Chromium via playwright-core): `npm run test:e2e`. */
import base from './jest.config.js';

export default { ...base, roots: ['<rootDir>/test/e2e'], testPathIgnorePatterns: [], testTimeout: 60000 };
