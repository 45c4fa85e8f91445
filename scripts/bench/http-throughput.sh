#!/usr/bin/env bash
# HTTP throughput of the packaged app with wrk, in ONE run: /actuator/health/liveness (the floor: what the
# web stack costs) and /api/v1/stations/nearest (the finder), and their ratio. 127.0.0.1 only.
#
#   scripts/bench/http-throughput.sh            # builds the jar if missing
#   BUILD=1 DURATION=20s scripts/bench/http-throughput.sh
#
# Env: PORT (18080), THREADS (2), CONNECTIONS (32), DURATION (20s), WARMUP (10s), BUILD (0), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18080}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
JAR=target/nuanxin-0.1.0-SNAPSHOT.jar
OUT=target/bench
BASE="http://127.0.0.1:${PORT}"
NEAREST="/api/v1/stations/nearest?lat=29.5630&lng=106.5516&limit=5"
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk not found (Debian: apt-get install wrk)" >&2; exit 2; }
if [[ "${BUILD:-0}" == 1 || ! -f "$JAR" ]]; then
  ./mvnw -q -B -DskipTests package
fi
if curl -s -o /dev/null "$BASE/"; then
  echo "something already listens on port $PORT" >&2; exit 2
fi

echo "machine: $(nproc) cores, $(uname -sr); $(java -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  '--spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1' \
  > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true' EXIT

started=$(date +%s)
until curl -fsS "$BASE/actuator/health/liveness" >/dev/null 2>&1; do
  if ! kill -0 "$APP" 2>/dev/null; then
    echo "the app exited during start-up; last lines of $OUT/app.log:" >&2; tail -40 "$OUT/app.log" >&2; exit 1
  fi
  if (( $(date +%s) - started > 180 )); then
    echo "the app did not become live within 180 s; see $OUT/app.log" >&2; exit 1
  fi
  sleep 1
done
echo "live after $(( $(date +%s) - started )) s"

# The demo loader fills the database after start-up; wait until the finder answers with stations.
until curl -fsS "$BASE$NEAREST" 2>/dev/null | grep -q '"code"'; do
  if (( $(date +%s) - started > 240 )); then
    echo "the finder gave no stations within 240 s; its answer:" >&2; curl -sS -i "$BASE$NEAREST" | head -20 >&2; exit 1
  fi
  sleep 1
done
echo "finder answers: $(curl -fsS "$BASE$NEAREST" | head -c 300)..."

LUA=scripts/bench/nearest-points.lua
echo "warm-up: $WARMUP on each endpoint (JIT), not reported"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE/actuator/health/liveness" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$BASE" >/dev/null

echo "== liveness: wrk -t$THREADS -c$CONNECTIONS -d$DURATION $BASE/actuator/health/liveness"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE/actuator/health/liveness" | tee "$OUT/wrk-liveness.txt"
echo "== nearest: wrk -t$THREADS -c$CONNECTIONS -d$DURATION -s $LUA $BASE"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" "$BASE" | tee "$OUT/wrk-nearest.txt"

live=$(awk '/^Requests\/sec:/ {print $2}' "$OUT/wrk-liveness.txt")
near=$(awk '/^Requests\/sec:/ {print $2}' "$OUT/wrk-nearest.txt")
for f in "$OUT/wrk-liveness.txt" "$OUT/wrk-nearest.txt"; do
  if grep -q "Non-2xx" "$f"; then echo "WARNING: $f has non-2xx responses: the figure is not valid" >&2; fi
done
awk -v l="$live" -v n="$near" 'BEGIN { printf "\nliveness %.0f req/s, nearest %.0f req/s, ratio nearest/liveness %.2f (goal >= 0.70)\n", l, n, n / l }' \
  | tee "$OUT/wrk-summary.txt"
