"""`tocsin ingest` as a service (a subprocess on the real broker): each feed polled at its own
interval with conditional GETs, progress on `/metrics`, and a clean stop on SIGINT."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

import httpx

from streams.feed_server import FeedServer, Route, Story, rss
from streams.local import REPO_ROOT, free_port
from streams.settings import Settings
from tests.support import metric

STORY = Story(
    "harbour",
    "Harbour ferry timetable changes next month",
    [
        "The harbour ferry will run every twenty minutes on weekdays from the first of next month.",
        "Operators said the new timetable follows a survey of passengers who asked for later sailings.",
        "Weekend services stay as they are, with the last boat leaving the pier at eleven at night.",
    ],
)


async def samples(port: int) -> dict[str, float]:
    async with httpx.AsyncClient() as client:
        text = (await client.get(f"http://127.0.0.1:{port}/metrics", timeout=5)).text
    return {
        k: float(v) for k, _, v in (line.rpartition(" ") for line in text.splitlines() if line[:1] != "#")
    }


async def test_ingest_service_polls_each_feed_at_its_interval_and_serves_metrics(
    e2e_settings: Settings, worker_env: dict[str, str], tmp_path: Path
) -> None:
    async with FeedServer() as site:
        story = Story(STORY.slug, STORY.title, STORY.paragraphs, published=datetime.now(UTC))
        fast = site.add(
            "/fast.xml",
            Route(
                body=rss(site.base, [(site.add_story(story), story)]),
                etag='"f1"',
                content_type="application/rss+xml",
            ),
        )
        slow = site.add(
            "/slow.xml", Route(body=rss(site.base, []), etag='"s1"', content_type="application/rss+xml")
        )
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(f"{fast} 1\n{slow} 3600\n")
        port = free_port()
        env = {
            **os.environ,
            **worker_env,
            "TOCSIN_INGEST_ALLOW_PRIVATE": "loopback",
            "TOCSIN_INGEST_METRICS_PORT": str(port),
        }
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "streams.cli", "ingest", str(feeds),
            cwd=REPO_ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        try:
            assert await site.wait_for(lambda hits: len([h for h in hits if h.path == "/fast.xml"]) >= 3, 60)
            got = await samples(port)
        finally:
            proc.send_signal(signal.SIGINT)
            out = (await asyncio.wait_for(proc.communicate(), 30))[0].decode()
    assert proc.returncode == 130, out
    assert len(site.hits_of("/slow.xml")) == 1  # its own interval: an hour
    assert all(h.headers.get("If-None-Match") == '"f1"' for h in site.hits_of("/fast.xml")[1:])
    assert metric(got, "tocsin_ingest_items_total", result="published") == 1
    assert metric(got, "tocsin_ingest_polls_total", feed=fast, result="not_modified") >= 1
    assert f"{fast}: HTTP 200, 1 item(s): 1 published" in out
    assert f"{fast}: HTTP 304, 0 item(s)" in out
