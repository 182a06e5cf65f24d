#!/usr/bin/env node
/**
 * npm run soak (not part of CI): SOAK_MINUTES (default 10) of mixed traffic against the built
 * server on loopback: status checks and balance inquiries, idempotent replays, token requests,
 * and a steady trickle of payments and refunds. RSS is sampled every 10 s; the verdict compares the
 * last sample with the one taken after the first minute (warm-up): growth must stay ≤ 10 %.
 * SOAK_HEAP=1 also preloads scripts/soak-heap-probe.cjs (node --expose-gc): after each RSS sample a
 * full GC and the heap still live, to tell stored state from heap V8 keeps but does not use
 * (the forced GCs change what RSS does, so the verdict of such a run is labelled).
 * The load stops by itself; the server is stopped with SIGTERM at the end.
 */
import { spawn } from 'node:child_process';
import { createCipheriv, createHash, createHmac, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const demo = JSON.parse(readFileSync(join(ROOT, 'fixtures/demo-merchant.json'), 'utf8'));
const KEY = readFileSync(join(ROOT, 'fixtures', demo.privateKeyPem), 'utf8');
const TS = () => new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 19) + '+07:00';
let seq = 0;

const dir = mkdtempSync(join(tmpdir(), 'doku-soak-'));
const port = 35000 + Math.floor(Math.random() * 1000);
const base = `http://127.0.0.1:${port}`;
// The heap flags `npm start` and the Docker image run the sandbox with (docs/performance.md).
const HEAP = process.env.SOAK_HEAP === '1';
const probe = HEAP ? ['--expose-gc', '-r', join(ROOT, 'scripts/soak-heap-probe.cjs')] : [];
const child = spawn(process.execPath, [...probe, join(ROOT, 'dist/server/main.js')], {
  env: {
    ...process.env,
    PORT: String(port),
    DOKU_DB_FILE: join(dir, 'state.json'),
    DOKU_LOG_LEVEL: 'warn',
    DOKU_TOKEN_TTL_SECONDS: '86400',
    DOKU_BALANCE_MIN: '9000000000',
    DOKU_BALANCE_MAX: '9999999999',
  },
  stdio: ['ignore', 'ignore', HEAP ? 'pipe' : 'ignore'],
});
const heapLines = [];
if (HEAP)
  child.stderr.setEncoding('utf8').on('data', (d) => {
    for (const m of d.matchAll(/soak-heap (\{.*\})/g)) heapLines.push(JSON.parse(m[1]));
  });
const MB = (b) => b / 1048576;
// Never leave the server behind, whatever ends this script.
process.on('exit', () => child.exitCode === null && child.kill('SIGKILL'));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));
const rss = () => Number(readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;

async function call(path, body, headers) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return res.json();
}
const tokenHeaders = () => {
  const ts = TS();
  return {
    'X-CLIENT-KEY': demo.clientId,
    'X-TIMESTAMP': ts,
    'X-SIGNATURE': sign('sha256', Buffer.from(`${demo.clientId}|${ts}`), KEY).toString('base64'),
  };
};
function signed(path, body, token, extra = {}, externalId = `${Date.now()}${++seq}`) {
  const ts = TS();
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  return {
    Authorization: `Bearer ${token}`,
    'X-PARTNER-ID': demo.clientId,
    'X-EXTERNAL-ID': externalId,
    'X-TIMESTAMP': ts,
    'X-SIGNATURE': createHmac('sha512', demo.clientSecret).update(`POST:${path}:${token}:${hash}:${ts}`).digest('base64'),
    ...extra,
  };
}

