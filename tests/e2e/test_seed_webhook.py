"""`tocsin worker` as a subprocess + real broker + a real local receiver that verifies signatures."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from streams.demo import SAMPLES
from streams.local import WorkerProcess
from streams.produce import load_articles, send_articles
from streams.receiver import Receiver
from streams.settings import Settings
from streams.topics import ensure_topics
from tests.support import new_secret


async def test_seed_article_arrives_as_signed_webhooks(
    seed_path: Path, e2e_settings: Settings, start_worker: Callable[..., WorkerProcess]
) -> None:
    secret = new_secret()
    await ensure_topics(e2e_settings)
    async with Receiver(secret) as receiver:
        worker = start_worker([{"name": "it", "url": receiver.url, "secret": secret}])
        await worker.wait_ready()
        sports = load_articles([SAMPLES / "04_football_report.txt"])
        seed = load_articles([seed_path])
        await send_articles(e2e_settings, sports + seed)
        sent = time.time()

        def both_types(reqs: list) -> bool:
            return {r.json["data"]["event_type"] for r in reqs if r.verified} >= {
                "assassination_attempt",
                "protest_violence",
            }

        assert await receiver.wait_for(both_types, timeout=60), [r.body[:200] for r in receiver.requests]
        await asyncio.sleep(2)  # anything about the sports story would have arrived by now

    assert all(r.verified for r in receiver.requests)
    alerts = {r.json["data"]["event_type"]: r for r in receiver.requests}
    attempt = alerts["assassination_attempt"]
    assert attempt.json["type"] == "alert.created"
    assert attempt.json["data"]["severity"]["level"] == "critical"
    assert attempt.json["data"]["article"]["id"] == seed[0].article_id
    assert attempt.headers["webhook-id"].startswith("msg_")
    assert attempt.at - sent < 30
    assert not [r for r in receiver.requests if r.json["data"]["article"]["id"] == sports[0].article_id]
