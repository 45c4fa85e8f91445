#!/usr/bin/env bash
# Abuse-and-load test (issue 7): runs each attack for a fixed time against the app on loopback and prints, per
# attack, the heap used after a full GC, the health probe's latency during the attack (p50/p99/max, polled every
# 100 ms) and the finder's requests/s and p99 under it. Goals: heap growth under 50 MB, health p99 under 200 ms.
#
#   scripts/abuse-load.sh                    # builds the jar if missing, starts it itself (-Xmx512m, free port,
#                                            # H2 in a temp dir with the demo roster), stops it at the end
#   scripts/abuse-load.sh http://127.0.0.1:8080   # an app already running on loopback (heap: set APP_PID)
#
# Env: DURATION (20, seconds per attack), SLOW_CLIENTS (200), JAR, APP_PID, ADMIN_PASSWORD (for a given URL's
# admin: the wrong-password attack needs none), ATTACKS ("idle anonymous slow-uploads wrong-passwords map-layer
# finder"; also slow-uploads-signed-in: the same slow bodies from a signed-in admin, cut at the body deadline),
# BODY_DEADLINE (60s: nuanxin.http.body-deadline of the app this script starts; below DURATION to see it cut),
# START_TIMEOUT (600 s for the app to answer). Bounded: every load generator has a duration, the slow clients a count, the whole run a time limit
# (about 8 × DURATION + start-up); it refuses any host but loopback and stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
SLOW_CLIENTS=${SLOW_CLIENTS:-200}
BODY_DEADLINE=${BODY_DEADLINE:-60s}
ATTACKS=${ATTACKS:-idle anonymous slow-uploads wrong-passwords map-layer finder}
JAR=${JAR:-target/nuanxin-0.1.0-SNAPSHOT.jar}
OUT=target/abuse
mkdir -p "$OUT"
LUA_FINDER=scripts/bench/nearest-points.lua

# --- tools, installed if missing (Debian/Ubuntu) ---
need() { command -v "$1" >/dev/null; }
if ! need wrk || ! need curl || ! need python3; then
  if [[ $(id -u) == 0 ]] && need apt-get; then
    apt-get install -y wrk curl python3 >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk curl python3 >/dev/null; }
  fi
fi
for t in wrk curl python3 java; do need "$t" || { echo "$t is missing (Debian: apt-get install -y wrk curl python3)" >&2; exit 2; }; done

PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null || true; done
  if [[ -n "${STARTED_APP:-}" ]]; then kill "$STARTED_APP" 2>/dev/null || true; wait "$STARTED_APP" 2>/dev/null || true; fi
  [[ -n "${DATA_DIR:-}" ]] && rm -rf "$DATA_DIR"
}
trap cleanup EXIT
# A hard upper bound on the whole run, whatever happens.
( sleep $(( DURATION * 12 + 400 )); echo "abuse-load: time limit reached, stopping" >&2; kill -TERM $$ ) &
PIDS+=($!)

if [[ $# -ge 1 ]]; then
  BASE=${1%/}
  host=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlparse(sys.argv[1]).hostname or "")' "$BASE")
  case "$host" in 127.0.0.1|localhost|::1) ;; *) echo "loopback only: $host refused" >&2; exit 2 ;; esac
  PORT=$(python3 -c 'import sys, urllib.parse; u = urllib.parse.urlparse(sys.argv[1]); print(u.port or 80)' "$BASE")
  APP=${APP_PID:-}
else
  [[ -f "$JAR" ]] || ./mvnw -q -B -DskipTests package
  PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  BASE="http://127.0.0.1:$PORT"
  DATA_DIR=$(mktemp -d)
  ADMIN_PASSWORD="abuse-load-admin-$RANDOM-$RANDOM"
  NUANXIN_ADMIN_PASSWORD="$ADMIN_PASSWORD" NUANXIN_DEMO_DATA=true java -Xmx512m -jar "$JAR" \
    --server.port="$PORT" --server.address=127.0.0.1 --nuanxin.http.body-deadline="$BODY_DEADLINE" \
    "--spring.datasource.url=jdbc:h2:file:$DATA_DIR/nuanxin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    > "$OUT/app.log" 2>&1 &
  STARTED_APP=$!
  APP=$STARTED_APP
