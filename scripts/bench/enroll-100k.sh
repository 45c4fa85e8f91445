#!/usr/bin/env bash
# PERFORMANCE.md §12 (issue 9): a generated 100,000-row mass-enrollment roster (xlsx) checked and committed on
# PostgreSQL (the local server on 127.0.0.1:5432, a fresh database per run, see PostgresTestDatabase), timed and
# its peak heap in use sampled, against a floor measured in the same run: the same file read into memory with the
# same reader plus a plain COPY of the rows into a bare table. Writes the roster and the log under target/bench.
#
#   scripts/bench/enroll-100k.sh            # ROWS=100000
#   ROWS=20000 scripts/bench/enroll-100k.sh
#   BENCH_JVM=-XX:StartFlightRecording=filename=target/bench/enroll.jfr,settings=profile scripts/bench/enroll-100k.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-100000}
OUT=target/bench
mkdir -p "$OUT"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average: $(cut -d' ' -f1-3 /proc/loadavg); commit: $(git rev-parse --short HEAD)"
./mvnw -B -o -q test-compile
./mvnw -B -o surefire:test -Dtest=MassEnrollmentBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dbench.jvm=-Xmx1g -Dbench.rows=$ROWS -Dbench.out=$OUT ${BENCH_JVM:-}" 2>&1 | tee "$OUT/enroll-100k.log" \
  | grep -E "§12|floor|enrollment \(|ratio|Tests run|FAIL" || true
