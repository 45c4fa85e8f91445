#!/usr/bin/env bash
# Heap of a 200,000-row roster import (issue 6): generates a CSV roster of ROWS rows (every row with a phone
# number that is not valid and blank cells, the worst case the issue reported: problems on every row), starts the jar with a fixed
# heap on a loopback port and an in-memory H2 without demo data, creates a staff account, uploads the roster as
# staff, waits until the check ends, and prints the heap after a full GC (jcmd GC.run + GC.heap_info) before the
# upload and right after the check. The database is an H2 file in a temporary directory (an in-memory H2 would
# put the database itself, with the stored jobs, into the heap being measured). 127.0.0.1 only.
#
#   scripts/bench/import-heap.sh                        # the jar in target/ (built if missing)
#   JAR=/tmp/before.jar scripts/bench/import-heap.sh    # another build (e.g. the commit before V302)
#
# Env: JAR, PORT (18083), ROWS (200000), HEAP (1g), UPLOADS (1: how many times the same roster is uploaded),
# START_TIMEOUT (600 s), HISTO (0; 1 prints the top of the class histogram after each check), JAVA_OPTS, JFR_DUMP (a file: with
# JAVA_OPTS=-XX:StartFlightRecording, dumps the recording after each check with the paths that keep objects alive).
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18083}
ROWS=${ROWS:-200000}
HEAP=${HEAP:-1g}
UPLOADS=${UPLOADS:-1}
JAR=${JAR:-target/nuanxin-0.1.0-SNAPSHOT.jar}
OUT=target/bench
BASE="http://127.0.0.1:${PORT}"
ADMIN_PASSWORD="bench-admin-password-$$"
STAFF_PASSWORD="bench-staff-password-$$"
mkdir -p "$OUT"

if [[ ! -f "$JAR" ]]; then ./mvnw -q -B -DskipTests package; fi
if curl -s -o /dev/null "$BASE/"; then echo "something already listens on port $PORT" >&2; exit 2; fi

ROSTER="$OUT/roster-$ROWS.csv"
python3 - "$ROSTER" "$ROWS" <<'PY'
import sys
path, rows = sys.argv[1], int(sys.argv[2])
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("驿站名称,所属区县,详细地址,经度,纬度,依托场所,联系人,联系电话,开放时间,服务设施\n")
    for i in range(rows):
        # 渝中区 around 解放碑 (GCJ-02, chosen at upload); short cells so that 200,000 rows stay under the 10 MB
        # upload limit; host, contact, hours and amenities blank and the phone 149 (not a number): every row has
        # problems, the worst case the issue reported.
        f.write(f"S{i:06d},500103,A,{106.570 + (i % 50) * 0.0001:.4f},{29.555 + (i // 50 % 40) * 0.0001:.4f},,,149,,\n")
PY
echo "roster: $ROSTER, $ROWS rows, $(wc -c < "$ROSTER") bytes"
echo "jar: $JAR; heap: -Xms$HEAP -Xmx$HEAP; date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

DB=$(mktemp -d)
# shellcheck disable=SC2086
NUANXIN_ADMIN_PASSWORD="$ADMIN_PASSWORD" java -Xms"$HEAP" -Xmx"$HEAP" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" \
  --server.address=127.0.0.1 --nuanxin.station.demo-data=false \
  "--spring.datasource.url=jdbc:h2:file:$DB/nuanxin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  > "$OUT/import-heap-app.log" 2>&1 &
APP=$!
COOKIES=$(mktemp -d)
trap 'kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true; rm -rf "$COOKIES" "$DB"' EXIT
started=$(date +%s)
until curl -fsS -o /dev/null "$BASE/actuator/health" 2>/dev/null; do
  if ! kill -0 "$APP" 2>/dev/null; then echo "the app exited; see $OUT/import-heap-app.log" >&2; exit 1; fi
  if (( $(date +%s) - started > ${START_TIMEOUT:-600} )); then echo "no start within ${START_TIMEOUT:-600} s" >&2; exit 1; fi
  sleep 1
