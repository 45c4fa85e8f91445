#!/usr/bin/env bash
# Set-up for the benchmarks in docs/PERFORMANCE.md, after scripts/setup.sh: wrk for the HTTP figures,
# PostGIS for the finder's PostgreSQL comparison (the benchmark creates its database nuanxin_bench and
# the extension itself), and the folder the JMH result files are written to. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/../.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

version=$(ls /etc/postgresql | sort -n | tail -n 1)
need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
dpkg -s "postgresql-$version-postgis-3" >/dev/null 2>&1 || need+=("postgresql-$version-postgis-3")
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
mkdir -p target/bench
echo "Benchmarks ready: wrk, PostGIS for PostgreSQL $version, target/bench/."
