#!/usr/bin/env bash
# Runs docs/ci.md's Node Testcontainers recipe, as written there (the block between
# <!-- recipe:node-testcontainers --> and <!-- recipe:end -->), against the image container-check.sh
# built (localhost/container-check:latest, or $DOKU_SANDBOX_IMAGE), through podman's
# Docker-compatible API on a socket of its own. Ryuk (Testcontainers' reaper) is off: it would be
# pulled from Docker Hub, which these machines cannot reach; the recipe stops its container itself.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
image=${DOKU_SANDBOX_IMAGE:-localhost/container-check:latest}
version=11.14.0 # 12.x does not load on Node 20 (its undici needs a newer Node): measured
work=$(mktemp -d)
socket="$work/podman.sock"
trap 'kill "${svc:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

podman image exists "$image" || { echo "no image $image: run container-check.sh first"; exit 1; }
podman system service --time=0 "unix://$socket" >"$work/podman.log" 2>&1 &
svc=$!
for _ in $(seq 1 50); do [ -S "$socket" ] && break; sleep 0.1; done

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --prefer-offline "testcontainers@$version" >/dev/null
sed -n '/<!-- recipe:node-testcontainers -->/,/<!-- recipe:end -->/p' "$root/docs/ci.md" | sed '1,2d;$d' | sed '$d' >doku.test.mjs
grep -q "GenericContainer" doku.test.mjs || { echo "the recipe was not found in docs/ci.md"; exit 1; }
DOCKER_HOST="unix://$socket" TESTCONTAINERS_RYUK_DISABLED=true DOKU_SANDBOX_IMAGE="$image" node --test doku.test.mjs
echo "docs/ci.md's Node Testcontainers recipe runs: OK"