fi
HOST=127.0.0.1
NEAREST="/api/v1/stations/nearest?lat=29.5630&lng=106.5516&limit=5"

started=$(date +%s)
until curl -fsS --max-time 2 "$BASE$NEAREST" 2>/dev/null | grep -q '"code"'; do
  if [[ -n "${STARTED_APP:-}" ]] && ! kill -0 "$STARTED_APP" 2>/dev/null; then
    echo "the app exited during start-up; see $OUT/app.log" >&2; tail -30 "$OUT/app.log" >&2; exit 1
  fi
  (( $(date +%s) - started < ${START_TIMEOUT:-600} )) || { echo "the finder did not answer within ${START_TIMEOUT:-600} s" >&2; exit 1; }
  sleep 1
done

echo "abuse-load: $BASE, $(nproc) cores, $(java -version 2>&1 | head -1), ${DURATION} s per attack"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); jar: ${1:-$JAR}; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

heap_mb() { # used heap after a full GC, MB (needs the app's pid on this machine)
  if [[ -z "${APP:-}" ]] || ! need jcmd; then echo "n/a"; return; fi
  jcmd "$APP" GC.run >/dev/null 2>&1 || { echo "n/a"; return; }
  jcmd "$APP" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen|ZHeap|Shenandoah/ && /used/ {
      for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); printf "%.1f", v / 1024; exit } }'
}

probe() { # polls liveness every 100 ms until the file $1.stop exists; one latency in ms per line (timeout = 2000)
  local out=$1
  : > "$out"
  while [[ ! -e "$out.stop" ]]; do
    t=$(curl -s -o /dev/null --max-time 2 -w '%{time_total}' "$BASE/actuator/health/liveness" 2>/dev/null || echo 2)
    awk -v t="$t" 'BEGIN { printf "%.1f\n", t * 1000 }' >> "$out"
    sleep 0.1
  done
}

pct() { sort -n "$1" | awk -v p="$2" '{ a[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; print a[i] }'; }

HEAP0=$(heap_mb)
printf '\n%-16s %10s %10s %12s %12s %12s %8s %12s %10s\n' attack heap_MB growth_MB health_p50 health_p99 health_max probes finder_req/s finder_p99 \
  | tee "$OUT/summary.txt"

finder_under() { # runs the finder measurement for DURATION, writes $1
  wrk -t1 -c4 -d"${DURATION}s" --latency -s "$LUA_FINDER" "$BASE" > "$1" 2>&1 || true
}

