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
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DOKU_DB_FILE=/data/doku-sandbox.json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --chown=node:node fixtures ./fixtures
COPY --chown=node:node scenarios ./scenarios
# the start message points at it: `docker exec <container> node examples/kki-flow.mjs`
COPY --chown=node:node examples ./examples
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/__mock/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Heap flags: see docs/performance.md ("Memory", also for what limits a store's size).
ENTRYPOINT ["node", "dist/server/main.js"]
