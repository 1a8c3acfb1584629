#!/usr/bin/env bash
# Starts the whole of Vouch on this machine: Kafka (KRaft), a file-backed MongoDB wire server and the three
# services. Needs only a JDK 17+. `./run-local.sh --help` lists every option (among them
# --issuer-uri=URL for an identity provider); `./run-local.sh rebuild
# reminder-service` rebuilds a service's projections in the running stack (see docs/operations.md).
set -euo pipefail
cd "$(dirname "$0")"
jar=local-launcher/target/vouch-local.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./data -prune -o \( -name '*.java' -o -name '*.yml' -o -name 'pom.xml' \) -newer "$jar" -print -quit)" ]; then
  echo "Building Vouch (first run, or sources changed) ..."
  ./mvnw -q -B -DskipTests -DskipImageCheck package
fi
# The launcher holds Kafka and the MongoDB wire server: its heap is bounded (docs/performance.md shows it suffices).
exec java -Xmx512m -jar "$jar" "$@"
