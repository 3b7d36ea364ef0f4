#!/usr/bin/env bash
# better-sqlite3's prebuilt binaries are downloaded from GitHub, which these machines cannot reach, so `npm ci` compiles
# SQLite from source: about 70 s of one core. Before it downloads, prebuild-install looks for the binary in npm's cache
# folder (~/.npm/_prebuilds, under the name it would have downloaded); this puts the one just compiled there, so a
# later `npm ci` on this machine — the next CI run, a fresh clone — unpacks it in a second. Run after `npm ci`.
set -euo pipefail
module="$(dirname "$0")/../node_modules/better-sqlite3"
binary=build/Release/better_sqlite3.node
cd "$module"
[ -f "$binary" ] || { echo "keep-sqlite-build: $module/$binary is missing; run npm ci first" >&2; exit 1; }
# prebuild-install names the file it looks for, then fails to download (or unpacks the one kept before: the same binary).
cached="$( (node ../prebuild-install/bin.js --verbose 2>&1 || true) | sed -n 's/.*looking for cached prebuild @ //p' | head -1)"
if [ -z "$cached" ]; then
  echo "keep-sqlite-build: prebuild-install named no cache file; the next npm ci compiles SQLite again" >&2
  exit 0
fi
[ -f "$cached" ] && exit 0
mkdir -p "$(dirname "$cached")"
tar -czf "$cached.tmp" "$binary"
mv "$cached.tmp" "$cached"
echo "Kept the compiled better-sqlite3 for later installs: $cached"
