#!/usr/bin/env bash
# Runs the given command with Node 24 LTS first on PATH (see ensure-node24.sh), so npm, npx
# and every tool they start run on a supported Node whatever the machine's own Node is.
set -euo pipefail
bin="$(bash "$(dirname "${BASH_SOURCE[0]}")/ensure-node24.sh")"
export PATH="$bin:$PATH"
exec "$@"
