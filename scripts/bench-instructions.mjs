#!/usr/bin/env node
/**
 * npm run bench:instructions (a script, not a test; needs valgrind, Debian package `valgrind`).
 * The same comparison as `npm run bench` (bare Express 5 + express.json, the sandbox's signed payment
 * and status check, and the VA and QRIS calls beside them (issues #26, #27), empty store), counted
 * in CPU instructions per request under callgrind instead of
 * timed: on this noisy 2-core VM the same req/s ratio moved by 30 points between runs, while an
 * instruction count repeats whatever else the machine is doing. Each server runs under
 * `valgrind --tool=callgrind` (all its threads: GC and JIT included); after a warm-up of
 * BENCH_WARMUP requests (2000) the counters are dumped, then BENCH_REQUESTS requests (3000: several GC cycles, whose timing varies) are sent
 * and counted. Kernel time (socket and file writes) is not an instruction here: `npm run bench`
 * includes it. Writes a block to docs/performance.md. Takes ~10 minutes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PAY_PATH,
  ROOT,
  STATUS_PATH,
  VA_CREATE_PATH,
  VA_STATUS_PATH,
  QRIS_GENERATE_PATH,
  QRIS_QUERY_PATH,
  qrisGenerateBody,
  paymentBody,
  sandboxSession,
  signed,
  statusBody,
  uniqueRef,
  vaCreateBody,
} from './bench-client.mjs';

const N = Number(process.env.BENCH_REQUESTS ?? 3000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2000);
const CONCURRENCY = 4;
const ROUNDS = 5;

const requests = {
  baseline: () => ({ path: PAY_PATH, body: paymentBody('BASELINE'), headers: { 'Content-Type': 'application/json' } }),
  payment: (s) => {
    const body = paymentBody(uniqueRef('I'));
    return {
      path: PAY_PATH,
      body,
      headers: signed(PAY_PATH, body, s.b2b, { 'Authorization-Customer': s.customer, 'X-IP-ADDRESS': '103.31.4.100' }),
    };
  },
  status: (s) => ({ path: STATUS_PATH, body: statusBody, headers: signed(STATUS_PATH, statusBody, s.b2b) }),
  vaCreate: (s) => {
    const body = vaCreateBody();
    return { path: VA_CREATE_PATH, body, headers: signed(VA_CREATE_PATH, body, s.b2b, { 'CHANNEL-ID': 'SDK' }) };
  },
  qrisGenerate: (s) => {
    const body = qrisGenerateBody();
    return { path: QRIS_GENERATE_PATH, body, headers: signed(QRIS_GENERATE_PATH, body, s.b2b, { 'CHANNEL-ID': 'H2H' }) };
  },
  qrisQuery: (s) => ({ path: QRIS_QUERY_PATH, body: s.qrisQueryBody, headers: signed(QRIS_QUERY_PATH, s.qrisQueryBody, s.b2b) }),
  vaStatus: (s) => ({ path: VA_STATUS_PATH, body: s.vaStatusBody, headers: signed(VA_STATUS_PATH, s.vaStatusBody, s.b2b) }),
};

/** `n` requests of one kind, CONCURRENCY at a time; every answer must be a 200. */
async function drive(base, kind, session, n) {
  let sent = 0;
  const worker = async () => {
    while (sent++ < n) {
      const r = requests[kind](session);
      const res = await fetch(base + r.path, { method: 'POST', headers: r.headers, body: r.body });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${kind}: HTTP ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** Dumps callgrind's counters (which resets them) and returns the instructions since the last dump. */
function dumpInstructions(pid, dir) {
  execFileSync('callgrind_control', ['--dump', String(pid)], { stdio: 'ignore' });
  const parts = readdirSync(dir)
    .filter((f) => f.startsWith(`cg.${pid}.`))
    .sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()));
  const text = readFileSync(join(dir, parts.at(-1)), 'utf8');
  return Number((text.match(/^totals: (\d+)/m) ?? text.match(/^summary: (\d+)/m))[1]);
}

async function measure(label, script, kinds, env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'doku-callgrind-'));
  const port = 33000 + Math.floor(Math.random() * 1000);
  const base = `http://127.0.0.1:${port}`;
  const sandbox = script.endsWith('main.js');
  const args = ['--tool=callgrind', `--callgrind-out-file=${dir}/cg.%p`, process.execPath, join(ROOT, script)];
  const store = sandbox ? { DOKU_DB_FILE: join(dir, 'state.json') } : {}; // a real file: the write-ahead log append is counted
  const child = spawn('valgrind', args, { env: { ...process.env, ...env, ...store, PORT: String(port) }, stdio: 'ignore' });
  const counts = {};
  try {
    const health = `${base}${sandbox ? '/__mock/health' : '/health'}`;
    for (let tries = 0; ; tries++) {
      try {
        if ((await fetch(health)).status === 200) break;
      } catch {
        /* not listening yet */
      }
      if (tries > 600) throw new Error(`${label}: no 200 from ${health} in 2 minutes`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const session = sandbox ? await sandboxSession(base) : {};
    for (const kind of kinds) await drive(base, kind, session, WARMUP);
    // Round-robin in ROUNDS slices: the writes grow the heap, so a kind measured after the others in one
    // block pays for their garbage collection (a QRIS generate counted 24 % above a card payment that way).
    for (let round = 0; round < ROUNDS; round++)
      for (const kind of kinds) {
        dumpInstructions(child.pid, dir);
        await drive(base, kind, session, N / ROUNDS);
        counts[kind] = (counts[kind] ?? 0) + dumpInstructions(child.pid, dir) / N;
      }
    for (const kind of kinds) console.log(`${label} ${kind}: ${Math.round(counts[kind] / 1000)} k instructions per request`);
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', r)));
    rmSync(dir, { recursive: true, force: true });
  }
  return counts;
}

execFileSync('valgrind', ['--version'], { stdio: 'ignore' }); // fails clearly when valgrind is missing
const baseline = (await measure('bare Express 5 + express.json', 'scripts/bench-baseline.mjs', ['baseline'])).baseline;
const sandbox = await measure(
  'sandbox',
  'dist/server/main.js',
  ['payment', 'status', 'vaCreate', 'vaStatus', 'qrisGenerate', 'qrisQuery'],
  {
    DOKU_LOG_LEVEL: 'info',
    DOKU_BALANCE_MIN: '9000000000',
    DOKU_BALANCE_MAX: '9999999999',
    DOKU_TOKEN_TTL_SECONDS: '86400',
  },
);

const k = (n) => `${Math.round(n / 1000).toLocaleString('en')} k`;
const pct = (n) => `${Math.round((baseline / n) * 100)} %`;
/** A VA or QRIS call's instructions as a share of its card counterpart's (issues #26, #27: at most 100 %, 5 points of GC noise). */
const vs = (va, card) => `${Math.round((va / card) * 100)} %, ${va <= card * 1.05 ? 'met' : '**missed**'}`;
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, valgrind callgrind, ${N} requests after ${WARMUP} of warm-up, ${CONCURRENCY} at a time, in ${ROUNDS} round-robin slices per kind, empty store in a state file.`,
  '',
  '| run | instructions per request | bare Express ÷ this (the throughput ratio if CPU were all) | target |',
  '|---|---|---|---|',
  `| bare Express 5 + express.json | ${k(baseline)} | 100 % | |`,
  `| sandbox: payment (write) | ${k(sandbox.payment)} | ${pct(sandbox.payment)} | ≥ 70 % |`,
  `| sandbox: status (read) | ${k(sandbox.status)} | ${pct(sandbox.status)} | ≥ 90 % |`,
  `| sandbox: VA create (write) | ${k(sandbox.vaCreate)} | ${pct(sandbox.vaCreate)} | ≤ card payment: ${vs(sandbox.vaCreate, sandbox.payment)} |`,
  `| sandbox: VA status (read) | ${k(sandbox.vaStatus)} | ${pct(sandbox.vaStatus)} | ≤ card status: ${vs(sandbox.vaStatus, sandbox.status)} |`,
  `| sandbox: QRIS generate (write) | ${k(sandbox.qrisGenerate)} | ${pct(sandbox.qrisGenerate)} | ≤ card payment: ${vs(sandbox.qrisGenerate, sandbox.payment)} |`,
  `| sandbox: QRIS query (read) | ${k(sandbox.qrisQuery)} | ${pct(sandbox.qrisQuery)} | ≤ card status: ${vs(sandbox.qrisQuery, sandbox.status)} |`,
];
console.log(`\n${lines.join('\n')}`);
const doc = join(ROOT, 'docs/performance.md');
const block = `<!-- instructions:begin -->\n${lines.join('\n')}\n<!-- instructions:end -->`;
writeFileSync(
  doc,
  readFileSync(doc, 'utf8').replace(/<!-- instructions:begin -->[\s\S]*<!-- instructions:end -->/, () => block),
);
console.log('\nwritten to docs/performance.md');
