"""Throughput phases that run in a fresh child process each (`python -m bench.phases ...`), so no
phase shares an event loop or a warm cache with another. Each prints one JSON line on stdout.

Every phase times from the first record's arrival to the last record's processing (producer
flushed where it produces), over the same pre-filled topic:

- `raw`: a plain aiokafka consumer, JSON-decoding every value (the ceiling);
- `raw_forward`: the same, plus a plain aiokafka producer forwarding every value (the reference
  for the pass-through, which also produces);
- `passthrough`: an agent in Tocsin's own Faust app (same `faust.App` settings as the worker) that
  decodes every value and forwards it to another topic (`--no-forward`: decodes only).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson


async def passthrough(
    bootstrap: str,
    src: str,
    dst: str,
    n: int,
    partitions: int,
    timeout_s: float,
    batch: int,
    conf: dict[str, Any] | None = None,
    forward: bool = True,
    send: str = "await",
) -> dict[str, Any]:
    from faust.contrib.asgi import faust_app_running

    from streams.app import create_app
    from streams.settings import Settings
    from streams.topics import ensure_topics

    run = f"{os.getpid()}-{int(time.time())}"
    settings = Settings(
        bootstrap=bootstrap,
        app_id=f"bench-pt-{run}",
        topic_prefix=f"bench-pt-{run}.",
        partitions=partitions,
        web_enabled=False,
        data_dir=Path(tempfile.mkdtemp(prefix="tocsin-bench-pt-")),
        story_group_wait_s=0,  # the stages' own cost, without group_wait's deliberate wait
    )
    await ensure_topics(settings)  # the app's own (idle) agents subscribe to these
    rt = create_app(settings, with_delivery=False)
    app = rt.app
    for key, value in (conf or {}).items():  # experiments: override the app's Faust settings
        setattr(app.conf, key, value)
    kw: dict[str, Any] = {
        "key_type": bytes,
        "value_type": bytes,
        "key_serializer": "raw",
        "value_serializer": "raw",
        "partitions": partitions,
        "internal": False,
    }
    source, sink = app.topic(src, **kw), app.topic(dst, **kw)
    state = {"count": 0, "bytes": 0, "t_first": 0.0, "t_last": 0.0}
    done = asyncio.Event()

    async def emit(key: Any, value: Any) -> None:
        if not forward:
            return
        if send == "soon":
            sink.send_soon(key=key, value=value)
        else:
            await sink.send(key=key, value=value)

    async def finish() -> None:
        if forward:
            await app.producer.flush()
        state["t_last"] = time.perf_counter()
        done.set()

    if batch <= 1:

        @app.agent(source, name="bench_passthrough")
        async def forward_each(stream: Any) -> None:
            async for key, value in stream.items():
                if not state["t_first"]:
                    state["t_first"] = time.perf_counter()
                orjson.loads(value)
                await emit(key, value)
                state["count"] += 1
                state["bytes"] += len(value)
                if state["count"] == n:
                    await finish()
    else:

        @app.agent(source, name="bench_passthrough")
        async def forward_batched(stream: Any) -> None:
            async for events in stream.take_events(batch, within=0.05):
                if not state["t_first"]:
                    state["t_first"] = time.perf_counter()
                for event in events:
                    orjson.loads(event.value)
                    await emit(event.key, event.value)
                    state["bytes"] += len(event.value)
                state["count"] += len(events)
                if state["count"] >= n and not done.is_set():
                    await finish()

    async with faust_app_running(app):
        try:
            await asyncio.wait_for(done.wait(), timeout_s)
        except TimeoutError:
            state["t_last"] = time.perf_counter()
    return _result(int(state["count"]), n, state["t_first"], state["t_last"], int(state["bytes"]))


async def raw(bootstrap: str, src: str, n: int, timeout_s: float, dst: str | None = None) -> dict[str, Any]:
    """A plain aiokafka consumer decoding every value; with `dst`, the pass-through's work without
    Faust: a plain producer (same linger and batch size as the app's) forwards each value, and the
    clock stops at the producer's flush."""
    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

    c = AIOKafkaConsumer(
        src,
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    p = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=2, max_batch_size=512 * 1024) if dst else None
    await c.start()
    if p is not None:
        await p.start()
    count, nbytes, t_first = 0, 0, 0.0
    deadline = time.monotonic() + timeout_s
    try:
        while count < n and time.monotonic() < deadline:
            batch = await c.getmany(timeout_ms=500)
            for records in batch.values():
                if not t_first:
                    t_first = time.perf_counter()
                for r in records:
                    orjson.loads(r.value)
                    if p is not None:
                        await p.send(dst, r.value, key=r.key)
                    nbytes += len(r.value)
                    count += 1
        if p is not None:
            await p.flush()
        t_last = time.perf_counter()
    finally:
        await c.stop()
        if p is not None:
            await p.stop()
    return _result(count, n, t_first, t_last, nbytes)


def _result(count: int, n: int, t_first: float, t_last: float, nbytes: int) -> dict[str, Any]:
    seconds = max(t_last - t_first, 1e-9) if t_first else 0.0
    return {
        "records": count,
        "expected": n,
        "complete": count >= n,
        "seconds": round(seconds, 3),
        "rate": round(count / seconds, 1) if seconds else 0.0,
        "mb_per_s": round(nbytes / seconds / 1e6, 2) if seconds else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.phases")
    p.add_argument("phase", choices=["raw", "raw_forward", "passthrough"])
    p.add_argument("--bootstrap", required=True)
    p.add_argument("--topic", required=True)
    p.add_argument("--out-topic", default="")
    p.add_argument("-n", type=int, required=True)
    p.add_argument("--partitions", type=int, default=4)
    p.add_argument("--timeout", type=float, default=120.0)
    p.add_argument("--batch", type=int, default=1, help="pass-through: stream.take_events batch size")
    p.add_argument("--conf", default="", help="pass-through: JSON object of faust.App setting overrides")
    p.add_argument("--no-forward", action="store_true", help="pass-through: decode only, send nothing")
    p.add_argument(
        "--send", choices=["await", "soon"], default="await", help="pass-through: send or send_soon"
    )
    p.add_argument("--loop", choices=["asyncio", "uvloop"], default="uvloop")
    a = p.parse_args(argv)
    if a.loop == "uvloop":
        import uvloop

        uvloop.install()
    if a.phase in ("raw", "raw_forward"):
        dst = a.out_topic if a.phase == "raw_forward" else None
        result = asyncio.run(raw(a.bootstrap, a.topic, a.n, a.timeout, dst))
    else:
        result = asyncio.run(
            passthrough(
                a.bootstrap,
                a.topic,
                a.out_topic,
                a.n,
                a.partitions,
                a.timeout,
                a.batch,
                json.loads(a.conf) if a.conf else None,
                forward=not a.no_forward,
                send=a.send,
            )
        )
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
