#!/usr/bin/env bash
# One-time machine set-up for Nuanxin's tests (Debian/Ubuntu; as root, or it calls sudo): headless
# Chromium and its driver for the browser tests, CJK fonts so screenshots are readable, and
# PostgreSQL 15+ on 127.0.0.1:5432 with the login the PostgreSQL tests use (user postgres, trust
# authentication from the loopback address only). Safe to run again: it installs and changes only
# what is missing.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Run as root or install sudo." >&2; exit 1; }
  SUDO="sudo"
fi

updated=""
install() {
  if [ -z "$updated" ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    updated=yes
  fi
  echo "Installing: $*"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Count matching fonts instead of `grep -q`: with pipefail, grep -q closing the pipe early made fc-list
# fail with SIGPIPE now and then, and the check reported the fonts missing when they were there.
cjk_fonts() { fc-list 2>/dev/null | grep -ci "Noto Sans CJK" || true; }

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
[ "$(cjk_fonts)" -gt 0 ] || need+=(fonts-noto-cjk)
command -v pg_lsclusters >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  install "${need[@]}"
fi

# PostgreSQL on 127.0.0.1:5432: start the newest cluster if it is down.
version=$(ls /etc/postgresql | sort -n | tail -n 1)
if [ "${version%%.*}" -lt 15 ]; then
  echo "PostgreSQL $version is installed; Nuanxin needs 15 or newer." >&2
  exit 1
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
    || $SUDO pg_ctlcluster "$version" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }

# The tests sign in as postgres without a password over TCP from 127.0.0.1 (never from elsewhere).
if ! psql -h 127.0.0.1 -U postgres -d postgres -w -tAc "SELECT 1" >/dev/null 2>&1; then
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  echo "Allowing the test login: 'host all postgres 127.0.0.1/32 trust' in $hba"
  # First matching line wins in pg_hba.conf, so the rule goes on top.
  $SUDO sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
  $SUDO pg_ctlcluster "$version" main reload
  psql -h 127.0.0.1 -U postgres -d postgres -w -tAc "SELECT 1" >/dev/null
fi
echo "PostgreSQL $version is ready on 127.0.0.1:5432 (user postgres)."
