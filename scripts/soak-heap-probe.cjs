/**
 * Preloaded into the server by `SOAK_HEAP=1 npm run soak` only (never by npm start or Docker): on
 * SIGUSR2, a full garbage collection, then one line on stderr with the heap still live after it,
 * so the soak can tell stored state from heap the garbage collector merely has not given back.
 * Needs node --expose-gc.
 */
const { getHeapStatistics } = require('node:v8');

process.on('SIGUSR2', () => {
  global.gc();
  const h = getHeapStatistics();
  process.stderr.write(`soak-heap ${JSON.stringify({ live: h.used_heap_size, committed: h.total_heap_size })}\n`);
});
