#!/usr/bin/env bash
# Board, agenda and deal-list latency of the real local stack over HTTP through the gateway, after seeding it
# through the public API (10,000 open deals and 30,000 activities by default). Builds the jar, then runs
# local-stack/src/test/java/app/kariz/local/bench/HttpLatencyBench.java, which starts the jar in a JVM of its own
# on a fresh data directory (local-stack/target/http-latency-bench/) and free ports, seeds, waits for the view,
# measures and stops it. The table is printed and written to local-stack/target/http-latency-bench.txt.
#
# Usage: local-stack/scripts/http-latency-bench.sh [-Dkariz.bench.<setting>=<value> ...]
#   kariz.bench.deals=10000 activities=30000 owners=8 threads=4 warmup=20 runs=200
#   kariz.bench.stackJvmArgs="-Xms512m -Xmx2g"  consistencyWindowSeconds=60  positionsPerToken=100
#   kariz.bench.catchUpMinutes=180 (how long the view may take to apply the seeded events)
# A quick trial: local-stack/scripts/http-latency-bench.sh -Dkariz.bench.deals=500 -Dkariz.bench.activities=1500 \
#   -Dkariz.bench.runs=50 -Dkariz.bench.warmup=5 -Dkariz.bench.consistencyWindowSeconds=10
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "$(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -B -o -DskipTests package
./mvnw -q -B -o -pl local-stack -am test -Dtest=HttpLatencyBench -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo "$(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg); results in local-stack/target/http-latency-bench.txt"
