"""Several workers on one consumer group, on the real broker: they share the partitions, and a
worker dying (SIGKILL) or joining mid-stream loses no alert and doubles none.

Six partitions, a stream of hand-written reports with a known set of alerting ones, one verified
webhook receiver that records each `webhook-id`. "Doubled" means a subscriber accepted two
different deliveries for one alert revision; a crash may re-send one delivery under its own
`webhook-id` (receivers dedupe on it), a clean join must not even do that.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable

from aiokafka.admin import AIOKafkaAdminClient

from streams.local import WorkerProcess, free_port
from streams.produce import send_articles
from streams.receiver import Receiver
from streams.settings import Settings
from streams.topics import ensure_topics
from tests.support import MANY_SURNAMES, governor_attack, metric, new_secret, quiet_article, scrape_metrics

PARTITIONS = "6"
ALERTING, QUIET = 36, 108


def _articles(tag: str) -> tuple[list[str], list[object]]:
    names = list(MANY_SURNAMES[:ALERTING])
    articles = [governor_attack(n, tag) for n in names] + [quiet_article(i, tag) for i in range(QUIET)]
    random.Random(tag).shuffle(articles)
    return names, articles


def _own(n: int, tmp: object) -> dict[str, str]:
    """What each worker of one group needs for itself: its web port and its state directory."""
    return {"TOCSIN_WEB_PORT": str(free_port()), "TOCSIN_DATA_DIR": f"{tmp}/data-{n}"}


def _accepted(receiver: Receiver) -> dict[tuple[str, int], list[str]]:
    out: dict[tuple[str, int], list[str]] = {}
    for r in receiver.delivered:
        d = r.json["data"]
        out.setdefault((d["id"], d["revision"]), []).append(r.headers["webhook-id"])
    return out


def _names(receiver: Receiver) -> set[str]:
    return {r.json["data"]["entities"]["target"]["name"].split()[-1] for r in receiver.delivered}


async def _paced(settings: Settings, articles: list[object], *, per_second: int) -> None:
    for i in range(0, len(articles), per_second):
        await send_articles(settings, articles[i : i + per_second])  # type: ignore[arg-type]
        await asyncio.sleep(1)


async def _run(
    settings: Settings,
    start_worker: Callable[..., WorkerProcess],
    tmp: object,
    tag: str,
    *,
    workers: int,
    during: Callable[[list[WorkerProcess], Receiver], object] | None = None,
    per_second: int = 9,
) -> tuple[Receiver, list[WorkerProcess], list[str]]:
    names, articles = _articles(tag)
    secret = new_secret()
    await ensure_topics(settings)
    async with Receiver(secret) as receiver:
        subs = [{"id": "sub_workers", "url": receiver.url, "secret": secret}]
        running = [start_worker(subs, **_own(i, tmp)) for i in range(workers)]
        await asyncio.gather(*(w.wait_ready() for w in running))
        # Paced (16 s at the default 9/s), so a kill or a join lands while the stream still flows.
        feed = asyncio.ensure_future(_paced(settings, articles, per_second=per_second))
        if during is not None:
            await during(running, receiver)  # type: ignore[misc]
        await feed
        await receiver.wait_for(lambda _: _names(receiver) >= set(names), timeout=90)
        await asyncio.sleep(2)  # anything re-sent late would arrive now
    return receiver, running, names


async def test_three_workers_share_the_partitions_and_deliver_each_alert_once(
    worker_env: dict[str, str], start_worker: Callable[..., WorkerProcess], tmp_path: object
) -> None:
    worker_env["TOCSIN_PARTITIONS"] = PARTITIONS
    # Every table partition also lives on a standby worker: those copies must never be delivered.
    worker_env["TOCSIN_STANDBYS"] = "1"
    settings = Settings.from_env(worker_env)
    # Nothing happens mid-stream here: no pacing needed, the whole stream goes at once.
    receiver, running, names = await _run(
        settings, start_worker, tmp_path, "share", workers=3, per_second=ALERTING + QUIET
    )
    assert set(names) - _names(receiver) == set()
    accepted = _accepted(receiver)
    assert all(len(w) == 1 for w in accepted.values()), {k: w for k, w in accepted.items() if len(w) > 1}
    shares, attempts = [], []
    for w in running:
        m = await scrape_metrics(int(w.env["TOCSIN_WEB_PORT"]))
        shares.append(metric(m, "tocsin_articles_total"))
        attempts.append(metric(m, "tocsin_deliveries_total", kind="webhook"))
    assert sum(shares) == ALERTING + QUIET and all(s > 0 for s in shares), shares
    # One attempt per delivery in the whole group: no standby (or anyone else) attempted one too.
    assert sum(attempts) == len(accepted) == ALERTING, attempts


async def test_a_worker_killed_midstream_loses_nothing(
    worker_env: dict[str, str], start_worker: Callable[..., WorkerProcess], tmp_path: object
) -> None:
    worker_env["TOCSIN_PARTITIONS"] = PARTITIONS
    worker_env["TOCSIN_SESSION_TIMEOUT_S"] = "6"
    settings = Settings.from_env(worker_env)

    async def kill_one(running: list[WorkerProcess], receiver: Receiver) -> None:
        await receiver.wait_for(lambda _: len(receiver.delivered) >= 6, timeout=60)
        running[1].kill()
        killed_at.append(len(receiver.delivered))

    killed_at: list[int] = []
    receiver, _, names = await _run(settings, start_worker, tmp_path, "kill", workers=3, during=kill_one)
    assert set(names) - _names(receiver) == set()
    assert killed_at[0] < ALERTING // 2, "the kill came too late to test anything"
    accepted = _accepted(receiver)
    # A re-send after the crash is the same delivery again, never a second one.
    assert all(len(set(w)) == 1 for w in accepted.values()), accepted
    repeats = sum(len(w) - 1 for w in accepted.values())
    print(f"kill: {len(accepted)} alerts accepted, {repeats} re-sent under their own webhook-id")


async def test_a_worker_joining_midstream_loses_and_doubles_nothing(
    worker_env: dict[str, str], start_worker: Callable[..., WorkerProcess], tmp_path: object
) -> None:
    # Faust's assignor only moves partitions off workers holding more than ceil(P / N): with 6
    # partitions, 3 workers hold 2 each and a 4th would get none. 8 gives 3/3/2 -> 2/2/2/2.
    worker_env["TOCSIN_PARTITIONS"] = "8"
    settings = Settings.from_env(worker_env)

    async def join_one(running: list[WorkerProcess], receiver: Receiver) -> None:
        await receiver.wait_for(lambda _: len(receiver.delivered) >= 3, timeout=60)
        subs = [{"id": "sub_workers", "url": receiver.url, "secret": receiver.secret}]
        joined = start_worker(subs, **_own(9, tmp_path))
        await joined.wait_ready()  # ready = the rebalance that gave it partitions is done
        joined_at.append(len(receiver.delivered))
        running.append(joined)

    joined_at: list[int] = []
    receiver, running, names = await _run(
        settings, start_worker, tmp_path, "join", workers=3, during=join_one, per_second=4
    )
    assert set(names) - _names(receiver) == set()
    assert joined_at[0] < ALERTING, "the new worker joined after the stream was over"
    accepted = _accepted(receiver)
    assert all(len(w) == 1 for w in accepted.values()), {k: w for k, w in accepted.items() if len(w) > 1}
    m = await scrape_metrics(int(running[3].env["TOCSIN_WEB_PORT"]))
    assert metric(m, "tocsin_articles_total") > 0, "the joined worker processed no article"


async def _members(bootstrap: str, group: str) -> int:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        (response,) = await admin.describe_consumer_groups([group])
        (described,) = response.to_object()["groups"]
        return len(described["members"])
    finally:
        await admin.close()


async def test_sigterm_leaves_the_group_at_once(
    worker_env: dict[str, str], start_worker: Callable[..., WorkerProcess], tmp_path: object
) -> None:
    """A clean shutdown hands its partitions over now, not after the session timeout (60 s here,
    so a member that merely vanished would still be listed)."""
    worker_env["TOCSIN_SESSION_TIMEOUT_S"] = "60"
    settings = Settings.from_env(worker_env)
    await ensure_topics(settings)
    running = [start_worker([], **_own(i, tmp_path)) for i in range(2)]
    await asyncio.gather(*(w.wait_ready() for w in running))
    assert await _members(settings.bootstrap, settings.app_id) == 2
    assert running[0].stop() == 0
    left = time.monotonic()
    while await _members(settings.bootstrap, settings.app_id) != 1:
        assert time.monotonic() - left < 5, "the stopped worker is still a member of the group"
        await asyncio.sleep(0.2)
