#!/usr/bin/env bash
# Server-rendered pages against the finder API, with wrk, in ONE run: the rider page /m/stations, the
# console station list /console/stations (signed in as admin, who may view the roster) and the finder
# /api/v1/stations/nearest; prints rider ÷ finder and console ÷ finder, from requests/s and from the app's CPU time per
# request (/proc/PID/stat: the same ratio as the app would reach alone on its cores). 127.0.0.1 only.
#
#   scripts/bench/page-throughput.sh                     # builds the jar if missing
#   JAR=/tmp/old.jar DURATION=15s scripts/bench/page-throughput.sh
#
# Env: JAR, PORT (18081), THREADS (2), CONNECTIONS (16), DURATION (15s), WARMUP (8s), BUILD (0), JAVA_OPTS,
# START_TIMEOUT (600 s: on a busy machine the start alone can take minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18081}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-8s}
JAR=${JAR:-target/nuanxin-0.1.0-SNAPSHOT.jar}
OUT=target/bench
BASE="http://127.0.0.1:${PORT}"
NEAREST="/api/v1/stations/nearest?lat=29.5630&lng=106.5516&limit=5"
PASSWORD="bench-admin-password-$$"
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk not found (Debian: apt-get install -y wrk)" >&2; exit 2; }
if [[ "${BUILD:-0}" == 1 || ! -f "$JAR" ]]; then
  ./mvnw -q -B -DskipTests package
fi
if curl -s -o /dev/null "$BASE/"; then
  echo "something already listens on port $PORT" >&2; exit 2
fi

echo "machine: $(nproc) cores, $(uname -sr); $(java -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1)"
echo "jar: $JAR; date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# shellcheck disable=SC2086
NUANXIN_ADMIN_PASSWORD="$PASSWORD" java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  '--spring.datasource.url=jdbc:h2:mem:pagebench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1' \
  > "$OUT/page-app.log" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true' EXIT

started=$(date +%s)
until curl -fsS "$BASE$NEAREST" 2>/dev/null | grep -q '"code"'; do
  if ! kill -0 "$APP" 2>/dev/null; then
    echo "the app exited during start-up; see $OUT/page-app.log" >&2; tail -40 "$OUT/page-app.log" >&2; exit 1
  fi
  if (( $(date +%s) - started > ${START_TIMEOUT:-600} )); then echo "no finder answer within ${START_TIMEOUT:-600} s" >&2; exit 1; fi
  sleep 1
done
echo "finder answers after $(( $(date +%s) - started )) s"

# Sign in as admin: the login form's CSRF token, then the form post; keep the session cookie.
JAR_COOKIES=$(mktemp)
token=$(curl -fsS -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | sed -n 's/.*name="_csrf" *value="\([^"]*\)".*/\1/p' | head -1)
curl -fsS -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=admin" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" "$BASE/login"
session=$(awk '$6 == "JSESSIONID" {print $7}' "$JAR_COOKIES" | tail -1)
rm -f "$JAR_COOKIES"
code=$(curl -s -o "$OUT/console-list.html" -w '%{http_code}' -H "Cookie: JSESSIONID=$session" "$BASE/console/stations")
if [[ "$code" != 200 ]]; then echo "console list answered $code after sign-in" >&2; exit 1; fi
echo "console list: $(grep -o '<a ' "$OUT/console-list.html" | wc -l) links, $(wc -c < "$OUT/console-list.html") bytes"

LUA=scripts/bench/nearest-points.lua
TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; } # the app's user + system CPU time, in clock ticks
run() { # name, wrk args...
  local name=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" >/dev/null
  echo "== $name (load average $(cut -d' ' -f1-3 /proc/loadavg)): wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $*"
  local before; before=$(cpu_ticks)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | tee "$OUT/wrk-page-$name.txt"
  local after; after=$(cpu_ticks)
  # The app's CPU per answer: on a machine shared with other work, requests/s depends on how many time slices the
  # app got; CPU per answer does not, and its inverse is the throughput the app would reach with the cores to itself.
  awk -v t=$(( after - before )) -v hz="$TICK" '/ requests in / {n = $1} END { printf "cpu per request: %.3f ms (%d requests, %.1f s CPU)\n", t * 1000 / hz / n, n, t / hz }' \
    "$OUT/wrk-page-$name.txt" | tee -a "$OUT/wrk-page-$name.txt"
  if grep -q "Non-2xx" "$OUT/wrk-page-$name.txt"; then echo "WARNING: $name has non-2xx responses" >&2; fi
}
run finder -s "$LUA" "$BASE"
run rider "$BASE/m/stations"
run console -H "Cookie: JSESSIONID=$session" "$BASE/console/stations"

rps() { awk '/^Requests\/sec:/ {print $2}' "$OUT/wrk-page-$1.txt"; }
cpu() { awk '/^cpu per request:/ {print $4}' "$OUT/wrk-page-$1.txt"; }
p99() { awk '$1 == "99%" {print $2}' "$OUT/wrk-page-$1.txt"; }
awk -v f="$(rps finder)" -v r="$(rps rider)" -v c="$(rps console)" \
    -v fp="$(p99 finder)" -v rp="$(p99 rider)" -v cp="$(p99 console)" \
    -v fc="$(cpu finder)" -v rc="$(cpu rider)" -v cc="$(cpu console)" 'BEGIN {
  printf "\nfinder %.0f req/s (p99 %s), rider page %.0f req/s (p99 %s), console list %.0f req/s (p99 %s)\n", f, fp, r, rp, c, cp
  printf "rider/finder %.2f (goal >= 0.50), console/finder %.2f (goal >= 0.20)\n", r / f, c / f
  printf "by CPU per request (finder %.3f ms, rider %.3f ms, console %.3f ms): rider/finder %.2f, console/finder %.2f\n", \
    fc, rc, cc, fc / rc, fc / cc }' \
  | tee "$OUT/wrk-page-summary.txt"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
