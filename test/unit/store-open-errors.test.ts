/**
 * A state that cannot be read stops the start with a message a user can act on (issue #19, store
 * defects 4 and 5), instead of starting from part of it or printing a bare SyntaxError.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../server/store/store.js';
import { paymentRecord as payment } from '../helpers/state.js';
import { eachTempState } from '../helpers/temp-state.js';

describe('opening a state that cannot be read', () => {
  let file: string;
  eachTempState('open-errors-', (_d, f) => (file = f));

  test('the snapshot removed while a later log generation remains: refused, naming the missing file', async () => {
    const first = await Store.open(file);
    first.insertPayment(payment(1));
    await first.commit();
    await first.compact(); // snapshot written, log generation 1 begun
    first.insertPayment(payment(2));
    await first.commit(); // on the log only; then the process "dies"
    rmSync(file);
    await expect(Store.open(file)).rejects.toThrow(
      `${file} is missing, but ${file}.wal-1.jsonl holds only the changes made after it was written`,
    );
  });

  test('a first run that crashed before any snapshot was written still starts from its log', async () => {
    const first = await Store.open(file);
    first.insertPayment(payment(1));
    await first.commit(); // log generation 0 only, no snapshot yet
    const second = await Store.open(file);
    expect(second.findPayment(payment(1).referenceNo)?.partnerReferenceNo).toBe('INV-1');
  });

  test('a snapshot that is not valid JSON: refused, naming the file, line and column', async () => {
    writeFileSync(file, '{"version": 1,\n"bindings": {\n  "a": {"x": 1},\n  oops\n}}\n');
    await expect(Store.open(file)).rejects.toThrow(`${file}: not valid JSON at line 4, column 3`);
  });

  test('a snapshot cut short: refused, naming the file and its end', async () => {
    writeFileSync(file, '{"version": 1,\n"bindings": {\n');
    await expect(Store.open(file)).rejects.toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not valid JSON at `));
  });

  test('valid JSON that is not a state file ([1,2,3], a package.json) is refused naming the file, and left as it was', async () => {
    for (const text of ['[1,2,3]', '{"name":"my-app","version":"1.0.0","dependencies":{}}', '"text"']) {
      writeFileSync(file, text);
      await expect(Store.open(file)).rejects.toThrow(`${file}: valid JSON, but not a doku-sandbox state file`);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
    writeFileSync(file, '{}'); // an empty object is an empty state
    await (await Store.open(file)).close();
  });

  test('a folder named as the state file is refused naming it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'state-is-a-folder-'));
    await expect(Store.open(folder)).rejects.toThrow(`${folder}: is a folder, not a state file`);
  });
});
