#!/usr/bin/env bash
# Proves `npx doku-sandbox` works from the published package: npm pack, install the tarball into an
# empty temporary project, start the CLI from there with flags, and wait for /__mock/health to say 200.
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
kill -TERM "$pid"; wait "$pid"
# From a package there is no `npm run example`: the start message must name a script that is there.
example="$work/node_modules/doku-sandbox/examples/kki-flow.mjs"
grep -q "node $example" "$work/server.log" && [ -f "$example" ] || { echo "the start message does not name $example"; cat "$work/server.log"; exit 1; }
./node_modules/.bin/doku-sandbox --version | grep -qx "doku-sandbox $(node -p 'require("./node_modules/doku-sandbox/package.json").version')" || { echo "--version"; exit 1; }
echo "installed package starts and answers: OK"