for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/__mock/health`)).ok) break;
  } catch {
    /* not listening yet */
  }
  if (i > 200) throw new Error('the server did not start');
  await new Promise((r) => setTimeout(r, 50));
}
const b2b = (await call('/authorization/v1/access-token/b2b', { grantType: 'client_credentials' }, tokenHeaders())).accessToken;
const iv = randomBytes(16);
const c = createCipheriv('aes-128-cbc', Buffer.from(demo.clientSecret.slice(0, 16)), iv);
const cardData = `${Buffer.concat([c.update('{"bankCardNo":"5221841234567890","bankCardType":"C","expiryDate":"1230"}'), c.final()]).toString('base64')}|${iv.toString('base64')}`;
const bindBody = { cardData, custIdMerchant: 'SOAK1' };
const bind = await call(
  '/direct-debit/core/v1/registration-card-bind',
  bindBody,
  signed('/direct-debit/core/v1/registration-card-bind', bindBody, b2b, { 'CHANNEL-ID': 'H2H' }),
);
const otpBody = { originalReferenceNo: bind.referenceNo, otp: '12345678' };
const otp = await call('/direct-debit/core/v1/otp-verification', otpBody, signed('/direct-debit/core/v1/otp-verification', otpBody, b2b));
const customer = (
  await call(
    '/authorization/v1/access-token/b2b2c',
    { grantType: 'authorization_code', authCode: otp.additionalInfo.authCode },
    tokenHeaders(),
  )
).accessToken;
const cust = { 'Authorization-Customer': customer, 'X-IP-ADDRESS': '103.31.4.100' };
const pay = (ref) => ({
  partnerReferenceNo: ref,
  amount: { value: '1000.00', currency: 'IDR' },
  additionalInfo: { channel: 'DIRECT_DEBIT_BRI_SNAP' },
});
await call(
  '/direct-debit/core/v1/debit/payment-host-to-host',
  pay('SOAK-0'),
  signed('/direct-debit/core/v1/debit/payment-host-to-host', pay('SOAK-0'), b2b, cust),
);

const end = Date.now() + MINUTES * 60_000;
const counts = { status: 0, balance: 0, replay: 0, token: 0, payment: 0, refund: 0, errors: 0 };
const replayBody = { originalPartnerReferenceNo: 'SOAK-0', serviceCode: '55' };
const replayHeaders = signed('/orders/v1.0/debit/status', replayBody, b2b, {}, 'soak-replay-key');
async function worker(w) {
  for (let i = 0; Date.now() < end; i++) {
    try {
      const k = i % 20;
      if (k < 10) {
        await call('/orders/v1.0/debit/status', replayBody, signed('/orders/v1.0/debit/status', replayBody, b2b));
        counts.status++;
      } else if (k < 14) {
        await call('/direct-debit/core/v1/balance-inquiry', {}, signed('/direct-debit/core/v1/balance-inquiry', {}, b2b, cust));
        counts.balance++;
      } else if (k < 17) {
        await call('/orders/v1.0/debit/status', replayBody, replayHeaders);
        counts.replay++;
      } else if (k < 18) {
        await call('/authorization/v1/access-token/b2b', { grantType: 'client_credentials' }, tokenHeaders());
        counts.token++;
      } else if (w === 0 && k === 18) {
        // a payment and a partial refund of it: state grows by one payment per cycle, as real traffic does
        const ref = `SOAK-${i}`;
        await call(
          '/direct-debit/core/v1/debit/payment-host-to-host',
          pay(ref),
          signed('/direct-debit/core/v1/debit/payment-host-to-host', pay(ref), b2b, cust),
        );
        counts.payment++;
        const body = { originalPartnerReferenceNo: ref, partnerRefundNo: `R-${i}`, refundAmount: { value: '100.00', currency: 'IDR' } };
        await call('/direct-debit/core/v1/debit/refund', body, signed('/direct-debit/core/v1/debit/refund', body, b2b, cust));
        counts.refund++;
      } else {
        await call('/orders/v1.0/debit/status', replayBody, signed('/orders/v1.0/debit/status', replayBody, b2b));
        counts.status++;
      }
    } catch {
      counts.errors++;
    }
  }
}
const samples = [];
const sampler = setInterval(() => {
  const s = { at: Math.round((Date.now() - (end - MINUTES * 60_000)) / 1000), rss: rss(), heapIndex: heapLines.length };
  samples.push(s);
  if (HEAP) child.kill('SIGUSR2'); // its answer is the next heap line, read when reporting
  console.log(
    `t=${s.at}s rss=${s.rss.toFixed(1)} MB${HEAP && heapLines.length ? ` live heap (previous sample)=${MB(heapLines.at(-1).live).toFixed(1)} MB` : ''}`,
    JSON.stringify(counts),
  );
}, 10_000);
await Promise.all(Array.from({ length: 6 }, (_, w) => worker(w)));
clearInterval(sampler);
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
rmSync(dir, { recursive: true, force: true });
const warm = samples.find((s) => s.at >= 60) ?? samples[0];
const last = samples.at(-1);
const growth = ((last.rss - warm.rss) / warm.rss) * 100;
const heapAt = (s) => heapLines[s.heapIndex];
const heap =
  HEAP && heapAt(warm) && heapAt(last)
    ? ` Live heap after a full GC: ${MB(heapAt(warm).live).toFixed(1)} → ${MB(heapAt(last).live).toFixed(1)} MB (V8 heap committed: ${MB(heapAt(warm).committed).toFixed(1)} → ${MB(heapAt(last).committed).toFixed(1)} MB); this run forced a full GC every 10 s (SOAK_HEAP=1).`
    : '';
const verdict = `RSS after warm-up (t=${warm.at}s) ${warm.rss.toFixed(1)} MB, at the end (t=${last.at}s) ${last.rss.toFixed(1)} MB: growth ${growth.toFixed(1)} % (target ≤ 10 %).${heap} Requests: ${JSON.stringify(counts)}`;
console.log(verdict);
const doc = join(ROOT, 'docs/performance.md');
const text = readFileSync(doc, 'utf8');
const block = `<!-- soak:begin -->\nLast run ${new Date().toISOString().slice(0, 10)}, ${MINUTES} min: ${verdict}\n<!-- soak:end -->`;
writeFileSync(
  doc,
  text.replace(/<!-- soak:begin -->[\s\S]*<!-- soak:end -->/, () => block),
);
process.exit(growth <= 10 ? 0 : 1);
