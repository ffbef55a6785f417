"""`tocsin ingest` against a real local site (streams/feed_server.py) and the real broker."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from agents.core.detector import detect
from agents.core.models import Level
from streams.feed_server import FeedServer, Route, Story, atom, rss, story_from_text
from streams.ingest import Ingester
from streams.ingest_settings import IngestSettings
from streams.ingest_sources import FeedSource
from streams.settings import Settings
from streams.topics import partitions_of

pytestmark = pytest.mark.broker


async def read_to_end(bootstrap: str, topic: str) -> list:  # type: ignore[type-arg]
    """Every record on `topic` now: the ingester awaited each send, so nothing is still on its way."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    await consumer.start()
    try:
        tps = [TopicPartition(topic, p) for p in await partitions_of(bootstrap, topic)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        end = await consumer.end_offsets(tps)
        out = []
        while [tp for tp in tps if await consumer.position(tp) < end[tp]]:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                out.extend(records)
        return out
    finally:
        await consumer.stop()


FAST = IngestSettings(
    allow_private="loopback", page_timeout_s=1.0, feed_timeout_s=5.0, max_page_bytes=256 * 1024
)

BOILERPLATE = Story(
    "clash",
    "Police and traders clash at the central market",
    [
        "Riot police fired tear gas at hundreds of traders who marched on the market authority on Monday.",
        "Witnesses said at least four people were hurt when officers charged the crowd near the bus station.",
        "The traders were protesting a new levy on stalls that they say doubles their monthly costs.",
    ],
    summary="Riot police fired tear gas at traders marching on the market authority.",
)
REDIRECTED = Story(
    "moved",
    "Town council adopts a new recycling plan",
    [
        "The town council voted on Tuesday to collect glass and paper every week from next spring.",
        "Councillors said the plan would cut the cost of landfill by a third within two years.",
        "Residents will receive new bins in the post during the winter months, the council said.",
    ],
)
ATOM_ONLY = Story(
    "bridge",
    "New footbridge opens across the river",
    [
        "A new footbridge linking the two halves of the old town opened to walkers and cyclists on Friday.",
        "The bridge took eighteen months to build and was paid for by a regional development fund.",
        "Shops on both banks said they expected more visitors at the weekend markets this summer.",
    ],
)


def _feed_item(path: str, title: str, summary: str = "") -> Story:
    return Story(path, title, [], summary=summary)


def dated(story: Story, when: datetime) -> Story:
    return Story(story.slug, story.title, story.paragraphs, story.summary, when)


def build_site(server: FeedServer, now: datetime) -> dict[str, str]:
    """Every case the ingester meets on the web, on one local site."""
    clash = server.add_story(BOILERPLATE)
    server.add_story(REDIRECTED)
    server.add("/go/moved", Route(status=302, headers={"Location": "/news/moved"}))
    slow = server.add_story(
        Story("slow", "Slow page", ["x" * 300]), delay_s=3.0
    )  # longer than the 1 s page cap
    huge = server.add("/news/huge", Route(body=b"<html><body>" + b"<p>filler</p>" * 200_000, chunked=True))
    pdf = server.add("/files/report.pdf", Route(body=b"%PDF-1.7 not a page", content_type="application/pdf"))
    server.add_story(ATOM_ONLY)
    items = [
        (clash, BOILERPLATE),
        (server.url("/go/moved"), REDIRECTED),
        (
            slow,
            _feed_item("slow", "Slow page", "Fire crews were called to a warehouse blaze on the ring road."),
        ),
        (huge, _feed_item("huge", "Huge page", "Read more")),
        (pdf, _feed_item("pdf", "Annual report")),
        (clash + "?utm_source=rss&utm_medium=feed", BOILERPLATE),  # the first story again, by a tracking link
    ]
    site = server.base + "/"
    published = [(link, dated(s, now)) for link, s in items]
    return {
        "rss": server.add(
            "/rss.xml",
            Route(body=rss(site, published), content_type="application/rss+xml", etag='"rss-v1"'),
        ),
        "atom": server.add(
            "/atom.xml",
            Route(
                body=atom(site, [published[0], (server.url("/news/bridge"), dated(ATOM_ONLY, now))]),
                content_type="application/atom+xml",
                last_modified="Mon, 30 Nov 2026 10:00:00 GMT",
            ),
        ),
        "throttled": server.add("/busy.xml", Route(status=429, headers={"Retry-After": "120"})),
    }


async def test_feeds_become_clean_articles_once_and_the_rest_is_dead_lettered(settings: Settings) -> None:
    now = datetime.now(UTC)
    async with FeedServer() as server:
        feeds = build_site(server, now)
        sources = [FeedSource(url, 300) for url in feeds.values()]
        async with Ingester(settings, FAST, sources, jitter=lambda: 0.0) as ingester:
            first = await ingester.run_once()
            again = await ingester.run_once()
        # A restart (no memory of validators) and a second ingester both start from the seen topic.
        async with Ingester(settings, FAST, sources[:1]) as restarted:
            third = await restarted.run_once()

        # The boilerplate story is in both feeds (and in RSS again by a tracking link): whichever feed
        # reaches it first publishes it, the other two links are seen.
        both = first[feeds["rss"]].outcomes + first[feeds["atom"]].outcomes
        assert dict(both) == {
            "published": 3,
            "published from summary": 1,
            "dead-lettered (too_large)": 1,
            "dead-lettered (not_html)": 1,
            "seen": 2,
        }, (first[feeds["rss"]].line("rss"), first[feeds["atom"]].line("atom"))
        assert first[feeds["throttled"]].result.startswith("HTTP 429 (throttled")
        assert ingester.states[feeds["throttled"]].next_at is not None
        assert ingester.states[feeds["throttled"]].next_at - now >= timedelta(seconds=120)

        # Conditional GET: the second poll sent the validators and got 304s.
        assert again[feeds["rss"]].result == "HTTP 304" and again[feeds["atom"]].result == "HTTP 304"
        rss_hits = server.hits_of("/rss.xml")
        assert rss_hits[1].headers.get("If-None-Match") == '"rss-v1"'
        assert (
            server.hits_of("/atom.xml")[1].headers.get("If-Modified-Since") == "Mon, 30 Nov 2026 10:00:00 GMT"
        )
        assert third[feeds["rss"]].result == "HTTP 200" and dict(third[feeds["rss"]].outcomes) == {"seen": 6}

    articles = await read_to_end(settings.bootstrap, settings.topics.articles)
    by_title = {a["title"]: a for a in (orjson.loads(r.value) for r in articles)}
    assert len(articles) == 4 and set(by_title) == {
        BOILERPLATE.title,
        REDIRECTED.title,
        "Slow page",
        ATOM_ONLY.title,
    }
    clash = by_title[BOILERPLATE.title]
    assert clash["text"] == "\n".join(BOILERPLATE.paragraphs)  # nothing of the site's furniture
    assert "Most read" in clash["html"] and clash["source"] == "127.0.0.1"
    assert clash["published_at"].startswith(now.strftime("%Y-%m-%dT%H:%M"))
    assert by_title[REDIRECTED.title]["text"].startswith("The town council voted")  # after the 302
    assert by_title["Slow page"]["text"].startswith("Fire crews")  # the page timed out: the feed's summary

    dlq = await read_to_end(settings.bootstrap, settings.topics.articles_dlq)
    reasons = {dict(r.headers)["tocsin-dlq-reason"].decode(): orjson.loads(r.value) for r in dlq}
    assert set(reasons) == {"too_large", "not_html"}
    assert reasons["not_html"]["url"].endswith("/files/report.pdf")
    assert dict(dlq[0].headers)["tocsin-source-url"].decode().startswith(server.base)


async def test_private_addresses_are_refused_unless_allowed(settings: Settings) -> None:
    async with FeedServer() as server:
        feed = server.add("/rss.xml", Route(body=rss(server.base, []), content_type="application/rss+xml"))
        strict = IngestSettings(allow_private="")
        async with Ingester(settings, strict, [FeedSource(feed, 300)]) as ingester:
            counts = await ingester.run_once()
    assert counts[feed].result.startswith("failed (refused: 127.0.0.1: loopback address")
    assert server.hits == []  # refused before any request left


@pytest.mark.shared
async def test_seed_page_comes_out_clean_with_its_two_events(settings: Settings, seed_path: Path) -> None:
    # The seed is read by path and wrapped in a page at test time: its text is not copied here.
    story = story_from_text("seed", seed_path.read_text(encoding="utf-8"), datetime.now(UTC))
    async with FeedServer() as server:
        link = server.add_story(story)
        feed = server.add(
            "/rss.xml", Route(body=rss(server.base, [(link, story)]), content_type="application/rss+xml")
        )
        async with Ingester(settings, FAST, [FeedSource(feed, 300)]) as ingester:
            counts = await ingester.run_once()
    assert dict(counts[feed].outcomes) == {"published": 1}
    [record] = await read_to_end(settings.bootstrap, settings.topics.articles)
    article = orjson.loads(record.value)
    for furniture in (
        "Most read",
        "cookie",
        "newsletter",
        "Related stories",
        "All rights reserved",
        "Share this",
    ):
        assert furniture.lower() not in article["text"].lower()
    assert story.paragraphs[1] in article["text"]
    events = {e.type: e for e in detect(article["title"], article["text"])}
    assert set(events) == {"assassination_attempt", "protest_violence"}
    attempt, protest = events["assassination_attempt"], events["protest_violence"]
    assert (attempt.severity.level, attempt.casualties.injured) == (Level.CRITICAL, 7)
    assert (protest.severity.level, protest.casualties.killed, protest.casualties.injured) == (
        Level.HIGH,
        1,
        12,
    )


async def test_two_ingesters_polling_at_once_publish_each_item_once(settings: Settings) -> None:
    now = datetime.now(UTC)
    stories = [
        Story(f"s{i}", f"Story {i} about the harbour", [f"Paragraph {i}. " + "The ferry runs late. " * 12],
              published=now)
        for i in range(6)
    ]  # fmt: skip
    async with FeedServer() as server:
        items = [(server.add_story(s), s) for s in stories]
        feed = server.add("/rss.xml", Route(body=rss(server.base, items), content_type="application/rss+xml"))
        sources = [FeedSource(feed, 300)]
        async with Ingester(settings, FAST, sources) as one, Ingester(settings, FAST, sources) as two:
            a, b = await asyncio.gather(one.run_once(), two.run_once())
    published = a[feed].outcomes["published"] + b[feed].outcomes["published"]
    assert published == 6 and a[feed].outcomes["seen"] + b[feed].outcomes["seen"] == 6, (a[feed], b[feed])
    records = await read_to_end(settings.bootstrap, settings.topics.articles)
    assert sorted(orjson.loads(r.value)["title"] for r in records) == sorted(s.title for s in stories)
