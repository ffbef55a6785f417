"""Agent: articles in, detected events out (keyed by story), bad input to the DLQ.

The detector is CPU-bound (about a millisecond per 4 KB article). Run on the event loop it stalls
fetching, commits, story tracking and delivery in this worker, and it leaves the machine's other
cores idle. So the agent takes articles in small batches and detects them in a pool of spawned
processes (spawned, not forked: the worker already runs Faust's consumer thread), one chunk per
process, and publishes in input order once the batch is done. One batch at a time: Faust acks a
batch only when the agent asks for the next one, so at-least-once holds.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from typing import Any

from faust.types import EventT, StreamT

from agents.core.detector import detect
from agents.core.event_record import EventRecord
from agents.core.intake import Rejection, RejectReason, decode_article
from agents.core.models import Article, Event
from agents.core.recency import is_recent
from agents.core.stories import partition_key
from streams.ordered import batches_in_order
from streams.runtime import Runtime

log = logging.getLogger(__name__)

# Measured with `python -m bench.run` (docs/performance.md): a short window keeps latency low at
# a trickle, and at a burst batches amortise the hand-off to the pool.
BATCH_MAX = 64
BATCH_WITHIN_S = 0.005


def dlq_headers(rejection: Rejection, message: Any) -> list[tuple[str, bytes]]:
    """Why and where from: enough to find, fix and replay the original bytes."""
    original = [(k, v) for k, v in (message.headers or []) if not k.startswith("tocsin-")]
    return [
        ("tocsin-dlq-reason", rejection.reason.value.encode()),
        ("tocsin-dlq-detail", rejection.detail.encode()),
        ("tocsin-source-topic", message.topic.encode()),
        ("tocsin-source-partition", str(message.partition).encode()),
        ("tocsin-source-offset", str(message.offset).encode()),
        *original,
    ]


# title, text, and the publication time that resolves relative dates ("on Tuesday")
Doc = tuple[str | None, str, datetime | None]


def _detect_one(title: str | None, text: str, published: datetime | None = None) -> list[Event] | str:
    try:
        return detect(title, text, published)
    except Exception as exc:  # one article the detector chokes on must not take the batch with it
        return f"{type(exc).__name__}: {exc}"[:500]


def detect_many(docs: list[Doc]) -> list[list[Event] | str]:
    """Events per article, or the error text for an article the detector failed on."""
    return [_detect_one(*doc) for doc in docs]


def _warm_up() -> None:
    # The first detection loads the gazetteer; do it before the first article waits for it.
    detect("Warm-up", "Police fired tear gas at protesters in Nairobi, Kenya on Monday.")


def _nothing() -> None:
    pass


def default_processes() -> int:
    return max(1, min(4, os.cpu_count() or 1))


class DetectorPool:
    """`detect` over a batch, split across worker processes; `processes=0` detects in-process."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self._pool: ProcessPoolExecutor | None = None
        self._users = 0

    def acquire(self) -> None:
        self._users += 1
        if self._pool is None and self.processes > 0:
            self._pool = ProcessPoolExecutor(
                self.processes, mp_context=multiprocessing.get_context("spawn"), initializer=_warm_up
            )
            # The executor spawns processes on demand: start them all now, so the first burst does
            # not wait for a spawn and a gazetteer load (measured: up to 0.5 s of added latency).
            for _ in range(self.processes):
                self._pool.submit(_nothing)

    def release(self) -> None:
        self._users -= 1
        if self._users <= 0 and self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    async def detect(self, docs: list[Doc]) -> list[list[Event] | str]:
        pool = self._pool
        if pool is None or not docs:
            return detect_many(docs)
        loop = asyncio.get_running_loop()
        size = -(-len(docs) // self.processes)
        chunks = [docs[i : i + size] for i in range(0, len(docs), size)]
        try:
            parts = await asyncio.gather(*(loop.run_in_executor(pool, detect_many, c) for c in chunks))
        except BrokenProcessPool:
            log.exception("detector pool broke; detecting in-process from now on")
            self._pool = None
            return detect_many(docs)
        return [events for part in parts for events in part]


def processes_for(rt: Runtime) -> int:
    configured = rt.settings.detector_processes
    return default_processes() if configured is None else configured


async def publish(rt: Runtime, article: Article, detected: list[Event], now: datetime) -> None:
    for event in detected:
        rt.metrics.events.labels(event.type).inc()
        if not is_recent(event, article, now=now, max_age_days=rt.settings.max_event_age_days):
            rt.metrics.events_too_old.labels(event.type).inc()
            continue
        # Type + country: every story this event could join lives under one key and partition.
        record = EventRecord(key=partition_key(event), article=article, event=event, received_at=now)
        key, value = record.to_kafka()
        await rt.topics.events.send(key=key, value=value)


async def reject(rt: Runtime, event: EventT[bytes], rejection: Rejection) -> None:
    rt.metrics.articles.labels("rejected").inc()
    rt.metrics.dlq_articles.labels(rejection.reason.value).inc()
    await rt.topics.articles_dlq.send(
        key=event.message.key, value=event.value or b"", headers=dlq_headers(rejection, event.message)
    )


async def classify_articles(rt: Runtime, stream: StreamT[bytes]) -> None:
    """Agent `classify_articles`: articles topic -> events topic (or the articles DLQ)."""
    pool = DetectorPool(processes_for(rt))
    pool.acquire()
    try:
        topic = rt.topics.articles.get_topic_name()
        async for batch in batches_in_order(rt.in_order, stream, topic, BATCH_MAX, BATCH_WITHIN_S):
            accepted: list[tuple[EventT[bytes], Article]] = []
            for event in batch:
                result = decode_article(event.value, max_bytes=rt.settings.max_article_bytes)
                if isinstance(result, Rejection):
                    await reject(rt, event, result)
                else:
                    accepted.append((event, result))
            found = await pool.detect([(a.title, a.text, a.published_at) for _, a in accepted])
            now = rt.now()
            for (event, article), detected in zip(accepted, found, strict=True):
                if isinstance(detected, str):
                    await reject(rt, event, Rejection(RejectReason.DETECTOR_ERROR, detected))
                else:
                    rt.metrics.articles.labels("accepted").inc()
                    await publish(rt, article, detected, now)
    finally:
        pool.release()
