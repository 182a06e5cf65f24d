/** A fresh temporary directory per test, with a state file path in it, removed after the test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function eachTempState(prefix: string, set: (dir: string, file: string) => void): void {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    set(dir, join(dir, 'state.json'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
}
