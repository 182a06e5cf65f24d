import { GroupCommit } from '../../server/store/group-commit.js';

describe('GroupCommit', () => {
  test('requests within one window share one write, and all resolve after it', async () => {
    let writes = 0;
    const gc = new GroupCommit(async () => void writes++, 5);
    await Promise.all(Array.from({ length: 50 }, () => gc.request()));
    expect(writes).toBe(1);
  });

  test('a request during a write waits for the next write, never for the running one', async () => {
    const log: string[] = [];
    let release!: () => void;
    let first = true;
    const gc = new GroupCommit(async () => {
      log.push('write-start');
      if (first) {
        first = false;
        await new Promise<void>((r) => (release = r));
      }
      log.push('write-end');
    }, 0);
    const a = gc.request().then(() => log.push('a-done'));
    await new Promise((r) => setTimeout(r, 5));
    const b = gc.request().then(() => log.push('b-done'));
    release();
    await Promise.all([a, b]);
    expect(log).toEqual(['write-start', 'write-end', 'a-done', 'write-start', 'write-end', 'b-done']);
  });

  test('a failed write rejects its batch; drain flushes what is pending', async () => {
    let fail = true;
    let writes = 0;
    const gc = new GroupCommit(async () => {
      writes++;
      if (fail) throw new Error('disk full');
    }, 1000);
    const p = gc.request();
    await gc.drain().catch(() => undefined);
    await expect(p).rejects.toThrow('disk full');
    fail = false;
    const q = gc.request();
    await gc.drain();
    await expect(q).resolves.toBeUndefined();
    expect(writes).toBe(2);
  });
});
