#!/usr/bin/env bash
# kill -9 durability of the local stack: every write the API answered 201 survives a SIGKILL exactly once, in the
# owning service and in the views, with the right indicator. Builds everything, then runs
# local-stack/src/test/java/app/kariz/local/crash/KillNineDurabilityTest.java for the given number of rounds (load,
# kill -9 mid-load, restart on the same data, check every acknowledged write of all rounds so far). It prints one
# line per round and a total; the stack's logs are kept under local-stack/target/kill-nine/ when it fails.
#
# Usage: local-stack/scripts/crash-test.sh [rounds] [-Dkariz.crash.<setting>=<value> ...]
#   rounds: 10 by default (the test's own default, as CI runs it, is 2)
#   kariz.crash.threads=4 loadMinSeconds=3 loadMaxSeconds=12 checkSeconds=60 seed=<to repeat a run's choices>
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=10
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
  rounds=$1
  shift
fi
echo "$(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg); $rounds rounds"
./mvnw -q -B -ntp -o -DskipTests package
set +e
./mvnw -B -ntp -o -pl local-stack -am test -Dtest=KillNineDurabilityTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkariz.crash.rounds="$rounds" "$@" 2>&1 | tee local-stack/target/crash-test.out | grep --line-buffered -E '^kill -9 '
status=${PIPESTATUS[0]}
set -e
if [[ $status -ne 0 ]]; then
  grep -E -A8 'acknowledged writes did not survive' local-stack/target/crash-test.out | head -9 || true
  echo "FAILED (exit $status); full output in local-stack/target/crash-test.out"
fi
exit $status
