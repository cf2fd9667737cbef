#!/usr/bin/env bash
# The Debian packages Groeipad's tests need: Chromium for the browser journeys, PostgreSQL for the
# integration suite's second database. As root this installs what is missing; otherwise it names it.
# Called by `npm test` and by .ci/run.
set -euo pipefail

want=()
[ -x /usr/bin/chromium ] || want+=(chromium)
if [ "${GP_NEED_POSTGRES:-1}" = "1" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  want+=(postgresql)
fi
[ ${#want[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing ${want[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
  # The Debian package starts a cluster of its own; the tests start their own throwaway one.
  if [[ " ${want[*]} " == *" postgresql "* ]] && command -v pg_ctlcluster >/dev/null 2>&1; then
    for c in $(ls /etc/postgresql 2>/dev/null); do pg_ctlcluster "$c" main stop >/dev/null 2>&1 || true; done
  fi
  exit 0
fi

echo "system-deps: missing Debian packages: ${want[*]}" >&2
echo "  install them with:  sudo apt-get install ${want[*]}" >&2
exit 1
