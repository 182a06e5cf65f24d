/** The request journal's bounds (server/admin/journal.ts), driven directly with exchanges too large to send through HTTP. */
import { Journal } from '../../server/admin/journal.js';
import type { SnapRequest, SnapResponse } from '../../server/pipeline/snap-http.js';

const clock = { now: () => Date.parse('2026-11-24T10:00:00Z') };
function exchange(n: number, body: Buffer, rawHeaders: string[] = ['Content-Type', 'application/json']) {
  const req = { method: 'POST', originalUrl: `/p?n=${n}`, headers: {}, rawHeaders, body } as unknown as SnapRequest;
  const res = {
    writableFinished: true,
    statusCode: 400,
    getHeader: () => 'none',
    locals: { answerJson: '{"responseCode":"4000000"}' },
  } as unknown as SnapResponse;
  return [req, res, 1] as const;
}

test('entries larger than 4 KiB on average: fewer than DOKU_JOURNAL_SIZE are kept, the newest ones, whole', () => {
  const journal = new Journal(100, clock); // 400 KiB
  for (let n = 1; n <= 100; n++) journal.keep(...exchange(n, Buffer.from(JSON.stringify({ n, pad: 'x'.repeat(10_000) }))));
  const kept = journal.list({});
  expect(kept.length).toBeLessThan(100);
  expect(kept.length).toBeGreaterThan(30);
  expect(kept.map((e) => e.id)).toEqual(Array.from({ length: kept.length }, (_, i) => 101 - kept.length + i));
  expect(kept.every((e) => (e.requestBody as { n: number }).n === e.id)).toBe(true);
});

test('an entry larger than the whole budget is kept without its body text, shown by its size', () => {
  const journal = new Journal(10, clock); // 256 KiB
  const body = Buffer.from(JSON.stringify({ pad: 'x'.repeat(59_990) })); // 60 000 bytes: under the 64 KiB a body is kept up to
  const bigHeaders = ['X-Big', 'h'.repeat(210_000)]; // with the body, past the budget (Node's header limit raised far)
  journal.keep(...exchange(1, body, bigHeaders));
  const [entry] = journal.list({});
  expect(entry).toMatchObject({ id: 1, requestBody: '(60000 bytes, not kept)', responseBody: { responseCode: '4000000' } });
  expect(entry!.requestHeaders['x-big']).toHaveLength(210_000);
});
