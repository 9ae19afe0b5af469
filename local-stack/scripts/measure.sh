#!/usr/bin/env bash
# Measures the local stack as a user meets it: time to ready (logged by the launcher, from JVM start) and
# resident memory after playing README's curl walk-through. Needs curl and jq; run after
#   ./mvnw -B -ntp -DskipTests package
# Usage: local-stack/scripts/measure.sh [scratch-dir]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work" && cd "$work"
export KARIZ_GATEWAY_PORT=${KARIZ_GATEWAY_PORT:-18080} KARIZ_KAFKA_PORT=0 KARIZ_MONGO_PORT=0
java -jar "$repo/local-stack/target/kariz-local.jar" > stack.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  grep -q "Kariz is ready" stack.log && break
  kill -0 $pid 2>/dev/null || { cat stack.log; exit 1; }
  sleep 0.25
done
grep -o "Kariz is ready in [0-9]* ms" stack.log
python3 - "$repo/README.md" > walk.sh <<'PY'
import sys
readme = open(sys.argv[1], encoding="utf-8").read()
part = readme.split("## The API by example")[1]
blocks = [b.split("```")[0] for b in part.split("```bash")[1:4]]
print("set -e\nexport KARIZ_TOKEN=$(cat .kariz/demo-token)")
print("\n".join(blocks).replace("http://localhost:8080", "http://localhost:${KARIZ_GATEWAY_PORT}"))
PY
start=$(date +%s%N)
bash walk.sh > walk.out 2>&1
echo "walk-through: $(grep -c '^curl\|curl -s' walk.sh) curl lines in $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "resident memory after the walk-through: $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status)"
stop=$(date +%s%N)
kill -TERM $pid
while kill -0 $pid 2>/dev/null; do sleep 0.05; done
echo "stopped on SIGTERM in $(( ($(date +%s%N) - stop) / 1000000 )) ms"
