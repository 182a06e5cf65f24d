#!/usr/bin/env bash
# Proves the published package works: npm pack, install the tarball into an empty temporary project,
# start the CLI from there with flags and wait for /__mock/health to say 200; then, in that project,
# run the startSandbox examples with DOKU's Node SDK under jest and node:test, and type-check a use
# of the API against the package's .d.ts.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill -TERM "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

tarball=$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -1)
echo "packed $tarball ($(du -k "$work/$tarball" | cut -f1) KiB)"
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --omit=dev "./$tarball" >/dev/null
port=$(( 20000 + RANDOM % 20000 ))
./node_modules/.bin/doku-sandbox --port "$port" --db "$work/state.json" --seed 7 >"$work/server.log" 2>&1 &
pid=$!
node -e '
  const url = process.argv[1], until = Date.now() + 20000;
  (async () => {
    while (Date.now() < until) {
      try { const r = await fetch(url); if (r.status === 200) { console.log("health:", await r.text()); return; } } catch {}
      await new Promise((r) => setTimeout(r, 200));
    }
    console.error("no 200 from " + url); process.exit(1);
  })();' "http://127.0.0.1:$port/__mock/health" || { cat "$work/server.log"; exit 1; }
# the dashboard's files ship with the package (served as they are from server/admin/ui/)
for f in ui ui/dashboard.js ui/tables.js ui/dashboard.css; do
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$port/__mock/$f" \
    || { echo "the installed package does not serve /__mock/$f"; exit 1; }
done
kill -TERM "$pid"; wait "$pid"
# From a package there is no `npm run example`: the start message must name a script that is there.
example="$work/node_modules/doku-sandbox/examples/kki-flow.mjs"
grep -q "node $example" "$work/server.log" && [ -f "$example" ] || { echo "the start message does not name $example"; cat "$work/server.log"; exit 1; }
./node_modules/.bin/doku-sandbox --version | grep -qx "doku-sandbox $(node -p 'require("./node_modules/doku-sandbox/package.json").version')" || { echo "--version"; exit 1; }
echo "installed package starts and answers: OK"

# SIGTERM to npx stops the server too (npm signals the sh it runs the bin under, which does not pass it on)
port=$(( 20000 + RANDOM % 20000 ))
npx --no-install doku-sandbox --port "$port" --db :memory: >"$work/npx.log" 2>&1 &
npx_pid=$!
answers() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$port/__mock/health"; }
for _ in $(seq 1 100); do answers && break; sleep 0.2; done
answers || { echo "npx doku-sandbox did not start"; cat "$work/npx.log"; exit 1; }
kill -TERM "$npx_pid"; wait "$npx_pid" || true
for _ in $(seq 1 50); do answers || break; sleep 0.1; done
if answers; then echo "the server still answers 5 s after npx got SIGTERM"; pkill -TERM -f -- "--port $port --db :memory:" || true; exit 1; fi
echo "SIGTERM to npx doku-sandbox stops the server: OK"

# startSandbox in the merchant's own test suite: the shipped examples, run where only the tarball is installed
sdk=$(node -p "require('$root/package.json').devDependencies['doku-nodejs-library']")
npm install --no-audit --no-fund --prefer-offline "doku-nodejs-library@$sdk" >/dev/null
cp node_modules/doku-sandbox/examples/embedded.node-test.mjs node_modules/doku-sandbox/examples/embedded.jest.test.mjs .
node --test embedded.node-test.mjs
# jest 30 from the clone, run on this project (its resolver finds doku-sandbox in this project's node_modules)
NODE_OPTIONS=--experimental-vm-modules node "$root/node_modules/jest/bin/jest.js" --rootDir "$work" \
  --config '{"transform":{},"testMatch":["**/embedded.jest.test.mjs"],"testPathIgnorePatterns":["/node_modules/"]}' --ci
cat >types-check.mts <<'TS'
import { startSandbox, SandboxError, type Sandbox, type SandboxOptions } from 'doku-sandbox';
const options: SandboxOptions = { vaMode: 'strict', channels: ['VIRTUAL_ACCOUNT_BCA'], otpMaxAttempts: 3 };
const sandbox: Sandbox = await startSandbox(options);
const clientId: string = sandbox.merchant.clientId;
// @ts-expect-error not an option
await startSandbox({ prot: 3000 });
// @ts-expect-error a mode is 'lenient' | 'strict'
await startSandbox({ vaMode: 'sloppy' });
await sandbox.payVirtualAccount('  888994' + clientId).catch((e: unknown) => e instanceof SandboxError && e.status);
await sandbox.close();
TS
node "$root/node_modules/typescript/bin/tsc" --noEmit --strict --module nodenext --target es2022 --skipLibCheck false \
  --typeRoots "$root/node_modules/@types" --types node types-check.mts
echo "startSandbox from the installed package: jest, node:test and its types: OK"
