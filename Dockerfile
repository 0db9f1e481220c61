# syntax=docker/dockerfile:1
# orgraph's image: `docker build -t orgraph .` builds the last stage, `runtime`.
#   build                dev dependencies; compiles dist/ (tsc) and the self-hosted GraphiQL (dist-graphiql/)
#   vendor-risk-example  the second subgraph compose.yaml's example supergraph routes to (not orgraph)
#   runtime              production dependencies and the build only; runs as `node`, not root

# 20.19 is the first Node 20 with --env-file-if-exists (package.json "engines").
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

FROM build AS vendor-risk-example
COPY test/federation/vendor-risk-subgraph ./test/federation/vendor-risk-subgraph
USER node
EXPOSE 4001
CMD ["node", "-r", "ts-node/register/transpile-only", "test/federation/vendor-risk-subgraph/serve-vendor-risk.ts"]

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist-graphiql ./dist-graphiql
# Read at run time from src/: GraphiQL's example operations, and the typed client's operations
# (ORGRAPH_TRUSTED_DOCUMENTS=client).
COPY src/graphiql/examples ./src/graphiql/examples
COPY src/client/operations ./src/client/operations
USER node
EXPOSE 4000
# Slim images have no curl: node asks /healthz itself.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 (no npm, no shell): SIGTERM from `docker stop` reaches orgraph, which drains.
CMD ["node", "--env-file-if-exists=.env", "dist/src/main.js"]
