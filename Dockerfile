# syntax=docker/dockerfile:1
#
# The application image: `docker build -t zusammen-mehr .` (compose.yaml builds it for both app instances).
# Node 26 is the Active LTS line (since October 2026) and lies within Strapi 5.54's supported range (>=20 <=26.x).
# Three stages: `build` compiles the server and the admin panel with every dependency; `prod-deps` installs the
# runtime dependencies alone (better-sqlite3 is compiled there when no prebuilt binary fits; sharp brings its own
# libvips as an npm package); the final image has neither compilers nor dev dependencies and runs as `node`.

ARG NODE_IMAGE=node:26-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    STRAPI_TELEMETRY_DISABLED=true \
    STRAPI_DISABLE_UPDATE_NOTIFICATION=true

FROM base AS toolchain
# For native modules without a prebuilt binary for this Node and platform (node-gyp needs python3, make and g++).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

FROM toolchain AS build
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# `strapi build`: the TypeScript server to dist/ and the admin panel to dist/build.
RUN NODE_ENV=production npm run build

FROM toolchain AS prod-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=1337
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json /app/tsconfig.json ./
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/config ./config
COPY --from=build --chown=node:node /app/src ./src
COPY --from=build --chown=node:node /app/scripts ./scripts
COPY --from=build --chown=node:node /app/database ./database
COPY --from=build --chown=node:node /app/public ./public
# Writable places of the app: uploads in progress, private media, report exports (.data, a shared volume when
# several instances run) and the media library's local files (public/uploads).
RUN mkdir -p /app/.data /app/.tmp /app/public/uploads && chown -R node:node /app/.data /app/.tmp /app/public/uploads
USER node
EXPOSE 1337
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 1337) + '/_health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node runs the app directly (no npm in between), so SIGTERM reaches its handler, which drains (README, "Betrieb").
CMD ["node", "node_modules/@strapi/strapi/bin/strapi.js", "start"]
