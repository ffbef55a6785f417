#!/usr/bin/env python3
"""Wait until a Kafka broker is ready: its log says so AND a metadata round trip succeeds.

Used by deploy/kafka/kafka.sh (start, status); usable on its own:

    python deploy/kafka/wait_ready.py --bootstrap 127.0.0.1:19092 \
        [--log deploy/kafka/.state/broker.log] [--pid 1234] [--timeout 90]

Readiness =
  1. (only with --log) the broker log, or a size-rolled sibling of it, contains
     "Kafka Server started" (an open port alone is not taken as ready);
  2. a Metadata request is answered with at least one broker (and the cluster id).

The round trip uses aiokafka's AIOKafkaAdminClient when aiokafka is importable (the project
venv); otherwise it falls back to a hand-rolled Metadata v4 request over a plain socket, so the
script also works on a bare Python 3.11+ before the venv exists.

Exit 0 when ready (prints one line to stderr unless --quiet). Exit 1 on timeout, or as soon as
the --pid process dies, printing the reason and the tail of the broker log to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import socket
import struct
import sys
import time
from collections import deque
from pathlib import Path
from typing import Any

STARTED_MARKER = "Kafka Server started"


class NotReady(Exception):
    pass


def parse_bootstrap(bootstrap: str) -> list[tuple[str, int]]:
    out = []
    for item in bootstrap.split(","):
        item = item.strip()
        if not item:
            continue
        host, _, port = item.rpartition(":")
        if not host or not port.isdigit():
            raise SystemExit(f"wait_ready: bad bootstrap address {item!r} (want host:port)")
        out.append((host.strip("[]"), int(port)))
    if not out:
        raise SystemExit("wait_ready: empty bootstrap")
    return out


# --------------------------------------------------------------------------- aiokafka path


async def _aiokafka_round_trip(bootstrap: str, timeout: float) -> dict[str, Any]:
    from aiokafka.admin import AIOKafkaAdminClient  # type: ignore[import-untyped]

    ms = max(1000, int(timeout * 1000))
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap,
        request_timeout_ms=ms,
        client_id="tocsin-wait-ready",
    )
    try:
        await asyncio.wait_for(admin.start(), timeout)
        info = await asyncio.wait_for(admin.describe_cluster(), timeout)
    finally:
        with contextlib.suppress(Exception):  # best-effort cleanup
            await asyncio.wait_for(admin.close(), 5)
    brokers = info.get("brokers") or []
    if not brokers:
        raise NotReady("metadata response lists no brokers")
    return {"cluster_id": info.get("cluster_id"), "brokers": len(brokers), "via": "aiokafka"}


# --------------------------------------------------------------------------- stdlib path


def _read_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise NotReady("connection closed by broker")
        buf += chunk
    return bytes(buf)


class _Reader:
    """Big-endian cursor over one Kafka response."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def int16(self) -> int:
        (v,) = struct.unpack_from(">h", self.data, self.pos)
        self.pos += 2
        return int(v)

    def int32(self) -> int:
        (v,) = struct.unpack_from(">i", self.data, self.pos)
        self.pos += 4
        return int(v)

    def string(self) -> str | None:
        n = self.int16()
        if n < 0:
            return None
        s = self.data[self.pos : self.pos + n].decode()
        self.pos += n
        return s


def _metadata_v4(host: str, port: int, timeout: float) -> dict[str, Any]:
    """One Metadata v4 request (non-flexible, still accepted by Kafka 4.x), stdlib only."""
    correlation_id = 7
    client_id = b"tocsin-wait-ready"
    # request header v1: api_key=3 (Metadata), api_version=4, correlation id, client id;
    # body v4: topics = null (all), allow_auto_topic_creation = false
    payload = (
        struct.pack(">hhih", 3, 4, correlation_id, len(client_id)) + client_id + struct.pack(">ib", -1, 0)
    )
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.settimeout(timeout)
        sock.sendall(struct.pack(">i", len(payload)) + payload)
        (size,) = struct.unpack(">i", _read_exact(sock, 4))
        r = _Reader(_read_exact(sock, size))
    if r.int32() != correlation_id:
        raise NotReady("correlation id mismatch")
    r.int32()  # throttle_time_ms
    n_brokers = r.int32()
    for _ in range(max(0, n_brokers)):
        r.int32()  # node id
        r.string()  # host
        r.int32()  # port
        r.string()  # rack
    cluster_id = r.string()
    if n_brokers <= 0:
        raise NotReady("metadata response lists no brokers")
    return {"cluster_id": cluster_id, "brokers": n_brokers, "via": "socket"}


