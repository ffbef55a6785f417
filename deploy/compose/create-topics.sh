#!/bin/sh
# Topic-init step of deploy/compose.yaml: creates Tocsin's topics before any worker starts, with
# the partitions and configs streams/topics.py declares (tests/unit/test_deploy_files.py checks that
# this table, deploy/k8s/topics.yaml and streams/topics.py agree). Idempotent: --if-not-exists.
set -eu
BOOTSTRAP="${TOCSIN_KAFKA_BOOTSTRAP:?}"
PARTITIONS="${TOCSIN_PARTITIONS:?}"
RF="${TOCSIN_REPLICATION:-1}"
TOPICS="${KAFKA_TOPICS_SH:-/opt/kafka/bin/kafka-topics.sh}"  # the image's tool; a test passes a recorder

# name                         configs (comma-separated)     [partitions, default TOCSIN_PARTITIONS]
while read -r name configs parts; do
  [ -z "$name" ] && continue
  case "$name" in \#*) continue ;; esac
  set -- --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name" \
    --partitions "${parts:-$PARTITIONS}" --replication-factor "$RF"
  for c in $(echo "$configs" | tr ',' ' '); do set -- "$@" --config "$c"; done
  "$TOPICS" "$@"
done <<'TABLE'
tocsin.articles.v1             retention.ms=604800000
tocsin.articles.dlq.v1         retention.ms=-1
tocsin.events.v1               retention.ms=604800000
tocsin.alerts.v1               retention.ms=604800000
tocsin.subscriptions.v1        cleanup.policy=compact
tocsin.deliveries.retry.v1     retention.ms=604800000
tocsin.deliveries.dlq.v1       retention.ms=-1
tocsin.ingest.seen.v1          cleanup.policy=compact          1
TABLE
echo "topics ready on $BOOTSTRAP"
