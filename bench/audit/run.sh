#!/bin/sh
# Audit benchmark (issue 7): seeds events through the real ingest path into PostgreSQL and prints
# ingest rate, timeline-query latency p50/p99, EXPLAIN plans and the projection rebuild rate.
#   bench/audit/run.sh                                  # 1,000,000 events over 10,000 entities
#   bench/audit/run.sh --events 200000 --entities 2000  # smaller
# Other options: --batch 500 --partitions 6 --workers 3 --queries 2000
#                --jdbc jdbc:postgresql://host:port/db --user u --password p  (default: embedded PG 15)
set -e
cd "$(dirname "$0")/../.."
# -am: the kit, test kit and contracts come from this reactor, so a fresh clone needs no prior install.
# Compile and resolve the classpath under the shared Maven lock, then run outside it.
flock /tmp/mvn.lock ./mvnw -B -q -pl services/audit -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="services/audit/target/classes:services/audit/target/test-classes:$(cat services/audit/target/bench.classpath)"
exec java -Xmx${BENCH_HEAP:-3g} -cp "$CP" cn.anshan.oversight.audit.bench.AuditBenchmark "$@"
