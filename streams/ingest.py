"""`tocsin ingest`: RSS/Atom/JSON feeds -> pages -> articles on `tocsin.articles.v1`.

Per feed: a conditional GET (ETag / Last-Modified) when it is due (its interval, or the backoff
and Retry-After that `agents.core.ingest.polling` decides). Per new item: the page is fetched
(SSRF-checked, capped in size and time), its main text extracted (trafilatura, else the feed's
summary), and the article published once: its canonical URL, final URL and content key go to the
compacted seen topic right after. What cannot be read goes to the articles DLQ with a reason.
"""

from __future__ import annotations

import asyncio
import logging
import random
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
import orjson
from aiokafka import AIOKafkaProducer
from prometheus_client import CollectorRegistry
from prometheus_client import Counter as PromCounter

from agents.core.delivery.targets import parse_allowed
from agents.core.ingest.dedup import Seen, content_key, decide, seen_before
from agents.core.ingest.extract import (
    PageText,
    TextFrom,
    build_article,
    choose_text,
    extract_page,
)
from agents.core.ingest.feeds import FeedError, FeedItem, ParsedFeed, parse_feed
from agents.core.ingest.polling import FeedState, PollPolicy, PollResult, after_poll, classify_status
from agents.core.ingest.urls import url_key
from agents.core.models import Article
from streams.ingest_fetch import Fetcher, FetchFailed
from streams.ingest_seen import SeenStore, ensure_seen_topic, seen_topic
from streams.ingest_settings import IngestSettings
from streams.ingest_sources import FeedSource
from streams.settings import Settings
from streams.topics import ensure_topics

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def utcnow() -> datetime:
    return datetime.now(UTC)


class IngestMetrics:
    def __init__(self) -> None:
        r = self.registry = CollectorRegistry()
        self.polls = PromCounter("tocsin_ingest_polls_total", "Feed polls", ["feed", "result"], registry=r)
        self.items = PromCounter(
            "tocsin_ingest_items_total", "Feed items by what became of them", ["result"], registry=r
        )
        self.dlq = PromCounter(
            "tocsin_ingest_dlq_total", "Items sent to the articles DLQ", ["reason"], registry=r
        )
        self.text_from = PromCounter(
            "tocsin_ingest_text_total",
            "Published articles by where their text came from",
            ["source"],
            registry=r,
        )


@dataclass
class FeedCounts:
    result: str = ""
    items: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    def line(self, url: str) -> str:
        parts = [f"{n} {k}" for k, n in sorted(self.outcomes.items())]
        return f"{url}: {self.result}, {self.items} item(s)" + (": " + ", ".join(parts) if parts else "")


