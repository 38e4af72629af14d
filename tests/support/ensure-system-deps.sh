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
# grep reads all of its input (no -q): with pipefail, an early exit would fail the list with SIGPIPE.
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
[ -f /usr/share/i18n/locales/zh_CN ] || need+=(locales) # the locale sources localedef reads (localedef itself is in libc-bin)

# The zh_CN.UTF-8 locale of a station PC: the end-to-end tests start Chromium in it, and
# without it Chromium falls back to a character type in which it cannot open a file whose
# name is Chinese (a file input stays empty).
zh_locale() {
  locale -a 2>/dev/null | grep -i '^zh_CN\.utf-\?8$' >/dev/null && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "Missing the zh_CN.UTF-8 locale. Create it with: sudo localedef -i zh_CN -f UTF-8 zh_CN.UTF-8" >&2
    return 1
  fi
  localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
}

if [ ${#need[@]} -eq 0 ]; then
  zh_locale
  exit $?
fi
if [ "$(id -u)" != 0 ]; then
  echo "Missing system packages: ${need[*]}. Install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
zh_locale
