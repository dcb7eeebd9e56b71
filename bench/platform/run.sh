#!/usr/bin/env bash
# Platform load benchmark (issue 13): drives the running local platform with Gatling and prints one
# table (operation, load, rate, p50, p99, max, errors, ceiling, ratio) beside pgbench ceilings of the
# same transaction shapes on the same PostgreSQL; JSON and Gatling reports go to
# bench/platform/target/results/<time>/. Starts the platform the README's way when it is not up.
#   bench/platform/run.sh                                  # everything, defaults (~40 min; bench/README.md)
#   bench/platform/run.sh --phases mixed --rate 300 --mixed-seconds 120
# Options: --phases scaling,reads,mixed,pgbench,relay-costs  --connections 1,4,16,64  --step 20  --warmup 90
#          --mixed-seconds 300  --rate 1000 (commands/s offered)  --reads 200  --filings 1
#          --pgbench-seconds 15  --parents 150  --institutions 10  --only <operation name part>
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! deploy/local/platform status 2>/dev/null | grep -q 'RUNNING (READY)'; then
  # one load client is one address: lift the public-register limit (120/min) for the measured reads;
  # a platform already up keeps the limit it was started with
  PUBLIC_READS_PER_MINUTE="${PUBLIC_READS_PER_MINUTE:-100000000}" deploy/local/platform up
fi
lock="${OVERSIGHT_MVN_LOCK:-/tmp/mvn.lock}"
# compile and resolve the classpath under the shared Maven lock, then run outside it
flock "$lock" ./mvnw -B -q -f bench/platform/pom.xml compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath
CP="bench/platform/target/classes:$(cat bench/platform/target/bench.classpath)"
exec java -Xmx${BENCH_HEAP:-1g} -XX:+UseParallelGC \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
  -cp "$CP" cn.anshan.oversight.bench.BenchMain "$@"
