"""Webhook delivery against real local receivers that misbehave on purpose.

Each test runs `tocsin worker` as a subprocess on the real broker with a short retry schedule and
asserts on what the receivers saw, and when (Alertmanager's acceptance tests do the same).
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import defaultdict
from collections.abc import Callable

import httpx
import orjson

from streams.local import WorkerProcess, free_port
from streams.produce import send_articles
from streams.receiver import Answer, Received, Receiver
from streams.settings import Settings
from streams.topics import ensure_topics
from tests.support import SURNAMES, attack_articles, consume, metric, new_secret, scrape_metrics, surname_of


def _ids(reqs: list[Received]) -> set[str]:
    return {r.headers["webhook-id"] for r in reqs}


async def test_receiver_down_then_up_gets_every_alert_once(
    e2e_settings: Settings, start_worker: Callable[..., WorkerProcess], worker_env: dict[str, str]
) -> None:
    """Connection refused for ~4 s, then one 500 per message, then 200: all delivered, none twice."""
    n = 6
    secret, port = new_secret(), free_port()
    seen: set[str] = set()

    def first_fails(_: int, rec: Received) -> Answer:
        wid = rec.headers["webhook-id"]
        if wid not in seen:
            seen.add(wid)
            return Answer(500, body="warming up")
        return Answer()

    await ensure_topics(e2e_settings)
    receiver = Receiver(secret, behaviour=first_fails)
    receiver.port = port  # subscribed now, listening only later
    worker = start_worker(
        [{"id": "sub_down", "url": receiver.url, "secret": secret}],
        TOCSIN_RETRY_SCHEDULE="0,1,1,2,2,4,8",
    )
    await worker.wait_ready()
    await send_articles(e2e_settings, attack_articles(n, "down"))
    # Every first attempt meets a closed port; wait for them by the metrics, not by a fixed sleep
    # (on a loaded machine the worker may need more than a few seconds to reach all six).
    web_port = int(worker_env["TOCSIN_WEB_PORT"])
    deadline = time.monotonic() + 40
    while True:
        before = await scrape_metrics(web_port)
        refused = metric(before, "tocsin_deliveries_total", kind="webhook", outcome="retry")
        if refused >= n and metric(before, "tocsin_delivery_retry_pending") == n:
            break
        assert time.monotonic() < deadline, before
        await asyncio.sleep(0.25)
    assert metric(before, "tocsin_deliveries_total", kind="webhook", outcome="ok") == 0

    async with receiver:
        ok = await receiver.wait_for(lambda _: len(_ids(receiver.delivered)) >= n, timeout=40)
        assert ok, [(r.status, r.headers["webhook-id"]) for r in receiver.requests]
        await asyncio.sleep(3)  # a duplicate would show up here

    delivered = receiver.delivered
    wids = [r.headers["webhook-id"] for r in delivered]
    assert len(wids) == len(set(wids)) == n, wids  # none twice among 2xx-acknowledged requests
    assert {surname_of(r.json["data"]) for r in delivered} == set(SURNAMES[:n])
    by_wid: dict[str, list[Received]] = defaultdict(list)
    for r in receiver.requests:
        assert r.verified
        by_wid[r.headers["webhook-id"]].append(r)
    for wid, reqs in by_wid.items():
        # The same webhook-id on every retry of one alert revision, and the same alert in it.
        assert [r.status for r in reqs] == [500, 200], (wid, [r.status for r in reqs])
        assert len({(r.json["data"]["id"], r.json["data"]["revision"]) for r in reqs}) == 1
    after = await scrape_metrics(web_port)
    assert metric(after, "tocsin_deliveries_total", kind="webhook", outcome="ok") == n
    assert metric(after, "tocsin_delivery_retry_pending") == 0


async def test_retry_after_is_honoured(
    e2e_settings: Settings, start_worker: Callable[..., WorkerProcess]
) -> None:
    """503 + Retry-After: 3 while the schedule says 1 s: the next attempt comes 3 s later, not 1."""
    secret = new_secret()
    answered: dict[str, int] = defaultdict(int)

    def busy_once(_: int, rec: Received) -> Answer:
        wid = rec.headers["webhook-id"]
        answered[wid] += 1
        if answered[wid] == 1:
            return Answer(503, headers={"Retry-After": "3"}, body="busy")
        return Answer()

    await ensure_topics(e2e_settings)
    async with Receiver(secret, behaviour=busy_once) as receiver:
        worker = start_worker(
            [{"id": "sub_busy", "url": receiver.url, "secret": secret}], TOCSIN_RETRY_SCHEDULE="0,1,1,1"
        )
        await worker.wait_ready()
        await send_articles(e2e_settings, attack_articles(2, "busy"))
        assert await receiver.wait_for(lambda _: len(receiver.delivered) >= 2, timeout=40), [
            (r.status, r.at) for r in receiver.requests
        ]

    by_wid: dict[str, list[Received]] = defaultdict(list)
    for r in receiver.requests:
        by_wid[r.headers["webhook-id"]].append(r)
    assert len(by_wid) == 2
    for reqs in by_wid.values():
        assert [r.status for r in reqs] == [503, 200]
        gap = reqs[1].at - reqs[0].at
        assert 2.9 <= gap <= 6.0, gap


async def test_a_short_retry_after_beats_the_schedule(
    e2e_settings: Settings, start_worker: Callable[..., WorkerProcess]
) -> None:
    """503 + Retry-After: 1, twice, under the default (Svix) schedule, whose next steps are 5 s and
    5 min: the third attempt comes about a second after the second, and the alert is in within
    seconds instead of after the 5-minute step."""
    secret = new_secret()
    answered: dict[str, int] = defaultdict(int)

    def busy_twice(_: int, rec: Received) -> Answer:
        wid = rec.headers["webhook-id"]
        answered[wid] += 1
        if answered[wid] <= 2:
            return Answer(503, headers={"Retry-After": "1"}, body="busy")
        return Answer()

    await ensure_topics(e2e_settings)
    async with Receiver(secret, behaviour=busy_twice) as receiver:
        worker = start_worker([{"id": "sub_blip", "url": receiver.url, "secret": secret}])
        await worker.wait_ready()
        await send_articles(e2e_settings, attack_articles(1, "blip"))
        assert await receiver.wait_for(lambda _: len(receiver.delivered) >= 1, timeout=30), [
            (r.status, r.at) for r in receiver.requests
        ]

    reqs = receiver.requests
    assert [r.status for r in reqs] == [503, 503, 200]
    gaps = [b.at - a.at for a, b in itertools.pairwise(reqs)]
    assert all(0.9 <= g <= 3.0 for g in gaps), gaps  # never sooner than 1 s, never the 5 s step


async def test_gone_disables_the_subscription(
    e2e_settings: Settings, start_worker: Callable[..., WorkerProcess], worker_env: dict[str, str]
) -> None:
    """410: the subscription is disabled with a reason, later alerts never reach it, the ended
    deliveries are dead-lettered with their attempts; a healthy subscriber keeps receiving."""
    gone_secret, ok_secret = new_secret(), new_secret()
    await ensure_topics(e2e_settings)
    async with (
        Receiver(gone_secret, behaviour=lambda _n, _r: Answer(410, body="gone")) as gone,
        Receiver(ok_secret) as healthy,
    ):
        worker = start_worker(
            [
                {"id": "sub_gone", "url": gone.url, "secret": gone_secret},
                {"id": "sub_ok", "url": healthy.url, "secret": ok_secret},
            ],
            TOCSIN_RETRY_SCHEDULE="0,1,1,1",
        )
        await worker.wait_ready()
        first = attack_articles(3, "gone")
        await send_articles(e2e_settings, first)
        assert await healthy.wait_for(lambda r: len(r) >= 3, timeout=40)
        assert await gone.wait_for(lambda r: len(r) >= 1, timeout=10)

        api = f"http://127.0.0.1:{worker_env['TOCSIN_WEB_PORT']}/api/v1/subscriptions/sub_gone"
        auth = {"Authorization": f"Bearer {worker_env['TOCSIN_ADMIN_TOKEN']}"}
        async with httpx.AsyncClient() as client:
            for _ in range(40):
                sub = (await client.get(api, headers=auth, timeout=10)).json()
                if not sub["enabled"]:
                    break
                await asyncio.sleep(0.25)
        assert sub["enabled"] is False, sub
        assert sub["disabled_reason"] and "410" in sub["disabled_reason"], sub
        assert "secret" not in sub

        attempts_before = len(gone.requests)
        await send_articles(e2e_settings, attack_articles(3, "gone", start=3))
        assert await healthy.wait_for(lambda r: len(r) >= 6, timeout=40)
        await asyncio.sleep(3)
        assert len(gone.requests) == attempts_before, "a disabled subscription was still called"
        gone_ids = _ids(gone.requests)
        assert {surname_of(r.json["data"]) for r in gone.requests} <= {
            surname_of(r.json["data"]) for r in healthy.requests[:3]
        }

    dead = await consume(e2e_settings.bootstrap, e2e_settings.topics.deliveries_dlq, 3, timeout_s=20)
    records = [orjson.loads(r.value) for r in dead]
    ended = {r.key.decode(): rec for r, rec in zip(dead, records, strict=True)}
    assert set(ended) >= gone_ids
    for rec in records:
        assert rec["task"]["subscription_id"] == "sub_gone"
        assert rec["final"] in ("disabled", "skipped")
        assert rec["task"]["alert"]["id"]
        if rec["final"] == "disabled":
            assert [a["status"] for a in rec["task"]["attempts"]] == [410]
    assert any(rec["final"] == "disabled" for rec in records)


async def test_slow_receiver_does_not_delay_a_healthy_one(
    e2e_settings: Settings, start_worker: Callable[..., WorkerProcess]
) -> None:
    """A receiver taking 10 s per request, with more alerts than its lane has slots, while a
    healthy receiver gets every alert within ~2 s."""
    n = 10
    slow_secret, fast_secret = new_secret(), new_secret()
    slow_arrivals: dict[str, float] = {}

    warm = attack_articles(1, "warm", start=n)  # a surname outside the measured batch
    warm_name = SURNAMES[n]

    def slow(_: int, rec: Received) -> Answer:
        name = surname_of(rec.json["data"])
        if name == warm_name:
            return Answer()  # the warm-up is answered at once: it takes no slot
        slow_arrivals[name] = rec.at
        return Answer(delay_s=10)

    await ensure_topics(e2e_settings)
    async with Receiver(slow_secret, behaviour=slow) as slow_r, Receiver(fast_secret) as fast:
        worker = start_worker(
            [
                {"id": "sub_slow", "url": slow_r.url, "secret": slow_secret},
                {"id": "sub_fast", "url": fast.url, "secret": fast_secret},
            ]
        )
        await worker.wait_ready()
        # Warm-up: the worker's first seconds (partition recovery, Faust re-seeks) are not what
        # this test measures; lane isolation is, once both receivers have had one alert.
        await send_articles(e2e_settings, warm)
        assert await fast.wait_for(lambda r: len(r) >= 1, timeout=30)
        assert await slow_r.wait_for(lambda r: len(r) >= 1, timeout=30)
        sent = time.time()
        await send_articles(e2e_settings, attack_articles(n, "slow"))
        assert await fast.wait_for(lambda r: len(r) >= n + 1, timeout=30)
        fast_done = time.time()
        # The slow lane's 8 slots fill (the last requests may still be connecting when the fast
        # receiver is done); its other alerts wait their turn, nobody else's do.
        while len(slow_arrivals) < 8 and time.time() < min(slow_arrivals.values()) + 8:
            await asyncio.sleep(0.05)
        first_slow = min(slow_arrivals.values())
        assert len(slow_r.requests) == 1, "the slow receiver has answered already: the test proves nothing"
        assert len(slow_arrivals) == 8, slow_arrivals

    fast_at = {surname_of(r.json["data"]): r.at for r in fast.requests}
    del fast_at[warm_name]
    assert len(fast_at) == n
    # The healthy receiver had everything while the slow one still sat on its first requests,
    # each alert within ~2 s of the slow receiver's first request.
    assert fast_done < first_slow + 10
    late = {name: round(at - first_slow, 2) for name, at in fast_at.items() if at - first_slow >= 2.0}
    assert not late, late
    assert max(fast_at.values()) - sent < 15
