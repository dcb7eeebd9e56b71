#!/usr/bin/env bash
# Chaos run (issue 15 item 6): a steady load on the local platform while each service is killed
# (kill -9), Kafka is paused (SIGSTOP) and restarted and PostgreSQL crashes (pg_ctl stop -m
# immediate), one at a time; the platform's supervisor restarts what died. Then it checks the
# databases and the audit store and prints "acked N, lost L, duplicated D, invariants ok" (or the
# truth) last; exits 1 unless nothing was lost or duplicated. See bench/chaos/README.md.
#   bench/chaos/run.sh                  # full run (~8 min of load) on the platform, started if not up
#   bench/chaos/run.sh --quick          # the ~3-minute variant the system tests run in CI
# Options: --quick  --workers 4  --rate 3 (flows/s)  --parents 40  --port-offset N  --state DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ -z ${OVERSIGHT_CHAOS_PLATFORM_MANAGED:-} ]] \
  && ! deploy/local/platform status 2>/dev/null | grep -q 'RUNNING (READY)'; then
  deploy/local/platform up
fi
lock="${OVERSIGHT_MVN_LOCK:-/tmp/mvn.lock}"
# the load and the checks live beside the load benchmark's world (bench/platform, package bench)
mvn=(./mvnw -B -q -f bench/platform/pom.xml compile dependency:build-classpath
  -Dmdep.outputFile=target/bench.classpath)
if command -v flock >/dev/null 2>&1; then flock "$lock" "${mvn[@]}"; else "${mvn[@]}"; fi
CP="bench/platform/target/classes:$(cat bench/platform/target/bench.classpath)"
exec java -Xmx${CHAOS_HEAP:-512m} -XX:+UseSerialGC -cp "$CP" cn.anshan.oversight.bench.ChaosMain "$@"
