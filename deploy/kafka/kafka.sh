#!/usr/bin/env bash
# Tocsin: a local single-node KRaft Apache Kafka broker (broker + controller in one JVM),
# assembled from Maven Central jars and run with plain `java`. No Docker, no Apache mirrors.
#
# Usage: deploy/kafka/kafka.sh <command>          (from any directory)
#
#   fetch        resolve the broker's jars into deploy/kafka/lib/<version>/ (cached; Maven)
#   start        fetch if needed, configure, format storage once, launch in the background and
#                wait until ready; prints the bootstrap address (127.0.0.1:<port>) on stdout.
#                Idempotent: if this state dir's broker already runs and is healthy, exits 0.
#   stop         SIGTERM, wait up to 30 s, then SIGKILL. Exit 0 if it was not running.
#   status       exit 0 and print the bootstrap address if the broker is healthy;
#                exit 3 if not running, 1 if running but not answering.
#   logs [-f] [N]  last N (default 100) lines of the broker log; -f follows it.
#
# Environment:
#   TOCSIN_KAFKA_VERSION           Kafka version (default 4.0.2; 3.9.x also works)
#   TOCSIN_KAFKA_PORT              client (PLAINTEXT) port on 127.0.0.1 (default 19092)
#   TOCSIN_KAFKA_CONTROLLER_PORT   KRaft controller port on 127.0.0.1 (default 19093)
#   TOCSIN_KAFKA_STATE_DIR         data, config, pid and logs (default deploy/kafka/.state;
#                                  a relative path is taken relative to the caller's cwd)
#   TOCSIN_KAFKA_HEAP              JVM heap flags (default "-Xms512m -Xmx1g")
#   TOCSIN_KAFKA_OPTS              extra JVM flags (default empty)
#   TOCSIN_KAFKA_BOOTSTRAP         use an existing cluster: start/status only check that it
#                                  answers (and print it); stop does nothing
#   TOCSIN_KAFKA_FRESH=1           start: stop this state dir's broker and wipe the state first
#   TOCSIN_KAFKA_READY_TIMEOUT     seconds start waits for readiness (default 90)
#   TOCSIN_KAFKA_EXTRA_PROPERTIES  file appended to the generated server.properties
#   TOCSIN_PYTHON                  python for wait_ready.py (default .venv/bin/python relative
#                                  to the repo root, else python3: it has a stdlib fallback)
#   JAVA_HOME / MVN                java and maven to use (default: java, mvn on PATH)
#
# Only the bootstrap address goes to stdout, so `BOOTSTRAP=$(deploy/kafka/kafka.sh start)` works;
# progress and errors go to stderr.
#
# Topics: auto.create.topics.enable=true so Faust's internal topics (changelogs, repartition
# topics) can appear, but Tocsin creates its own topics (articles, alerts, DLQs) explicitly with
# the partition count it wants: an auto-created topic gets num.partitions=4.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
CALLER_PWD="$(pwd -P)"