class Ingester:
    def __init__(
        self,
        settings: Settings,
        ingest: IngestSettings,
        sources: list[FeedSource],
        *,
        now: Callable[[], datetime] = utcnow,
        jitter: Callable[[], float] = lambda: random.uniform(-1.0, 1.0),
    ) -> None:
        self.settings, self.ingest, self.sources = settings, ingest, sources
        self.now, self.jitter = now, jitter
        self.metrics = IngestMetrics()
        self.states: dict[str, FeedState] = {s.url: FeedState() for s in sources}
        self.policy = PollPolicy(
            max_backoff_s=ingest.max_backoff_s, max_retry_after_s=ingest.max_retry_after_s
        )
        self._allowed = parse_allowed(ingest.allow_private)
        self._pages = asyncio.Semaphore(ingest.concurrency)
        self._in_flight: set[str] = set()  # URL keys being fetched now (two links may name one page)
        # decide -> publish -> mark, one item at a time: two pages with one text fetched at once
        # must not both pass the content check before either is marked.
        self._publishing = asyncio.Lock()
        self.owner = uuid.uuid4().hex[:12]  # this ingester's name in its claims

    async def __aenter__(self) -> Ingester:
        await ensure_topics(self.settings)
        await ensure_seen_topic(self.settings)
        self.producer = AIOKafkaProducer(bootstrap_servers=self.settings.bootstrap, acks="all", linger_ms=5)
        await self.producer.start()
        self.client = httpx.AsyncClient(http2=False, trust_env=False)
        self.fetcher = Fetcher(
            self.client,
            allowed_networks=self._allowed,
            user_agent=self.ingest.user_agent,
            max_redirects=self.ingest.max_redirects,
        )
        self.seen = SeenStore(self.settings.bootstrap, seen_topic(self.settings), self.producer)
        self._seen_task = asyncio.create_task(self.seen.run())
        ready = asyncio.create_task(self.seen.ready.wait())
        await asyncio.wait({ready, self._seen_task}, return_when=asyncio.FIRST_COMPLETED)
        if not self.seen.ready.is_set():
            ready.cancel()
            await self._seen_task  # raises what stopped it
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._seen_task.cancel()
        await asyncio.gather(self._seen_task, return_exceptions=True)
        await self.client.aclose()
        await self.producer.stop()

    # --- feeds ---------------------------------------------------------------------------------

    async def poll(self, source: FeedSource) -> FeedCounts:
        state, counts = self.states[source.url], FeedCounts()
        headers = {"Accept": "application/rss+xml, application/atom+xml, application/feed+json, */*;q=0.5"}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        retry_after = etag = modified = None
        feed: ParsedFeed | None = None
        try:
            got = await self.fetcher.get(
                source.url,
                max_bytes=self.ingest.max_feed_bytes,
                timeout_s=self.ingest.feed_timeout_s,
                headers=headers,
            )
            result = classify_status(got.status)
            retry_after = got.headers.get("retry-after")
            etag, modified = got.headers.get("etag"), got.headers.get("last-modified")
            counts.result = f"HTTP {got.status}"
            if result is PollResult.OK:
                feed = parse_feed(got.body, feed_url=got.url, content_type=got.content_type)
        except FetchFailed as exc:
            result, counts.result = PollResult.FAILED, f"failed ({exc.reason}: {exc.detail})"
        except FeedError as exc:
            result, counts.result = PollResult.FAILED, f"failed (not a feed: {exc})"
        except Exception as exc:  # a parser bug on one feed must not stop the others
            log.exception("ingest: reading %s failed", source.url)
            result, counts.result = PollResult.FAILED, f"failed ({type(exc).__name__}: {exc})"
        self.states[source.url] = after_poll(
            state,
            result,
            now=self.now(),
            interval_s=source.interval_s,
            jitter=self.jitter(),
            etag=etag,
            last_modified=modified,
            retry_after=retry_after,
            policy=self.policy,
        )
        self.metrics.polls.labels(source.url, result.value).inc()
        if result is PollResult.THROTTLED:
            counts.result += f" (throttled; next poll at {self.states[source.url].next_at:%H:%M:%S})"
        if feed is not None:
            counts.items = len(feed.items)
            # Started oldest first; each is published as soon as its page is read.
            outcomes = await asyncio.gather(*(self.item(feed, i) for i in reversed(feed.items)))
            counts.outcomes.update(outcomes)
        return counts

    # --- items ---------------------------------------------------------------------------------

    async def item(self, feed: ParsedFeed, item: FeedItem) -> str:
        keys = [url_key(item.url)]
        if seen_before(keys, self.seen.keys) is not Seen.NEW or keys[0] in self._in_flight:
            return self._count("seen")
        self._in_flight.add(keys[0])
        try:
            if not await self.seen.claim(keys[0], self.owner, self.now()):
                return self._count("seen")  # another ingester is reading it, or already did
            async with self._pages:
                return await self._read_and_publish(feed, item, keys)
        except Exception as exc:  # one bad item must not stop the feed or the service
            log.exception("ingest: %s failed", item.url)
            return await self._dead_letter(feed, item, "ingest_error", f"{type(exc).__name__}: {exc}", keys)
        finally:
            self._in_flight.discard(keys[0])

    async def _read_and_publish(self, feed: ParsedFeed, item: FeedItem, keys: list[str]) -> str:
        got = await self._page(item.url)
        if got.final_url:
            keys = list(dict.fromkeys([*keys, url_key(got.final_url)]))
        chosen = choose_text(got.page, item)
        if chosen is None:
            reason, detail = got.failure or ("no_text", "neither the page nor the feed's summary has text")
            return await self._dead_letter(feed, item, reason, detail, keys)
        article = build_article(item, chosen, got.page, site=feed.site, html=got.html)
        text_key = content_key(article.title, article.text)
        async with self._publishing:
            verdict = decide(keys, text_key, self.seen.keys)
            if verdict is not Seen.NEW:
                await self.seen.mark(keys, {"url": item.url, "as": verdict.value})
                return self._count("seen")
            await self.producer.send_and_wait(
                self.settings.topics.articles, key=article.article_id.encode(), value=self._encode(article)
            )
            await self.seen.mark([*keys, text_key], {"url": item.url, "article_id": article.article_id})
        self.metrics.text_from.labels(chosen.source.value).inc()
        if got.failure:
            log.info("ingest: %s published from the feed's summary (%s: %s)", item.url, *got.failure)
        return self._count("published" if chosen.source is TextFrom.PAGE else "published from summary")

    async def _page(self, url: str) -> PageFetch:
        try:
            got = await self.fetcher.get(
                url, max_bytes=self.ingest.max_page_bytes, timeout_s=self.ingest.page_timeout_s
            )
        except FetchFailed as exc:
            return PageFetch(failure=(exc.reason, exc.detail))
        if got.status != 200:
            return PageFetch(final_url=got.url, failure=("http_status", f"page answered HTTP {got.status}"))
        if not _looks_like_html(got.content_type, got.body):
            kind = got.content_type or "no content type"
            return PageFetch(final_url=got.url, failure=("not_html", f"page is {kind}, not HTML"))
        html = got.body.decode(_charset(got.headers.get("content-type", "")), errors="replace")
        # trafilatura is CPU-bound (tens of ms on a big page): off the event loop.
        page = await asyncio.to_thread(extract_page, html, url=got.url, now=self.now())
        failure = None if page else ("no_text", "no main text found in the page")
        return PageFetch(page=page, html=html, final_url=got.url, failure=failure)

    def _encode(self, article: Article) -> bytes:
        value = article.model_dump_json(exclude_none=True).encode()
        if len(value) > self.settings.max_article_bytes and article.html is not None:
            # The worker would dead-letter it as oversize: the text matters, the raw page does not.
            value = article.model_copy(update={"html": None}).model_dump_json(exclude_none=True).encode()
        return value

    async def _dead_letter(
        self, feed: ParsedFeed, item: FeedItem, reason: str, detail: str, keys: list[str]
    ) -> str:
        value = {
            "url": item.url,
            "title": item.title,
            "summary": item.summary,
            "published_at": item.published_at.isoformat() if item.published_at else None,
            "source": feed.site,
        }
        headers = [
            ("tocsin-dlq-reason", reason.encode()),
            ("tocsin-dlq-detail", detail[:1000].encode()),
            ("tocsin-source", b"ingest"),
            ("tocsin-source-url", item.url.encode()),
        ]
        await self.producer.send_and_wait(
            self.settings.topics.articles_dlq,
            key=url_key(item.url).encode(),
            value=orjson.dumps(value),
            headers=headers,
        )
        # Dead-lettered once, not at every poll: a replay from the DLQ is the way back.
        await self.seen.mark(keys, {"url": item.url, "dlq": reason})
        self.metrics.dlq.labels(reason).inc()
        return self._count(f"dead-lettered ({reason})")

    def _count(self, outcome: str) -> str:
        self.metrics.items.labels(outcome.split(" (")[0]).inc()
        return outcome

    # --- running -------------------------------------------------------------------------------

    async def run_once(self) -> dict[str, FeedCounts]:
        counts = await asyncio.gather(*(self.poll(s) for s in self.sources))
        return {s.url: c for s, c in zip(self.sources, counts, strict=True)}

    async def run_forever(self, on_poll: Callable[[str, FeedCounts], None] | None = None) -> None:
        running: dict[str, asyncio.Task[FeedCounts]] = {}
        while True:
            now = self.now()
            for source in self.sources:
                if source.url not in running and self.states[source.url].due(now):
                    running[source.url] = asyncio.create_task(self.poll(source))
            for url, task in list(running.items()):
                if task.done():
                    del running[url]
                    if task.cancelled():
                        continue
                    if (exc := task.exception()) is not None:
                        log.error("ingest: polling %s failed: %r (next try at its next poll)", url, exc)
                    elif on_poll is not None:
                        on_poll(url, task.result())
            await asyncio.sleep(0.5)


@dataclass(frozen=True, slots=True)
class PageFetch:
    page: PageText | None = None
    html: str | None = None
    final_url: str | None = None
    failure: tuple[str, str] | None = None


def _looks_like_html(content_type: str, body: bytes) -> bool:
    if content_type:
        return content_type in _HTML_TYPES
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            try:
                "".encode(value.strip('"'))
            except LookupError:
                break
            return value.strip('"')
    return "utf-8"
