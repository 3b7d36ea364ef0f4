#!/usr/bin/env bash
# A smoke test on the current Node LTS — boot, the public v1 API, a submission, one YouTube sync — besides the full
# suite on the Node that runs `npm test`. The binary comes from the npm registry: the `node` package's preinstall
# does nothing but `npm install node-<platform>-<arch>@<version>`, so that package is installed directly (it has no
# install script and downloads nothing else). PostgreSQL only: better-sqlite3 in node_modules is compiled for the
# Node that ran `npm ci`, and the PostgreSQL path never loads it. `npm test` runs it beside its two passes; arguments
# go to jest. The binary is installed once per machine (beside the other build outputs kept there,
# scripts/machine-cache.ts), not once per checkout: a fresh clone's install took 17 s. A version stays
# while some run used it in the last month, so branches on different versions do not install theirs again and again.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${NODE_LTS_VERSION:-26.10.0}"
package="node-$(node -p process.platform)-$(node -p process.arch)"
cache="${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/zusammen-mehr/node-lts"
mkdir -p "$cache" 2>/dev/null || { cache=.tmp/node-lts; mkdir -p "$cache"; }
# Where checkouts kept it before.
[ "$cache" = .tmp/node-lts ] || rm -rf .tmp/node-lts
prefix="$cache/$package-$version"
lts="$prefix/node_modules/$package/bin/node"
# One install at a time on the machine; a run that waited finds the binary the other one installed.
exec 9>"$cache/.lock"
flock 9
# Under the lock no install is under way: a partial one is an interrupted run's.
rm -rf "$cache"/*.partial
if [ "$("$lts" --version 2>/dev/null || true)" != "v$version" ]; then
  partial="$(mktemp -d "$prefix.XXXXXX.partial")"
  chmod 755 "$partial"
  trap 'rm -rf "$partial"' EXIT
  npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$partial" "$package@$version"
  rm -rf "$prefix"
  mv -T "$partial" "$prefix"
fi
# Versions that no run used for a month go.
touch "$prefix"
find "$cache" -mindepth 1 -maxdepth 1 -type d -mtime +30 -exec rm -rf {} +
exec 9>&-
echo "Smoke test on Node $("$lts" --version) (PostgreSQL)"
TEST_DATABASE=postgres "$lts" node_modules/jest/bin/jest.js --runInBand \
  tests/integration/public-api-v1.test.ts tests/integration/submissions.test.ts tests/integration/youtube-sync.test.ts \
  -t 'lists published stories only, newest first|a region by its official key, themes as a comma list|publish → one upload of the whole file' \
  "$@"
