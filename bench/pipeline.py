"""Full-pipeline throughput and article-to-alert latency, both against a real `tocsin worker`.

Full pipeline: the articles topic is pre-filled before the worker starts; each partition begins
and ends with an alerting article, so consumption starts at the first record on the events topic
and ends at the last record on the alerts topic (record timestamps are the worker's send times).

Latency: articles are produced at a fixed offered rate; the clock runs from just before the
producer's `send` to the moment the local webhook receiver accepted the signed POST (same process,
same clock), matched by the article id in the alert body (`data.article.id`).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import secrets
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaProducer

from bench.corpus import BenchArticle, generate
from bench.kafka_io import LagSampler, end_offsets, prefill, read_all
from streams.local import REPO_ROOT, WorkerProcess, free_port
from streams.receiver import Received, Receiver
from streams.settings import Settings
from streams.topics import ensure_topics


def worker_env(
    bootstrap: str,
    app_id: str,
    prefix: str,
    partitions: int,
    workdir: Path,
    extra: dict[str, str] | None = None,
) -> dict[str, str]:
    return {
        "TOCSIN_KAFKA_BOOTSTRAP": bootstrap,
        "TOCSIN_APP_ID": app_id,
        "TOCSIN_TOPIC_PREFIX": prefix,
        "TOCSIN_PARTITIONS": str(partitions),
        "TOCSIN_WEB_PORT": str(free_port()),
        "TOCSIN_DATA_DIR": str(workdir / f"data-{app_id}"),
        "TOCSIN_LOG_LEVEL": "info",
        "TOCSIN_ALLOW_PRIVATE_TARGETS": "127.0.0.0/8",
        # The pipeline's own latency: group_wait adds its deliberate wait to a story's first alert.
        "TOCSIN_STORY_GROUP_WAIT_S": "0",
        **(extra or {}),
    }


LAG_SAMPLE_S = 0.25


async def full_pipeline(
    bootstrap: str,
    articles: Sequence[BenchArticle],
    expected_alerts: int,
    *,
    run: str,
    partitions: int,
    workdir: Path,
    detector: dict[str, float],
    env: dict[str, str] | None = None,
    root: Path = REPO_ROOT,
) -> dict[str, Any]:
    """`detector` is the detector's own figures on these articles (`mean_ms`, `rate`): the wait
    for the alerts scales with its rate, and one detection's time is added to the span."""
    detect_s, timeout_s = detector["mean_ms"] / 1000, 60 + 4 * len(articles) / max(detector["rate"], 1.0)
    app_id = f"bench-{run}-full"
    wenv = worker_env(bootstrap, app_id, f"{app_id}.", partitions, workdir, env)
    settings = Settings.from_env(wenv)
    await ensure_topics(settings)
    await prefill(bootstrap, settings.topics.articles, articles, partitions)
    worker = WorkerProcess(wenv, workdir / f"{app_id}.log", root)
    worker.start()
    try:
        await worker.wait_ready()
        deadline = time.monotonic() + timeout_s
        alerts_seen = 0
        while time.monotonic() < deadline:
            alerts_seen = sum((await end_offsets(bootstrap, settings.topics.alerts)).values())
            if alerts_seen >= expected_alerts:
                break
            await asyncio.sleep(0.5)
    finally:
        worker.stop()
    events = await read_all(bootstrap, settings.topics.events, expect=expected_alerts, timeout_s=20)
    alerts = await read_all(bootstrap, settings.topics.alerts, expect=alerts_seen, timeout_s=20)
    if not events or not alerts:
        return {
            "articles": len(articles),
            "alerts": len(alerts),
            "expected_alerts": expected_alerts,
            "complete": False,
            "seconds": 0.0,
            "rate": 0.0,
            "topics": settings.topics.model_dump(),
        }
    # The first event follows the first article's detection; count that one detection back in.
    seconds = (max(r.timestamp for r in alerts) - min(r.timestamp for r in events)) / 1000 + detect_s
    return {
        "articles": len(articles),
        "alerts": len(alerts),
        "expected_alerts": expected_alerts,
        "complete": len(alerts) >= expected_alerts,
        "seconds": round(seconds, 3),
        "rate": round(len(articles) / seconds, 1),
        "topics": settings.topics.model_dump(),
    }


