"""`python -m bench.failover`: how long alerts stop when a worker dies, measured side by side.

A worker takes 100 articles/s (bench mix, 7 % alerting) for 30 s and is SIGKILLed at 10 s; its
replacement starts at once. Rows: the replacement with the same TOCSIN_WORKER_ID (Kafka static
membership: it takes the dead member's place, no rebalance) and without one (the dead member's
partitions wait for TOCSIN_SESSION_TIMEOUT_S). Figures: seconds from the SIGKILL to the next alert
the receiver accepted, and the share of the alerts on the alerts topic that reached the receiver.
Needs the local broker (`make bench` starts it) or TOCSIN_KAFKA_BOOTSTRAP.
"""

from __future__ import annotations

import asyncio
import secrets
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaProducer

from bench.corpus import generate
from bench.kafka_io import read_all
from streams.local import WorkerProcess, ensure_broker, free_port
from streams.receiver import Receiver
from streams.settings import Settings
from streams.topics import ensure_topics

RATE, SECONDS, KILL_AT = 100, 30, 10.0


def _secret() -> str:
    import base64

    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


async def _feed(bootstrap: str, topic: str, payloads: list[bytes]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=5)
    await producer.start()
    try:
        t0 = time.monotonic()
        for i, value in enumerate(payloads):
            await producer.send(topic, value, key=str(i).encode())
            delay = t0 + (i + 1) / RATE - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
        await producer.flush()
    finally:
        await producer.stop()


async def one_run(bootstrap: str, mode: str, tmp: Path) -> dict[str, Any]:
    tag = f"fo{secrets.token_hex(3)}"
    env = {
        "TOCSIN_KAFKA_BOOTSTRAP": bootstrap,
        "TOCSIN_APP_ID": f"bench-{tag}",
        "TOCSIN_TOPIC_PREFIX": f"bench-{tag}.",
        "TOCSIN_PARTITIONS": "4",
        "TOCSIN_ALLOW_PRIVATE_TARGETS": "127.0.0.0/8",
        "TOCSIN_WEB_PORT": str(free_port()),
        "TOCSIN_DATA_DIR": str(tmp / tag),
        "TOCSIN_RETRY_SCHEDULE": "0,1,1,2",
        "TOCSIN_STORY_GROUP_WAIT_S": "0",  # time to the next alert, without group_wait's wait
    }
    if mode == "static":
        env["TOCSIN_WORKER_ID"] = "bench-worker-0"
    settings = Settings.from_env(env)
    await ensure_topics(settings)
    payloads = [a.payload for a in generate(RATE * SECONDS, seed=7, prefix=tag)]
    secret = _secret()
    async with Receiver(secret) as receiver:
        subs = tmp / f"{tag}-subs.json"
        subs.write_text(orjson.dumps([{"id": "sub_fo", "url": receiver.url, "secret": secret}]).decode())
        env["TOCSIN_SUBSCRIPTIONS_FILE"] = str(subs)
        worker = WorkerProcess(env, tmp / f"{tag}-0.log")
        worker.start()
        await worker.wait_ready()
        feed = asyncio.ensure_future(_feed(bootstrap, settings.topics.articles, payloads))
        await asyncio.sleep(KILL_AT)
        worker.kill()
        killed = time.time()
        replacement = WorkerProcess(env, tmp / f"{tag}-1.log")
        replacement.start()
        await replacement.wait_ready()
        ready_s = time.time() - killed
        await feed
        alerts = await read_all(bootstrap, settings.topics.alerts, expect=10**6, timeout_s=5)
        ids = {orjson.loads(r.value)["id"] for r in alerts}

        def delivered() -> set[str]:
            return {r.json["data"]["id"] for r in receiver.delivered}

        await receiver.wait_for(lambda _: delivered() >= ids, timeout=60)
        after = [r.at for r in receiver.delivered if r.at > killed]
        replacement.stop()
        share = len(delivered() & ids) / len(ids) if ids else 0.0
    return {
        "mode": mode,
        "alerts": len(ids),
        "replacement_ready_s": round(ready_s, 1),
        "failover_s": round(min(after) - killed, 1) if after else None,
        "delivered_share": round(share, 3),
    }


async def run() -> list[dict[str, Any]]:
    bootstrap = ensure_broker()
    with tempfile.TemporaryDirectory() as tmp:
        return [await one_run(bootstrap, mode, Path(tmp)) for mode in ("static", "dynamic")]


def main() -> int:
    rows = asyncio.run(run())
    print(
        "| failover (SIGKILL at 10 s of 30 s at 100 articles/s) | alerts | replacement ready (s) "
        "| kill -> next alert delivered (s) | alerts delivered |"
    )
    print("| --- | --- | --- | --- | --- |")
    for r in rows:
        label = (
            "same TOCSIN_WORKER_ID (static membership)" if r["mode"] == "static" else "new member (dynamic)"
        )
        print(
            f"| {label} | {r['alerts']} | {r['replacement_ready_s']} | {r['failover_s']} "
            f"| {r['delivered_share']:.1%} |"
        )
    s, d = rows
    if s["failover_s"] and d["failover_s"]:
        print(
            f"\nfailover, dynamic / static: {d['failover_s'] / s['failover_s']:.2f}x (measured in this run)"
        )
    return 0 if all(r["delivered_share"] == 1.0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
