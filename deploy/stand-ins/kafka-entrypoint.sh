#!/usr/bin/env bash
# The entrypoint of deploy/container-check's stand-in for the apache/kafka image, when no registry can be reached:
# as the official image does, every KAFKA_<NAME> variable but the JVM options becomes the property <name> (lower
# case, _ for .), the storage is formatted once with CLUSTER_ID, and the broker runs in the foreground.
set -euo pipefail

properties=/opt/kafka/config/server.properties
: >"$properties"
while IFS='=' read -r name _; do
    case "$name" in
        KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_GC_LOG_OPTS | KAFKA_LOG4J_OPTS | KAFKA_JMX_OPTS) ;;
        KAFKA_*)
            key="$(printf %s "${name#KAFKA_}" | tr 'A-Z_' 'a-z.')"
            printf '%s=%s\n' "$key" "${!name}" >>"$properties"
            ;;
    esac
done < <(env)

/opt/kafka/bin/kafka-run-class.sh kafka.tools.StorageTool format --ignore-formatted \
    --cluster-id "${CLUSTER_ID:?set CLUSTER_ID}" --config "$properties"
exec /opt/kafka/bin/kafka-run-class.sh kafka.Kafka "$properties"
