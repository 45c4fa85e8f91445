#!/usr/bin/env bash
# Bytes transferred for the rider page /m/stations on a first and a repeat visit, in headless Chromium
# (scripts/bench/RiderPageWeight.java: Chrome DevTools protocol Network.loadingFinished encodedDataLength).
#
#   scripts/bench/rider-page-weight.sh                         # builds the jar if missing, starts it, measures, stops it
#   BASE=http://127.0.0.1:8080 scripts/bench/rider-page-weight.sh   # measures a running application
#
# Env: BASE, JAR, PORT (18082), BUILD (0). Needs /usr/bin/chromium and /usr/bin/chromedriver (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18082}
JAR=${JAR:-target/nuanxin-0.1.0-SNAPSHOT.jar}
OUT=target/bench
mkdir -p "$OUT"

[[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || { echo "Chromium not installed: run scripts/setup.sh" >&2; exit 2; }
# The test class path holds Selenium; computed once.
if [[ ! -s "$OUT/test-classpath.txt" ]]; then
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/test-classpath.txt" >/dev/null
fi

if [[ -z "${BASE:-}" ]]; then
  BASE="http://127.0.0.1:${PORT}"
  if [[ "${BUILD:-0}" == 1 || ! -f "$JAR" ]]; then
    ./mvnw -q -B -DskipTests package
  fi
  if curl -s -o /dev/null "$BASE/"; then echo "something already listens on port $PORT" >&2; exit 2; fi
  java -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --nuanxin.station.demo-data=true \
    '--spring.datasource.url=jdbc:h2:mem:weightbench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1' \
    > "$OUT/weight-app.log" 2>&1 &
  APP=$!
  trap 'kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true' EXIT
  started=$(date +%s)
  until curl -fsS "$BASE/m/stations?district=500103" 2>/dev/null | grep -q 'nx-station-name'; do
    if ! kill -0 "$APP" 2>/dev/null; then echo "the app exited; see $OUT/weight-app.log" >&2; tail -40 "$OUT/weight-app.log" >&2; exit 1; fi
    if (( $(date +%s) - started > 240 )); then echo "no rider page within 240 s" >&2; exit 1; fi
    sleep 1
  done
fi

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); $(chromium --version 2>/dev/null); base: $BASE"
java -cp "$(cat "$OUT/test-classpath.txt")" scripts/bench/RiderPageWeight.java "$BASE" | tee "$OUT/rider-page-weight.txt"
