/**
 * The V8 heap flags the server runs with, in one place: `npm start` (scripts/start.mjs), the
 * Dockerfile's ENTRYPOINT (a test compares) and the benchmarks. Why these: docs/performance.md
 * ("Memory").
 */
export const SANDBOX_NODE_FLAGS = ['--max-semi-space-size=16', '--max-old-space-size=1024'];
