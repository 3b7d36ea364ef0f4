#!/usr/bin/env bash
# A smoke test on the current Node LTS — boot, the public v1 API, a submission, one YouTube sync — besides the full
# suite on the Node that runs `npm test`. The binary comes from the npm registry: the `node` package's preinstall
# does nothing but `npm install node-<platform>-<arch>@<version>`, so that package is installed directly (it has no
# install script and downloads nothing else). PostgreSQL only: better-sqlite3 in node_modules is compiled for the
# Node that ran `npm ci`, and the PostgreSQL path never loads it. `npm test` runs it beside its two passes; arguments
# go to jest. The binary is installed once per machine (beside the other build outputs kept there,
# scripts/machine-cache.ts), not once per checkout: a fresh clone's install took 17 s.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${NODE_LTS_VERSION:-26.10.0}"
package="node-$(node -p process.platform)-$(node -p process.arch)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/zusammen-mehr/node-lts"
mkdir -p "$cache" 2>/dev/null || cache=.tmp/node-lts
prefix="$cache/$package-$version"
lts="$prefix/node_modules/$package/bin/node"
if [ "$("$lts" --version 2>/dev/null || true)" != "v$version" ]; then
  # Installed under a name of its own and then renamed, so that a run beside this one finds it whole or not at all.
  partial="$prefix.$$.partial"
  rm -rf "$partial"
  mkdir -p "$partial"
  npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$partial" "$package@$version"
  rm -rf "$prefix"
  mv "$partial" "$prefix"
  find "$cache" -mindepth 1 -maxdepth 1 ! -name "$package-$version" ! -name '*.partial' -exec rm -rf {} +
fi
echo "Smoke test on Node $("$lts" --version) (PostgreSQL)"
TEST_DATABASE=postgres "$lts" node_modules/jest/bin/jest.js --runInBand \
  tests/integration/public-api-v1.test.ts tests/integration/submissions.test.ts tests/integration/youtube-sync.test.ts \
  -t 'lists published stories only, newest first|a region by its official key, themes as a comma list|publish → one upload of the whole file' \
  "$@"