VERSION="${TOCSIN_KAFKA_VERSION:-4.0.2}"
PORT="${TOCSIN_KAFKA_PORT:-19092}"
CPORT="${TOCSIN_KAFKA_CONTROLLER_PORT:-19093}"
HEAP="${TOCSIN_KAFKA_HEAP:--Xms512m -Xmx1g}"
EXTRA_OPTS="${TOCSIN_KAFKA_OPTS:-}"
READY_TIMEOUT="${TOCSIN_KAFKA_READY_TIMEOUT:-90}"
STATE_DIR="${TOCSIN_KAFKA_STATE_DIR:-$SCRIPT_DIR/.state}"
case "$STATE_DIR" in
  /*) ;;
  *) STATE_DIR="$CALLER_PWD/$STATE_DIR" ;;
esac
STATE_DIR="${STATE_DIR%/}"
MVN="${MVN:-mvn}"
if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi

LIB_DIR="$SCRIPT_DIR/lib/$VERSION"
LIB_MARKER="$LIB_DIR/.tocsin-fetch-complete"
CONF_DIR="$SCRIPT_DIR/config"
PID_FILE="$STATE_DIR/kafka.pid"
PROPS="$STATE_DIR/server.properties"
DATA_DIR="$STATE_DIR/data"
LOG="$STATE_DIR/broker.log"
OUT="$STATE_DIR/broker.out"
STATE_MARKER="$STATE_DIR/.tocsin-kafka-state"
BOOTSTRAP="127.0.0.1:$PORT"
MAJOR="${VERSION%%.*}"

cd "$REPO_ROOT"

note() { echo "kafka.sh: $*" >&2; }
die() { echo "kafka.sh: error: $*" >&2; exit 1; }

[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+([.-][A-Za-z0-9.-]+)?$ ]] || die "bad TOCSIN_KAFKA_VERSION '$VERSION'"
[[ "$PORT" =~ ^[0-9]+$ && "$CPORT" =~ ^[0-9]+$ ]] || die "ports must be numbers (got '$PORT', '$CPORT')"
[[ "$PORT" != "$CPORT" ]] || die "TOCSIN_KAFKA_PORT and TOCSIN_KAFKA_CONTROLLER_PORT must differ"
[[ "$READY_TIMEOUT" =~ ^[0-9]+$ ]] || die "TOCSIN_KAFKA_READY_TIMEOUT must be whole seconds"

# Kafka 4.x: log4j2 backend + -Dlog4j2.configurationFile. 3.x: reload4j + -Dlog4j.configuration.
if (( MAJOR >= 4 )); then
  MVN_LOGGING="-Dkafka.logging=log4j2"
  BROKER_LOG_FLAG="-Dlog4j2.configurationFile=$CONF_DIR/log4j2.properties"
  TOOLS_LOG_FLAG="-Dlog4j2.configurationFile=$CONF_DIR/tools-log4j2.properties"
else
  MVN_LOGGING="-Dkafka.logging=reload4j"
  BROKER_LOG_FLAG="-Dlog4j.configuration=file:$CONF_DIR/log4j.properties"
  TOOLS_LOG_FLAG="-Dlog4j.configuration=file:$CONF_DIR/tools-log4j.properties"
fi

# ----------------------------------------------------------------------------- helpers

python_cmd() {
  # Relative TOCSIN_PYTHON paths are relative to the repo root (we cd'ed there).
  if [[ -n "${TOCSIN_PYTHON:-}" ]]; then
    command -v "$TOCSIN_PYTHON" >/dev/null 2>&1 || [[ -x "$TOCSIN_PYTHON" ]] \
      || die "TOCSIN_PYTHON=$TOCSIN_PYTHON is not executable"
    echo "$TOCSIN_PYTHON"
  elif [[ -x .venv/bin/python ]]; then
    echo ".venv/bin/python"
  elif command -v python3 >/dev/null 2>&1; then
    echo "python3"
  else
    die "no python: create the venv (.venv) or set TOCSIN_PYTHON"
  fi
}

wait_ready() {
  local py
  py="$(python_cmd)"
  "$py" "$SCRIPT_DIR/wait_ready.py" "$@"
}

check_java() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (install JDK 17+ or set JAVA_HOME)"
  local line jv
  line="$("$JAVA" -version 2>&1 | head -n 1)"
  jv="$(printf '%s\n' "$line" | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p')"
  [[ -n "$jv" ]] || { note "could not parse java version from: $line"; return 0; }
  (( jv == 1 )) && jv=8
  if (( MAJOR >= 4 && jv < 17 )); then die "Kafka $VERSION needs Java 17+, found: $line"; fi
  if (( jv < 11 )); then die "Kafka $VERSION needs Java 11+, found: $line"; fi
}

lib_complete() {
  [[ -f "$LIB_MARKER" ]] || return 1
  local jar n=0
  while IFS= read -r jar || [[ -n "$jar" ]]; do
    [[ -z "$jar" ]] && continue
    [[ -f "$LIB_DIR/$jar" ]] || return 1
    n=$((n + 1))
  done <"$LIB_MARKER"
  (( n > 0 ))
}

cmd_fetch() {
  if lib_complete; then
    note "Kafka $VERSION jars cached in ${LIB_DIR#"$REPO_ROOT"/}"
    return 0
  fi
  command -v "$MVN" >/dev/null 2>&1 || die "maven ('$MVN') not found: install Maven 3.6+ or set MVN"
  note "fetching Kafka $VERSION jars from Maven Central into ${LIB_DIR#"$REPO_ROOT"/} ..."
  mkdir -p "$SCRIPT_DIR/lib"
  local tmp="$SCRIPT_DIR/lib/.tmp-$VERSION-$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  # Maven's output goes to stderr (stdout is reserved for the bootstrap address), minus the
  # colour codes Maven 3.8 prints even with -B.
  local rc=0
  "$MVN" -q -B -Dstyle.color=never -f "$SCRIPT_DIR/pom.xml" "-Dkafka.version=$VERSION" \
    "$MVN_LOGGING" "-Dkafka.lib.dir=$tmp" dependency:copy-dependencies >"$tmp.log" 2>&1 || rc=$?
  sed -e $'s/\x1b\\[[0-9;]*m//g' "$tmp.log" | grep -v '^[[:space:]]*$' >&2 || true
  rm -f "$tmp.log"
  if (( rc != 0 )); then
    rm -rf "$tmp"
    die "maven could not resolve org.apache.kafka:kafka_2.13:$VERSION (exit $rc, output above)"
  fi
  if ! ls "$tmp"/kafka_2.13-*.jar >/dev/null 2>&1; then
    rm -rf "$tmp"
    die "maven ran but kafka_2.13-$VERSION.jar is missing from the copied classpath"
  fi
  (cd "$tmp" && ls -1 -- *.jar) >"$tmp/.tocsin-fetch-complete"
  if lib_complete; then   # another process finished first
    rm -rf "$tmp"
  else
    rm -rf "$LIB_DIR"
    mv "$tmp" "$LIB_DIR"
  fi
  lib_complete || die "could not install jars into $LIB_DIR"
  note "fetched $(wc -l <"$LIB_MARKER" | tr -d ' ') jars for Kafka $VERSION"
}

# Prints the pid of this state dir's broker if it is alive.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid args
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  args="$(ps -ww -o args= -p "$pid" 2>/dev/null || true)"
  [[ "$args" == *kafka.Kafka* && "$args" == *"$PROPS"* ]] || return 1
  echo "$pid"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

LOCK_DIR="$STATE_DIR/.lock"
acquire_lock() {
  mkdir -p "$STATE_DIR"
  local holder tries=0
  while ! mkdir "$LOCK_DIR" 2>/dev/null; do
    holder="$(cat "$LOCK_DIR/pid" 2>/dev/null || true)"
    if [[ -n "$holder" ]] && ! kill -0 "$holder" 2>/dev/null; then
      rm -rf "$LOCK_DIR"   # stale lock from a dead kafka.sh
      continue
    fi
    tries=$((tries + 1))
    (( tries == 1 )) && note "waiting for another kafka.sh (pid ${holder:-?}) on $STATE_DIR ..."
    (( tries > 2 * (READY_TIMEOUT + 60) )) && die "timed out waiting for lock $LOCK_DIR"
    sleep 0.5
  done
  echo $$ >"$LOCK_DIR/pid"
  trap 'rm -rf "$LOCK_DIR"' EXIT
}

stop_locked() {
  local pid i
  if ! pid="$(running_pid)"; then
    [[ -f "$PID_FILE" ]] && note "removing stale pid file"
    rm -f "$PID_FILE"
    return 1
  fi
  note "stopping broker (pid $pid) ..."
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    note "broker did not exit 30 s after SIGTERM: sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -0 "$pid" 2>/dev/null && die "broker pid $pid survived SIGKILL"
  fi
  rm -f "$PID_FILE"
  note "stopped"
  return 0
}

wipe_state() {
  [[ -d "$STATE_DIR" ]] || return 0
  local entries
  entries="$(cd "$STATE_DIR" && ls -A | grep -v '^\.lock$' || true)"
  if [[ -n "$entries" && ! -f "$STATE_MARKER" ]]; then
    die "refusing to wipe $STATE_DIR: it is not a kafka.sh state dir (no $(basename "$STATE_MARKER"))"
  fi
  note "TOCSIN_KAFKA_FRESH=1: wiping $STATE_DIR"
  find "$STATE_DIR" -mindepth 1 -maxdepth 1 ! -name .lock -exec rm -rf {} +
}

new_cluster_id() {
  # Same shape as `kafka.tools.StorageTool random-uuid` (16 random bytes, URL-safe base64, no
  # padding, not starting with '-'), without paying for a JVM start.
  "$(python_cmd)" -c '
import base64, uuid
while True:
    s = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
    if not s.startswith("-"):
        print(s)
        break'
}

write_props() {
  local tmp="$PROPS.tmp.$$"
  {
    echo "# Generated by deploy/kafka/kafka.sh on every start: edits are overwritten."
    echo "# Add settings with TOCSIN_KAFKA_EXTRA_PROPERTIES=<file> instead."
    echo "# Single-node KRaft: this JVM is broker and controller, static single voter."
    echo "process.roles=broker,controller"
    echo "node.id=1"
    echo "controller.quorum.voters=1@127.0.0.1:$CPORT"
    echo "listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CPORT"
    echo "advertised.listeners=PLAINTEXT://127.0.0.1:$PORT"
    echo "controller.listener.names=CONTROLLER"
    echo "inter.broker.listener.name=PLAINTEXT"
    echo "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"
    echo "log.dirs=$DATA_DIR"
    echo
    echo "# One node: every internal topic has replication factor 1."
    echo "default.replication.factor=1"
    echo "min.insync.replicas=1"
    echo "offsets.topic.replication.factor=1"
    echo "transaction.state.log.replication.factor=1"
    echo "transaction.state.log.min.isr=1"
    if (( MAJOR >= 4 )); then
      echo "share.coordinator.state.topic.replication.factor=1"
      echo "share.coordinator.state.topic.min.isr=1"
    fi
    echo
    echo "# Tocsin creates its own topics explicitly with the partitions it wants; auto-creation"
    echo "# stays on for Faust's internal topics. Auto-created topics get num.partitions."
    echo "auto.create.topics.enable=true"
    echo "num.partitions=4"
    echo
    echo "# Small box (2 cores shared by broker, worker and tests); fast group joins for tests."
    echo "num.network.threads=2"
    echo "num.io.threads=2"
    echo "num.recovery.threads.per.data.dir=1"
    echo "group.initial.rebalance.delay.ms=0"
    echo
    echo "# Restart speed: Kafka 4.0.x's controller gives the previous (cleanly shut down) broker"
    echo "# incarnation a fresh session on startup and rejects the new one with"
    echo "# DUPLICATE_BROKER_REGISTRATION until it expires (KAFKA-19130, fixed in 4.1): with the"
    echo "# default 9 s session every restart took ~12 s. Heartbeats stay in-process on loopback."
    echo "broker.heartbeat.interval.ms=${TOCSIN_KAFKA_HEARTBEAT_MS:-500}"
    echo "broker.session.timeout.ms=${TOCSIN_KAFKA_SESSION_TIMEOUT_MS:-3000}"
    echo "log.retention.hours=168"
    if [[ -n "${TOCSIN_KAFKA_EXTRA_PROPERTIES:-}" ]]; then
      echo
      echo "# From TOCSIN_KAFKA_EXTRA_PROPERTIES=$TOCSIN_KAFKA_EXTRA_PROPERTIES"
      cat "$TOCSIN_KAFKA_EXTRA_PROPERTIES"
    fi
  } >"$tmp"
  mv "$tmp" "$PROPS"
}

print_out_file() {
  if [[ -s "$OUT" ]]; then
    echo "--- $OUT (JVM stdout/stderr) ---" >&2
    tail -n 30 "$OUT" >&2
    echo "--- end ---" >&2
  fi
}

# ----------------------------------------------------------------------------- commands

cmd_start() {
  if [[ -n "${TOCSIN_KAFKA_BOOTSTRAP:-}" ]]; then
    note "TOCSIN_KAFKA_BOOTSTRAP is set: using the existing cluster at $TOCSIN_KAFKA_BOOTSTRAP, starting nothing"
    wait_ready --bootstrap "$TOCSIN_KAFKA_BOOTSTRAP" --timeout "$READY_TIMEOUT" \
      || die "cluster at $TOCSIN_KAFKA_BOOTSTRAP does not answer"
    echo "$TOCSIN_KAFKA_BOOTSTRAP"
    return 0
  fi

  local t0=$SECONDS pid
  acquire_lock

  if [[ "${TOCSIN_KAFKA_FRESH:-0}" == "1" ]]; then
    stop_locked || true
    wipe_state
  fi

  if pid="$(running_pid)"; then
    local running
    running="$(cat "$STATE_DIR/bootstrap" 2>/dev/null || echo '?')"
    [[ "$running" == "$BOOTSTRAP" ]] || die "this state dir's broker (pid $pid) already runs at \
$running, not $BOOTSTRAP: stop it first or use its port"
    note "already running (pid $pid); checking it answers"
    wait_ready --bootstrap "$BOOTSTRAP" --log "$LOG" --pid "$pid" --timeout "$READY_TIMEOUT" \
      || die "broker pid $pid runs but is not ready (stop it with: $0 stop)"
    echo "$BOOTSTRAP"
    return 0
  fi
  rm -f "$PID_FILE"

  local p
  for p in "$PORT" "$CPORT"; do
    if port_in_use "$p"; then
      die "port 127.0.0.1:$p is already in use by another process (another broker with a \
different TOCSIN_KAFKA_STATE_DIR?). Pick free ports with TOCSIN_KAFKA_PORT / TOCSIN_KAFKA_CONTROLLER_PORT."
    fi
  done

  check_java
  cmd_fetch

  mkdir -p "$DATA_DIR"
  [[ -f "$STATE_MARKER" ]] || echo "state dir of deploy/kafka/kafka.sh" >"$STATE_MARKER"

  if [[ -f "$STATE_DIR/kafka-version" ]]; then
    local formatted
    formatted="$(cat "$STATE_DIR/kafka-version")"
    [[ "$formatted" == "$VERSION" ]] || die "$STATE_DIR was formatted by Kafka $formatted, not \
$VERSION: use TOCSIN_KAFKA_FRESH=1 (wipes it) or another TOCSIN_KAFKA_STATE_DIR"
  fi

  local cluster_id
  if [[ -s "$STATE_DIR/cluster-id" ]]; then
    cluster_id="$(cat "$STATE_DIR/cluster-id")"
  else
    cluster_id="$(new_cluster_id)"
    [[ -n "$cluster_id" ]] || die "could not generate a cluster id"
    echo "$cluster_id" >"$STATE_DIR/cluster-id"
  fi

  write_props

  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    grep -q "^cluster.id=$cluster_id\$" "$DATA_DIR/meta.properties" \
      || die "$DATA_DIR/meta.properties belongs to another cluster id than $STATE_DIR/cluster-id: \
use TOCSIN_KAFKA_FRESH=1"
  else
    note "formatting storage (cluster id $cluster_id)"
    "$JAVA" $HEAP "$TOOLS_LOG_FLAG" -cp "$LIB_DIR/*" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$PROPS" --ignore-formatted >&2 \
      || die "kafka.tools.StorageTool format failed"
  fi
  echo "$VERSION" >"$STATE_DIR/kafka-version"

  # This run's log starts empty, so "Kafka Server started" in it is this run's.
  [[ -f "$LOG" ]] && mv -f "$LOG" "$STATE_DIR/broker.prev.log"
  rm -f "$LOG".[0-9]*
  [[ -f "$OUT" ]] && mv -f "$OUT" "$STATE_DIR/broker.prev.out"

  local -a launcher=()
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)  # own session: survives the caller's Ctrl-C
  # shellcheck disable=SC2086 # HEAP and EXTRA_OPTS are flag lists
  nohup ${launcher[@]+"${launcher[@]}"} "$JAVA" $HEAP -server \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    "-Dkafka.logs.dir=$STATE_DIR" "$BROKER_LOG_FLAG" $EXTRA_OPTS \
    -cp "$LIB_DIR/*" kafka.Kafka "$PROPS" >"$OUT" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"
  echo "$BOOTSTRAP" >"$STATE_DIR/bootstrap"
  note "launched Kafka $VERSION (pid $pid), log ${LOG#"$REPO_ROOT"/}; waiting up to ${READY_TIMEOUT}s"

  if ! wait_ready --bootstrap "$BOOTSTRAP" --log "$LOG" --pid "$pid" --timeout "$READY_TIMEOUT"; then
    print_out_file
    stop_locked >/dev/null 2>&1 || true
    die "broker did not become ready; it was stopped (logs: $STATE_DIR)"
  fi
  note "ready in $((SECONDS - t0))s at $BOOTSTRAP"
  echo "$BOOTSTRAP"
}

cmd_stop() {
  if [[ -n "${TOCSIN_KAFKA_BOOTSTRAP:-}" ]]; then
    note "TOCSIN_KAFKA_BOOTSTRAP is set ($TOCSIN_KAFKA_BOOTSTRAP): external cluster, nothing to stop"
    return 0
  fi
  [[ -d "$STATE_DIR" ]] || { note "not running (no state dir)"; return 0; }
  acquire_lock
  stop_locked || note "not running"
  return 0
}

cmd_status() {
  if [[ -n "${TOCSIN_KAFKA_BOOTSTRAP:-}" ]]; then
    wait_ready --bootstrap "$TOCSIN_KAFKA_BOOTSTRAP" --timeout 5 --quiet \
      || { note "external cluster $TOCSIN_KAFKA_BOOTSTRAP does not answer"; return 1; }
    echo "$TOCSIN_KAFKA_BOOTSTRAP"
    return 0
  fi
  local pid bootstrap
  if ! pid="$(running_pid)"; then
    note "not running (state dir $STATE_DIR)"
    return 3
  fi
  bootstrap="$(cat "$STATE_DIR/bootstrap" 2>/dev/null || echo "$BOOTSTRAP")"
  if ! wait_ready --bootstrap "$bootstrap" --log "$LOG" --pid "$pid" --timeout 5 --quiet --tail 15; then
    note "running (pid $pid) but not healthy"
    return 1
  fi
  note "running (pid $pid), healthy"
  echo "$bootstrap"
}

cmd_logs() {
  local follow=0 n=100 arg
  for arg in "$@"; do
    case "$arg" in
      -f | --follow) follow=1 ;;
      *[!0-9]* | "") die "usage: $0 logs [-f] [N]" ;;
      *) n="$arg" ;;
    esac
  done
  [[ -f "$LOG" ]] || die "no broker log at $LOG"
  [[ -s "$OUT" ]] && note "JVM stdout/stderr is in $OUT"
  if (( follow )); then exec tail -n "$n" -f "$LOG"; fi
  tail -n "$n" "$LOG"
}

usage() {
  sed -n '2,/^set -euo pipefail/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  fetch) check_java; cmd_fetch ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  logs) cmd_logs "$@" ;;
  -h | --help | help) usage ;;
  *) usage; exit 2 ;;
esac