def _socket_round_trip(bootstrap: str, timeout: float) -> dict[str, Any]:
    errors = []
    for host, port in parse_bootstrap(bootstrap):
        try:
            return _metadata_v4(host, port, timeout)
        except (OSError, struct.error, NotReady) as exc:
            errors.append(f"{host}:{port}: {exc}")
    raise NotReady("; ".join(errors))


# --------------------------------------------------------------------------- main loop


def round_trip(bootstrap: str, timeout: float) -> dict[str, Any]:
    try:
        import aiokafka  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return _socket_round_trip(bootstrap, timeout)
    return asyncio.run(_aiokafka_round_trip(bootstrap, timeout))


def log_has_marker(path: Path) -> bool:
    """True if the log, or one of its size-rolled siblings (broker.log.1, ...), has the marker.

    kafka.sh removes rolled files of earlier runs on start, so any hit is this run's.
    """
    candidates = [path, *sorted(path.parent.glob(path.name + ".[0-9]*"))]
    for candidate in candidates:
        try:
            with candidate.open("r", errors="replace") as fh:
                if any(STARTED_MARKER in line for line in fh):
                    return True
        except (FileNotFoundError, IsADirectoryError):
            continue
    return False


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def tail(path: Path | None, n: int) -> str:
    if path is None:
        return ""
    try:
        with path.open("r", errors="replace") as fh:
            return "".join(deque(fh, maxlen=n))
    except FileNotFoundError:
        return f"(no log file at {path})\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bootstrap", required=True, help="host:port[,host:port...]")
    ap.add_argument("--timeout", type=float, default=90.0, help="seconds (default 90)")
    ap.add_argument("--log", type=Path, help="broker log to look for 'Kafka Server started'")
    ap.add_argument("--pid", type=int, help="broker pid: fail fast if it exits")
    ap.add_argument("--tail", type=int, default=40, help="log lines to show on failure")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    parse_bootstrap(args.bootstrap)  # validate early

    # aiokafka logs every refused connection at ERROR; the loop below reports instead.
    logging.basicConfig(level=logging.CRITICAL)
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL + 1)

    t0 = time.monotonic()
    deadline = t0 + args.timeout
    last_error = "broker log has no 'Kafka Server started' yet" if args.log else "not tried"

    def fail(reason: str) -> int:
        print(f"wait_ready: {args.bootstrap} NOT ready: {reason}", file=sys.stderr)
        if args.log is not None:
            print(f"--- last {args.tail} lines of {args.log} ---", file=sys.stderr)
            sys.stderr.write(tail(args.log, args.tail))
            print("--- end of log ---", file=sys.stderr)
        return 1

    while True:
        if args.pid is not None and not pid_alive(args.pid):
            return fail(f"broker process {args.pid} exited")
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return fail(f"timed out after {args.timeout:g}s; last error: {last_error}")
        if args.log is None or log_has_marker(args.log):
            try:
                info = round_trip(args.bootstrap, min(5.0, max(1.0, remaining)))
            except Exception as exc:  # any failure means "not yet"
                last_error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            else:
                if not args.quiet:
                    print(
                        f"wait_ready: {args.bootstrap} ready after "
                        f"{time.monotonic() - t0:.1f}s (cluster {info['cluster_id']}, "
                        f"{info['brokers']} broker(s), via {info['via']})",
                        file=sys.stderr,
                    )
                return 0
        time.sleep(min(0.5, max(0.0, deadline - time.monotonic())))


if __name__ == "__main__":
    sys.exit(main())
