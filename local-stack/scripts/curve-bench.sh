#!/usr/bin/env bash
# The local stack's curve in one run per storage mode: at each size (open deals, ~3 activities each) command
# throughput through the gateway at 4, 16 and 64 clients, projection lag and read-your-writes at half of max load,
# board/list/agenda/search p50 and p99, catch-up after a burst, RSS and data size; and in the same run the
# ceilings (trivial authenticated route, raw broker acks=all, raw store insert and find by _id), each figure
# printed as a ratio to its ceiling. Builds the jar, then runs
# local-stack/src/test/java/app/kariz/local/bench/CurveBench.java once per mode; each run's table is printed and
# written to local-stack/target/curve-bench-<mode>.txt.
#
# Usage: local-stack/scripts/curve-bench.sh [-Dkariz.curve.<setting>=<value> ...]
#   KARIZ_CURVE_MODES="file memory" (the storage modes to run, in order)
#   kariz.curve.sizes=1000,10000,100000 clients=4,16,64 commandSeconds=10 lagSeconds=15 runs=100 burst=2000
#   kariz.curve.seedThreads=16 stackJvmArgs="-Xms512m -Xmx2g"
# A quick trial: local-stack/scripts/curve-bench.sh -Dkariz.curve.sizes=200 -Dkariz.curve.commandSeconds=3 \
#   -Dkariz.curve.lagSeconds=3 -Dkariz.curve.runs=20 -Dkariz.curve.burst=200
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "$(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -B -ntp -o -DskipTests package
for mode in ${KARIZ_CURVE_MODES:-file memory}; do
  ./mvnw -q -B -ntp -o -pl local-stack -am test -Dtest=CurveBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dkariz.curve.mongoStorage="$mode" "$@"
done
echo "$(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg); results in local-stack/target/curve-bench-*.txt"
