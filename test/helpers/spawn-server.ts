/** The real server (dist/, built by `pretest`) as a child process on a free loopback port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/config/load.js';

export interface Spawned {
  url: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

/**
 * Every server still running when a test file ends is killed: a test that fails before its own
 * kill must not leave a child whose open pipes keep jest from exiting (CI would hang, not fail).
 */
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

async function freePort(): Promise<number> {
  const srv = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => srv.once('listening', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/** `nodeFlags`: V8 flags before the script; `entry`: another built entry than dist/server/main.js. */
export async function spawnSandbox(env: Record<string, string>, opts: { nodeFlags?: string[]; entry?: string } = {}): Promise<Spawned> {
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, [...(opts.nodeFlags ?? []), opts.entry ?? join(PROJECT_ROOT, 'dist/server/main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DOKU_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${log}`);
    try {
      if ((await fetch(`${url}/__mock/health`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`no health 200 in 15 s: ${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, child, exited, output: () => log };
}
