/**
 * SIGTERM to `npx doku-sandbox` (issue #28 §4.1): npm passes it to the `sh -c` it runs the bin
 * under, and that sh dies without passing it on. Reproduced here with such an sh (the command is not
 * sh's last, so sh forks instead of exec'ing it): started by npx (npm_command=exec), the server stops
 * when its parent is gone; started by hand it outlives its shell, as `nohup … &` means it to.
 * (scripts/check-pack.sh does the same with the real npx and the installed package.)
 */
import { spawn, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/config/load.js';
import { freePort } from '../helpers/build-app.js';
import { eventually } from '../helpers/merchant-receiver.js';

const answers = async (url: string) => {
  try {
    return (await fetch(`${url}/__mock/health`)).status === 200;
  } catch {
    return false;
  }
};
/** Whether `check` comes to hold within `ms` (helpers/merchant-receiver.ts's poll). */
const within = (check: () => Promise<boolean>, ms: number) =>
  eventually(check, ms).then(
    () => true,
    () => false,
  );

/** sh → node cli.js; kills the sh with SIGTERM once the server answers; the server's pid. */
async function orphanServer(env: Record<string, string>): Promise<{ url: string; pid: number }> {
  const port = await freePort();
  const cli = join(PROJECT_ROOT, 'dist/server/cli.js');
  const sh = spawn('sh', ['-c', `"${process.execPath}" "${cli}" --port ${port} --db :memory: >/dev/null 2>&1; exit $?`], {
    env: { ...process.env, DOKU_LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  if (!(await within(() => answers(url), 15_000))) throw new Error('the server did not start');
  const pid = Number(execFileSync('pgrep', ['-P', String(sh.pid)], { encoding: 'utf8' }).trim());
  sh.kill('SIGTERM');
  return { url, pid };
}

test('started by npx, the server stops when the sh npm ran it under dies of SIGTERM', async () => {
  const { url, pid } = await orphanServer({ npm_command: 'exec' });
  const stopped = await within(async () => !(await answers(url)), 5000);
  if (!stopped) process.kill(pid, 'SIGKILL');
  expect(stopped).toBe(true);
});

test('started by hand, it outlives its shell (and is stopped here by its pid)', async () => {
  const { url, pid } = await orphanServer({ npm_command: '' });
  await new Promise((r) => setTimeout(r, 1000)); // four of the watch's periods, were it watching
  const alive = await answers(url);
  process.kill(pid, 'SIGTERM');
  expect(alive).toBe(true);
});