def percentile(sorted_values: Sequence[float], q: float) -> float | None:
    if not sorted_values:
        return None
    idx = min(len(sorted_values) - 1, max(0, round(q / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[idx]


def slope(points: Sequence[tuple[float, float]]) -> float | None:
    """Least-squares slope (units per second) of (t, value) points."""
    if len(points) < 3:
        return None
    ts, vs = [p[0] for p in points], [p[1] for p in points]
    mt, mv = statistics.fmean(ts), statistics.fmean(vs)
    den = sum((t - mt) ** 2 for t in ts)
    return sum((t - mt) * (v - mv) for t, v in points) / den if den else None


@dataclass
class Arrivals:
    """First accepted delivery per article id (revisions and retries do not count twice)."""

    first: dict[str, float] = field(default_factory=dict)
    bad: int = 0

    def record(self, rec: Received) -> None:
        if not (rec.verified and 200 <= rec.status < 300):
            self.bad += 1
            return
        try:
            article_id = orjson.loads(rec.body)["data"]["article"]["id"]
        except (orjson.JSONDecodeError, KeyError, TypeError):
            self.bad += 1
            return
        self.first.setdefault(article_id, rec.at)


async def _paced_send(
    producer: AIOKafkaProducer,
    topic: str,
    articles: Sequence[BenchArticle],
    rate: float,
    sent_at: dict[str, float],
) -> float:
    """Send at `rate`/s on a fixed schedule (ticks of 5 ms); returns the achieved rate."""
    t0 = time.monotonic()
    i = 0
    while i < len(articles):
        due = int((time.monotonic() - t0) * rate) + 1
        while i < min(due, len(articles)):
            a = articles[i]
            sent_at[a.id] = time.time()
            await producer.send(topic, a.payload, key=a.id.encode())
            i += 1
        await asyncio.sleep(0.005)
    elapsed = time.monotonic() - t0
    return len(articles) / elapsed if elapsed else 0.0


async def latency(
    bootstrap: str,
    *,
    run: str,
    rates: Sequence[int],
    duration_s: float,
    drain_s: float,
    partitions: int,
    workdir: Path,
    seed: int,
    alert_share: float,
    progress: Callable[[str], None],
    env: dict[str, str] | None = None,
    root: Path = REPO_ROOT,
) -> dict[str, Any]:
    app_id = f"bench-{run}-lat"
    secret = "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()
    arrivals = Arrivals()
    results: list[dict[str, Any]] = []
    async with Receiver(secret, on_receive=arrivals.record) as receiver:
        subs = workdir / "subscriptions.json"
        subs.write_text(json.dumps([{"name": "bench receiver", "url": receiver.url, "secret": secret}]))
        wenv = worker_env(
            bootstrap,
            app_id,
            f"{app_id}.",
            partitions,
            workdir,
            {"TOCSIN_SUBSCRIPTIONS_FILE": str(subs), **(env or {})},
        )
        settings = Settings.from_env(wenv)
        await ensure_topics(settings)
        topic = settings.topics.articles
        worker = WorkerProcess(wenv, workdir / f"{app_id}.log", root)
        worker.start()
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0)
        await producer.start()
        try:
            await worker.wait_ready()
            day = 0
            # Warm-up (not measured): connections, caches, the first delivery's TCP handshake.
            # Three seconds at 50/s: every stage and every detector process has handled a batch.
            warm = generate(
                150,
                seed=seed,
                prefix=f"{run}-warm-",
                first_alerting=partitions,
                alert_share=alert_share,
                day_offset=day,
            )
            day += len(warm)
            warm_sent: dict[str, float] = {}
            await _paced_send(producer, topic, warm, 50, warm_sent)
            await _wait_delivered(arrivals, [a.id for a in warm if a.alerting], 60)
            async with LagSampler(bootstrap, app_id, topic) as lag:
                for rate in rates:
                    n = max(1, int(rate * duration_s))
                    arts = generate(
                        n, seed=seed + rate, prefix=f"{run}-r{rate}-", alert_share=alert_share, day_offset=day
                    )
                    day += n
                    progress(f"latency at {rate}/s: {n} articles over {duration_s:.0f} s")
                    results.append(await _one_rate(producer, topic, arts, rate, arrivals, lag, drain_s))
        finally:
            await producer.stop()
            worker.stop()
    return {"rates": results, "bad_requests": arrivals.bad, "topics": settings.topics.model_dump()}


async def _wait_delivered(arrivals: Arrivals, ids: Sequence[str], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if all(i in arrivals.first for i in ids):
            return True
        await asyncio.sleep(0.1)
    return False


async def _one_rate(
    producer: AIOKafkaProducer,
    topic: str,
    arts: Sequence[BenchArticle],
    rate: int,
    arrivals: Arrivals,
    lag: LagSampler,
    drain_s: float,
) -> dict[str, Any]:
    sent_at: dict[str, float] = {}
    samples: list[tuple[float, float]] = []
    t0, wall0 = time.monotonic(), time.time()
    stop = asyncio.Event()

    async def sample_lag() -> None:
        while not stop.is_set():
            with contextlib.suppress(Exception):  # a missed sample is not a failed run
                samples.append((time.monotonic() - t0, float(await lag.sample())))
            with contextlib.suppress(TimeoutError):
                # Several samples per commit interval (1 s): committed lag is a sawtooth between
                # commits, and one sample a second lands at a drifting point of it.
                await asyncio.wait_for(stop.wait(), LAG_SAMPLE_S)

    sampler = asyncio.create_task(sample_lag())
    achieved = await _paced_send(producer, topic, arts, rate, sent_at)
    await producer.flush()
    send_s = time.monotonic() - t0
    expected = [a.id for a in arts if a.alerting]
    await _wait_delivered(arrivals, expected, drain_s)
    # "After drain" means after the worker's next commits, not the last sample while sending.
    drain_deadline = time.monotonic() + max(5.0, drain_s / 4)

    def drained() -> bool:
        return bool(samples) and samples[-1][0] > send_s and samples[-1][1] == 0

    while time.monotonic() < drain_deadline and not drained():
        await asyncio.sleep(LAG_SAMPLE_S)
    stop.set()
    await sampler
    lat = sorted((arrivals.first[i] - sent_at[i]) * 1000 for i in expected if i in arrivals.first)
    during = [(t, v) for t, v in samples if t <= send_s]
    # The trend of the lag right after each commit (the per-second minimum): a backlog raises it,
    # the commit sawtooth does not.
    floors: dict[int, tuple[float, float]] = {}
    for t, v in during:
        if int(t) not in floors or v < floors[int(t)][1]:
            floors[int(t)] = (t, v)
    second_half = [(t, v) for t, v in floors.values() if t >= send_s / 2]
    return {
        "offered_rate": rate,
        "achieved_send_rate": round(achieved, 1),
        "articles": len(arts),
        "send_seconds": round(send_s, 2),
        "expected_alerts": len(expected),
        "delivered": len(lat),
        "delivered_share": round(len(lat) / len(expected), 4) if expected else None,
        "p50_ms": _r(percentile(lat, 50)),
        "p95_ms": _r(percentile(lat, 95)),
        "p99_ms": _r(percentile(lat, 99)),
        "max_ms": _r(lat[-1] if lat else None),
        "lag_max": int(max((v for _, v in samples), default=0)),
        "lag_end_of_send": int(during[-1][1]) if during else None,
        "lag_after_drain": int(samples[-1][1]) if samples and samples[-1][0] > send_s else None,
        "lag_slope_per_s": _r(slope(second_half), 2),
        "lag_samples": [(round(t, 1), int(v)) for t, v in samples],
        # (seconds since the phase began, latency ms) per delivered alert: where the tail happened.
        "latency_series": sorted(
            (round(sent_at[i] - wall0, 2), round((arrivals.first[i] - sent_at[i]) * 1000, 1))
            for i in expected
            if i in arrivals.first
        ),
    }


def _r(v: float | None, nd: int = 1) -> float | None:
    return None if v is None else round(v, nd)
