#!/usr/bin/env bash
# Runs a command with Node >= 22.12 first on PATH (wrangler and the workerd test pool require it).
# When the machine's Node is older, an official Node 22 build is taken from the npm registry
# (package node-linux-<arch>) into .tools/, once, and used from there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

recent_enough() {
  local version major minor
  version="$("$1" -p 'process.versions.node' 2>/dev/null)" || return 1
  IFS=. read -r major minor _ <<<"$version"
  ((major > 22 || (major == 22 && minor >= 12)))
}

if ! recent_enough node; then
  dir="$root/.tools/node22"
  if ! recent_enough "$dir/bin/node"; then
    case "$(uname -m)" in
      x86_64) arch=x64 ;;
      aarch64 | arm64) arch=arm64 ;;
      *) echo "with-node22: no Node 22 build for $(uname -m); install Node >= 22.12" >&2; exit 1 ;;
    esac
    echo "with-node22: fetching node-linux-$arch@22 from the npm registry" >&2
    staging="$(mktemp -d "$root/.tools.XXXXXX")"
    trap 'rm -rf "$staging"' EXIT
    (cd "$staging" && npm pack --silent "node-linux-$arch@22" >/dev/null)
    mkdir -p "$staging/node22"
    tar xzf "$staging"/node-linux-*.tgz -C "$staging/node22" --strip-components=1
    mkdir -p "$root/.tools"
    rm -rf "$dir"
    mv "$staging/node22" "$dir"
  fi
  export PATH="$dir/bin:$PATH"
fi
export PATH="$root/node_modules/.bin:$PATH"
exec "$@"