run_attack() {
  local name=$1
  local probe_file="$OUT/probe-$name.txt"
  rm -f "$probe_file.stop"
  probe "$probe_file" & local probe_pid=$!
  PIDS+=("$probe_pid")
  local attack_pid=""
  case "$name" in
    idle) ;;
    anonymous)
      wrk -t1 -c16 -d"${DURATION}s" -s scripts/abuse/anonymous.lua "$BASE" > "$OUT/attack-$name.txt" 2>&1 & attack_pid=$! ;;
    slow-uploads)
      python3 scripts/abuse/slow_uploads.py "$HOST" "$PORT" "$SLOW_CLIENTS" "$DURATION" 10 > "$OUT/attack-$name.txt" 2>&1 & attack_pid=$!
      sleep 2 ;; # let the connections open before measuring
    slow-uploads-signed-in)
      # Signed in as admin: the body is read, one byte every 8 s (under the 10 s silence cut), until the body
      # deadline (BODY_DEADLINE) closes the connection.
      [[ -n "${ADMIN_PASSWORD:-}" ]] || { echo "slow-uploads-signed-in needs ADMIN_PASSWORD" >&2; return; }
      local sjar; sjar=$(mktemp)
      local stoken; stoken=$(curl -fsS -c "$sjar" -b "$sjar" "$BASE/login" | sed -n 's/.*name="_csrf" *value="\([^"]*\)".*/\1/p' | head -1)
      curl -fsS -o /dev/null -c "$sjar" -b "$sjar" --data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PASSWORD" \
        --data-urlencode "_csrf=$stoken" "$BASE/login"
      local scookie; scookie=$(awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$sjar" | tail -1)
      rm -f "$sjar"
      ABUSE_COOKIE="$scookie" python3 scripts/abuse/slow_uploads.py "$HOST" "$PORT" "$SLOW_CLIENTS" "$DURATION" 8 \
        > "$OUT/attack-$name.txt" 2>&1 & attack_pid=$!
      sleep 2 ;;
    wrong-passwords)
      local jar; jar=$(mktemp)
      local token; token=$(curl -fsS -c "$jar" -b "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" *value="\([^"]*\)".*/\1/p' | head -1)
      local cookie; cookie=$(awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$jar" | tail -1)
      rm -f "$jar"
      ABUSE_COOKIE="$cookie" ABUSE_CSRF="$token" wrk -t1 -c4 -d"${DURATION}s" -s scripts/abuse/wrong-passwords.lua "$BASE" \
        > "$OUT/attack-$name.txt" 2>&1 & attack_pid=$! ;;
    map-layer)
      wrk -t2 -c16 -d"${DURATION}s" -s scripts/abuse/map-layer.lua "$BASE" > "$OUT/attack-$name.txt" 2>&1 & attack_pid=$! ;;
    finder)
      wrk -t2 -c16 -d"${DURATION}s" -s "$LUA_FINDER" "$BASE" > "$OUT/attack-$name.txt" 2>&1 & attack_pid=$! ;;
    *) echo "unknown attack $name" >&2; return ;;
  esac
  [[ -n "$attack_pid" ]] && PIDS+=("$attack_pid")
  finder_under "$OUT/finder-$name.txt"
  [[ -n "$attack_pid" ]] && { wait "$attack_pid" 2>/dev/null || true; }
  touch "$probe_file.stop"; wait "$probe_pid" 2>/dev/null || true
  local heap; heap=$(heap_mb)
  local growth="n/a"
  [[ "$heap" != n/a && "$HEAP0" != n/a ]] && growth=$(awk -v a="$heap" -v b="$HEAP0" 'BEGIN { printf "%+.1f", a - b }')
  local rps; rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$OUT/finder-$name.txt")
  local p99; p99=$(awk '$1 == "99%" {print $2}' "$OUT/finder-$name.txt")
  printf '%-16s %10s %10s %10sms %10sms %10sms %8s %12s %10s\n' "$name" "$heap" "$growth" \
    "$(pct "$probe_file" 50)" "$(pct "$probe_file" 99)" "$(sort -n "$probe_file" | tail -1)" "$(wc -l < "$probe_file")" \
    "${rps:-0}" "${p99:-n/a}" | tee -a "$OUT/summary.txt"
  # Let what the attack left (sockets, queued work) drain before the next one.
  sleep 3
}

for a in $ATTACKS; do run_attack "$a"; done

echo
echo "attack details (requests/s of the attacker, status codes):"
for a in $ATTACKS; do
  f="$OUT/attack-$a.txt"; [[ -f "$f" ]] || continue
  printf '  %-16s %s\n' "$a" "$(awk '/^Requests\/sec:/ {r = $2} /Non-2xx/ {n = $0} /Socket errors/ {s = $0} /slow uploads/ {u = $0}
      END { printf "%s%s%s%s", (r ? r " req/s; " : ""), n, (s ? "; " s : ""), u }' "$f")"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); raw output in $OUT/"
