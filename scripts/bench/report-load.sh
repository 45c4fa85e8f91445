#!/usr/bin/env bash
# Hazard reports accepted per second with a ~200 KB photo each (issue 10), under a load generator
# (scripts/bench/ReportLoad.java): WORKERS riders sign in through the real worker sign-in (profile dev writes the
# one-time codes to the app log), then send reports back to back for DURATION seconds; afterwards every acknowledged
# report must be there. Exits non-zero on any error or any missing report. 127.0.0.1 only.
#
#   scripts/bench/report-load.sh                    # builds the jar if missing, H2 in memory
#   DB=postgres scripts/bench/report-load.sh        # PostgreSQL on 127.0.0.1:5432 (a fresh database nuanxin_reportload)
#
# Env: PORT (18083), WORKERS (8), DURATION (30), WARMUP (10), BUILD (0), JAR, DB (h2|postgres), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18083}
WORKERS=${WORKERS:-8}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-10}
JAR=${JAR:-target/nuanxin-0.1.0-SNAPSHOT.jar}
OUT=target/bench
BASE="http://127.0.0.1:${PORT}"
mkdir -p "$OUT"
LOG="$OUT/report-load-app.log"

if [[ "${BUILD:-0}" == 1 || ! -f "$JAR" ]]; then
  ./mvnw -q -B -DskipTests package
fi
if curl -s -o /dev/null "$BASE/"; then echo "something already listens on port $PORT" >&2; exit 2; fi

if [[ "${DB:-h2}" == postgres ]]; then
  psql -h 127.0.0.1 -U postgres -d test -qc 'DROP DATABASE IF EXISTS nuanxin_reportload' -c 'CREATE DATABASE nuanxin_reportload' >/dev/null
  URL='jdbc:postgresql://127.0.0.1:5432/nuanxin_reportload'
  DBARGS=("--spring.datasource.url=$URL" "--spring.datasource.username=postgres")
  # personal data needs keys on any database but the embedded H2 one: throw-away keys for this run
  export NUANXIN_PERSONAL_DATA_DATA_KEY NUANXIN_PERSONAL_DATA_LOOKUP_KEY
  NUANXIN_PERSONAL_DATA_DATA_KEY=$(openssl rand -base64 32)
  NUANXIN_PERSONAL_DATA_LOOKUP_KEY=$(openssl rand -base64 32)
else
  DBARGS=('--spring.datasource.url=jdbc:h2:mem:reportload;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1')
fi

echo "machine: $(nproc) cores, $(uname -sr); $(java -version 2>&1 | head -1); database: ${DB:-h2}"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=dev --server.port="$PORT" --server.address=127.0.0.1 \
  "${DBARGS[@]}" > "$LOG" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true' EXIT
started=$(date +%s)
until curl -fsS "$BASE/actuator/health/liveness" >/dev/null 2>&1; do
  if ! kill -0 "$APP" 2>/dev/null; then echo "the app exited; see $LOG" >&2; tail -40 "$LOG" >&2; exit 1; fi
  if (( $(date +%s) - started > 240 )); then echo "the app did not start within 240 s" >&2; exit 1; fi
  sleep 1
done

if (( WARMUP > 0 )); then
  echo "-- warm-up (${WARMUP} s, 2 riders; not counted)"
  java scripts/bench/ReportLoad.java "$BASE" "$LOG" 2 "$WARMUP" | sed 's/^/   /'
fi
echo "-- measured run"
java scripts/bench/ReportLoad.java "$BASE" "$LOG" "$WORKERS" "$DURATION"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
