"""A feed item becomes a signed alert: local site -> `tocsin ingest --once` -> broker -> worker ->
webhook receiver, every part real."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime

from streams.feed_server import FeedServer, Route, Story, rss
from streams.local import REPO_ROOT, WorkerProcess
from streams.receiver import Receiver
from streams.settings import Settings
from streams.topics import ensure_topics
from tests.support import new_secret

ATTACK = Story(
    "convoy",
    "Gunmen ambush convoy of Governor Ibrahim Zangoro near Kano",
    [
        "Gunmen opened fire on the convoy of State Governor Ibrahim Zangoro on Thursday evening as he "
        "returned from a rally near Kano, Nigeria, police said.",
        "The governor escaped unhurt, but three of his police escorts were wounded and taken to hospital.",
        '"This was an attempt on the life of the governor," a police spokesman told reporters.',
    ],
    summary="Gunmen fired on the governor's convoy near Kano; three escorts were wounded.",
)
QUIET = Story(
    "library",
    "Council approves funds for the new library",
    [
        "The city council voted on Monday to fund the new public library, which opens next spring.",
        "It will have a reading room, a children's wing and a small theatre for local groups.",
        "The mayor thanked residents for the hundreds of comments sent during the consultation.",
    ],
)


async def test_a_feed_item_arrives_as_a_signed_alert(
    e2e_settings: Settings, worker_env: dict[str, str], start_worker: Callable[..., WorkerProcess]
) -> None:
    secret = new_secret()
    await ensure_topics(e2e_settings)
    now = datetime.now(UTC)
    async with FeedServer() as site, Receiver(secret) as receiver:
        items = [
            (site.add_story(s), Story(s.slug, s.title, s.paragraphs, s.summary, now)) for s in (ATTACK, QUIET)
        ]
        feed = site.add(
            "/rss.xml", Route(body=rss(site.base + "/", items), content_type="application/rss+xml")
        )
        worker = start_worker([{"name": "it", "url": receiver.url, "secret": secret}])
        await worker.wait_ready()

        env = {**os.environ, **worker_env, "TOCSIN_INGEST_ALLOW_PRIVATE": "loopback"}
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "streams.cli", "ingest", "--once", feed,
            cwd=REPO_ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        out = (await asyncio.wait_for(proc.communicate(), 120))[0].decode()
        assert proc.returncode == 0, out
        assert f"{feed}: HTTP 200, 2 item(s): 2 published" in out, out

        def attack_alert(reqs: list) -> bool:  # type: ignore[type-arg]
            return any(r.verified and r.json["data"]["event_type"] == "assassination_attempt" for r in reqs)

        assert await receiver.wait_for(attack_alert, timeout=60), [r.body[:200] for r in receiver.requests]
        await asyncio.sleep(1.0)  # an alert about the library would have come by now

    [alert] = [r.json["data"] for r in receiver.requests]
    assert alert["article"]["url"] == items[0][0]
    assert alert["article"]["source"] == "127.0.0.1"  # the feed's site
    assert alert["article"]["title"] == ATTACK.title
    assert alert["casualties"]["injured"] == 3
    assert "Zangoro" in alert["entities"]["target"]["name"]
