#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when missing: Chromium for the
# end-to-end tests with its Chinese UI resources (chromium-l10n: date inputs read 年/月/日
# as on a station PC), CJK fonts, poppler-utils to check PDFs, PostgreSQL for the county
# endpoint's real-server suite.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/chromium/locales/zh-CN.pak >/dev/null 2>&1 || need+=(chromium-l10n)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Missing system packages: ${need[*]}. Install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
