# syntax=docker/dockerfile:1
# Clusterdesk's production image: docker build -t clusterdesk .
# The final stage holds what scripts/build-artefact.ts assembles in .artefact/ plus `npm ci --omit=dev`:
# the file set scripts/artefact.build.test.ts installs and starts on every `npm test` (there is no
# container engine on the project's machines). It runs as a non-root user, writes nothing outside the
# volumes the Kubernetes manifests mount (/tmp, /app/.next/cache), and carries no compiler, no npm and
# no TypeScript tooling.
ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: every dependency, the Prisma client, next build (standalone) and the compiled scripts -----
FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/db/generate-client.mjs scripts/db/
COPY prisma ./prisma
# postinstall generates the Prisma client into lib/generated (scripts/db/generate-client.mjs).
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- production dependencies only, installed the way the smoke test does ----------------------------
FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
COPY --from=build /src/.artefact/package.json /src/.artefact/package-lock.json ./
COPY --from=build /src/.artefact/scripts ./scripts
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- final: node, the artefact and its production dependencies ---------------------------------------
FROM ${NODE_IMAGE} AS final
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
# npm and corepack are build tools here: nothing at run time installs anything.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
# Owned by root and not writable by the user the portal runs as: the root filesystem may be read-only.
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /src/.artefact ./
# The image's `node` user (uid 1000), by number so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrations are a separate step (node dist/migrate.js as the migrator role; the clusterdesk-migrate Job).
# Also in the image: node dist/worker.js (the job workers alone), node dist/audit-verify.js, node dist/audit-archive.js.
CMD ["node", "dist/serve.js", "--production", "--skip-migrations", "--port", "3000"]
