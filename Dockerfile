# doku-sandbox as a service container. Build: docker build -t doku-sandbox .
# Run:   docker run -p 3000:3000 -v doku-data:/data doku-sandbox
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY server ./server
RUN npm run build

FROM node:20-bookworm-slim
# DOKU_HOST/DOKU_PORT, not HOST/PORT: CI services get the job's variables too (GitLab), and a job's own
# PORT would move the sandbox off :3000; the prefixed names are read first (docs/ci.md)
ENV NODE_ENV=production DOKU_HOST=0.0.0.0 DOKU_PORT=3000 DOKU_DB_FILE=/data/doku-sandbox.json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# the dashboard's HTML, CSS and JavaScript, served as they are (server/admin/ui.ts)
COPY server/admin/ui ./server/admin/ui
COPY --chown=node:node fixtures ./fixtures
COPY --chown=node:node scenarios ./scenarios
# the start message points at it: `docker exec <container> node examples/kki-flow.mjs`
COPY --chown=node:node examples ./examples
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Every 10 s (a node process per probe). Not --start-interval: Docker before 25 and Debian's podman
# (buildah) refuse the flag and would not build the image; compose sets it instead (docs/ci.md), so
# a `service_healthy` app waits ~1 s, not the first 10 s interval.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.DOKU_PORT||process.env.PORT||3000)+'/__mock/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Heap flags: see docs/performance.md ("Memory", also for what limits a store's size).
ENTRYPOINT ["node", "dist/server/main.js"]