done

token() { sed -n 's/.*name="_csrf" *value="\([^"]*\)".*/\1/p' | head -1; }
signin() { # cookie-file user password
  local t; t=$(curl -fsS -c "$1" -b "$1" "$BASE/login" | token)
  curl -fsS -o /dev/null -c "$1" -b "$1" --data-urlencode "username=$2" --data-urlencode "password=$3" \
    --data-urlencode "_csrf=$t" "$BASE/login"
}
heap() { # label
  jcmd "$APP" GC.run >/dev/null
  local used; used=$(jcmd "$APP" GC.heap_info | awk '/garbage-first heap|def new generation|PSYoungGen|heap/ && /used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')
  echo "heap after GC, $1: $used"
}

A="$COOKIES/admin"; S="$COOKIES/staff"
signin "$A" admin "$ADMIN_PASSWORD"
t=$(curl -fsS -c "$A" -b "$A" "$BASE/console/accounts/new" | token)
created=$(curl -fsS -o /dev/null -w '%{redirect_url}' -c "$A" -b "$A" --data-urlencode "username=bench" \
  --data-urlencode "displayName=Bench" --data-urlencode "role=UNION_STAFF" --data-urlencode "password=$STAFF_PASSWORD" \
  --data-urlencode "_csrf=$t" "$BASE/console/accounts/new")
[[ "$created" == */console/accounts ]] || { echo "the staff account was not created: $created" >&2; exit 1; }
signin "$S" bench "$STAFF_PASSWORD"
# A new account's password is one-time (V201): the staff member chooses their own before any other page opens.
t=$(curl -fsS -c "$S" -b "$S" "$BASE/console/account/password" | token)
curl -fsS -o /dev/null -c "$S" -b "$S" --data-urlencode "currentPassword=$STAFF_PASSWORD" \
  --data-urlencode "newPassword=$STAFF_PASSWORD-own" --data-urlencode "_csrf=$t" "$BASE/console/account/password"
heap "before the upload"

for n in $(seq 1 "$UPLOADS"); do
  t=$(curl -fsS -c "$S" -b "$S" "$BASE/console/stations/import" | token)
  begun=$(date +%s)
  location=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$S" -b "$S" -F "_csrf=$t" -F "defaultCrs=GCJ02" \
    -F "file=@$ROSTER;type=text/csv" "$BASE/console/stations/import")
  [[ "$location" == */console/stations/import/* ]] || { echo "the upload was not accepted: $location" >&2; exit 1; }
  # Wait until the check ends (the page no longer shows a working state).
  while curl -fsS -b "$S" "$location" -o "$OUT/import-heap-page.html" && grep -q 'nx-state-CHECKING' "$OUT/import-heap-page.html"; do
    if (( $(date +%s) - begun > 900 )); then echo "check not done within 900 s" >&2; exit 1; fi
    sleep 2
  done
  page=$(curl -fsS -b "$S" "$location")
  echo "upload $n: checked in $(( $(date +%s) - begun )) s; page $(printf '%s' "$page" | wc -c) bytes; state: $(printf '%s' "$page" | grep -o 'nx-state-[A-Z]*' | head -1)"
  printf '%s' "$page" | grep -o 'alert-danger" role="alert">[^<]*' | head -1 || true
  heap "after upload $n was checked"
  if [[ "${HISTO:-0}" == 1 ]]; then jcmd "$APP" GC.class_histogram | head -25; fi
  # With JAVA_OPTS=-XX:StartFlightRecording: the recording with the paths from sampled live objects to GC roots.
  if [[ -n "${JFR_DUMP:-}" ]]; then jcmd "$APP" JFR.dump path-to-gc-roots=true filename="$JFR_DUMP" >/dev/null; fi
done
echo "finder still answers: $(curl -s -o /dev/null -w '%{http_code} in %{time_total}s' "$BASE/api/v1/stations/nearest?lat=29.5630&lng=106.5516&limit=5")"
