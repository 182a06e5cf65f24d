/**
 * Nothing acknowledged is lost: concurrent signed payments against the real server, SIGKILL in the
 * middle of the load (and of log compactions), restart on the same file: every payment that was
 * answered 2005400 before the kill is there. And a SIGTERM flushes and exits 0 within 2 s.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IP, PAY, STATUS, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';
import { spawnSandbox } from '../helpers/spawn-server.js';

const ENV = {
  DOKU_BALANCE_MIN: '9000000000',
  DOKU_BALANCE_MAX: '9999999999',
  DOKU_TOKEN_TTL_SECONDS: '86400',
  DOKU_DB_COMPACT_EVERY: '150',
};

describe('crash and stop', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'doku-crash-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('SIGKILL mid-load: every payment answered 2005400 before the kill survives the restart', async () => {
    const file = join(dir, 'state.json');
    const first = await spawnSandbox({ ...ENV, DOKU_DB_FILE: file });
    const client = new SnapClient(first.url);
    const session = await customerSession(client);
    const token = await client.b2bToken();
    const acked: string[] = [];
    let running = true;
    const worker = async (w: number) => {
      for (let i = 0; running; i++) {
        const ref = `CR-${w}-${i}`;
        try {
          const res = await client.tx(PAY, paymentBody(ref, '1000.00'), { token, customerToken: session.customerToken, headers: IP });
          if (res.body.responseCode === '2005400') acked.push(ref);
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    while (acked.length < 400) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    running = false;
    await Promise.allSettled(workers);
    expect((await first.exited).signal).toBe('SIGKILL');

    const second = await spawnSandbox({ ...ENV, DOKU_DB_FILE: file });
    try {
      const after = new SnapClient(second.url);
      const token2 = await after.b2bToken();
      const lost: string[] = [];
      for (let i = 0; i < acked.length; i += 25) {
        const batch = acked.slice(i, i + 25);
        const answers = await Promise.all(
          batch.map((ref) => after.tx(STATUS, { serviceCode: '55', originalPartnerReferenceNo: ref }, { token: token2 })),
        );
        answers.forEach((res, j) => res.body.latestTransactionStatus !== '00' && lost.push(batch[j]!));
      }
      expect(acked.length).toBeGreaterThanOrEqual(400);
      expect(lost).toEqual([]);
    } finally {
      second.child.kill('SIGKILL');
    }
  });

  test('SIGTERM flushes and exits 0 within 2 s; the JSON file alone then holds the state, stdout every log line', async () => {
    const file = join(dir, 'state.json');
    const server = await spawnSandbox({ ...ENV, DOKU_DB_FILE: file, DOKU_DB_COMPACT_EVERY: '100000', DOKU_LOG_LEVEL: 'info' });
    const client = new SnapClient(server.url);
    const session = await customerSession(client);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        client.tx(PAY, paymentBody(`T-${i}`, '1000.00'), { customerToken: session.customerToken, headers: IP }),
      ),
    );
    const t0 = Date.now();
    server.child.kill('SIGTERM');
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(2000);
    const snapshot = JSON.parse(readFileSync(file, 'utf8'));
    expect(
      Object.values(snapshot.payments).filter((p) => (p as { partnerReferenceNo: string }).partnerReferenceNo.startsWith('T-')),
    ).toHaveLength(30);
    // Log lines are written in batches (server/logger.ts): none may be lost by the exit.
    const lines = server
      .output()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string; path?: string });
    expect(lines.filter((l) => l.msg === 'request' && l.path === PAY)).toHaveLength(30);
    expect(lines.at(-1)?.msg).toBe('SIGTERM: stopping');
  });

  test('SIGTERM still exits 0 within 2 s when nobody reads stdout any more (broken pipe)', async () => {
    const file = join(dir, 'state.json');
    const server = await spawnSandbox({ ...ENV, DOKU_DB_FILE: file, DOKU_LOG_LEVEL: 'info' });
    const client = new SnapClient(server.url);
    const session = await customerSession(client);
    // e.g. `npm start | head`, or a log collector that went away: the next write to stdout is EPIPE
    server.child.stdout!.destroy();
    await client.tx(PAY, paymentBody('EPIPE-1', '1000.00'), { customerToken: session.customerToken, headers: IP });
    const t0 = Date.now();
    server.child.kill('SIGTERM');
    const stopped = await Promise.race([server.exited, new Promise<undefined>((r) => setTimeout(r, 2000))]);
    if (!stopped) server.child.kill('SIGKILL');
    expect(stopped?.code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(2000);
    const snapshot = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.values(snapshot.payments).map((p) => (p as { partnerReferenceNo: string }).partnerReferenceNo)).toContain('EPIPE-1');
  });
});
