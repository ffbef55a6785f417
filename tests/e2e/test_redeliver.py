"""Exhausted deliveries land on the deliveries DLQ with every attempt; `tocsin redeliver` replays
them once the endpoint works again, and a second replay sends nothing twice."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

import orjson

from streams.local import REPO_ROOT, WorkerProcess
from streams.produce import send_articles
from streams.receiver import Answer, Received, Receiver
from streams.settings import Settings
from streams.topics import ensure_topics
from tests.support import attack_articles, consume, new_secret


def redeliver(env: dict[str, str]) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "streams.cli", "redeliver"],
        cwd=REPO_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


async def test_exhausted_deliveries_are_dead_lettered_and_replayed_once(
    e2e_settings: Settings, start_worker: Callable[..., WorkerProcess], worker_env: dict[str, str]
) -> None:
    n = 3
    secret = new_secret()
    healthy = False

    def broken_until_fixed(_: int, __: Received) -> Answer:
        return Answer() if healthy else Answer(500, body="broken")

    await ensure_topics(e2e_settings)
    async with Receiver(secret, behaviour=broken_until_fixed) as receiver:
        worker = start_worker(
            [{"id": "sub_fixme", "url": receiver.url, "secret": secret}], TOCSIN_RETRY_SCHEDULE="0,0.5,0.5"
        )
        await worker.wait_ready()
        await send_articles(e2e_settings, attack_articles(n, "dlq"))
        dead = await consume(e2e_settings.bootstrap, e2e_settings.topics.deliveries_dlq, n, timeout_s=60)
        assert len(dead) == n
        entries = [orjson.loads(r.value) for r in dead]
        assert {e["final"] for e in entries} == {"exhausted"}
        assert all([a["status"] for a in e["task"]["attempts"]] == [500, 500, 500] for e in entries)
        assert not receiver.delivered

        healthy = True
        assert f"replayed {n} of {n}" in redeliver(worker_env)
        assert await receiver.wait_for(lambda _: len(receiver.delivered) >= n, timeout=30)
        replayed_ids = {r.headers["webhook-id"] for r in receiver.delivered}
        assert replayed_ids == {e["task"]["webhook_id"] for e in entries}  # the original idempotency keys

        redeliver(worker_env)  # a second replay: the worker knows these were delivered since
        assert not await receiver.wait_for(lambda _: len(receiver.delivered) > n, timeout=5)
