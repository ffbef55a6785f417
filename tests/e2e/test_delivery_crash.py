"""SIGKILL of the worker mid-stream: after a restart every alert is delivered (at least once)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

from streams.local import WorkerProcess
from streams.produce import send_articles
from streams.receiver import Answer, Received, Receiver
from streams.settings import Settings
from streams.topics import ensure_topics
from tests.support import SURNAMES, attack_articles, new_secret, surname_of

# A dead member holds its partitions until its session times out; Faust reads these from the
# environment, and a short session keeps the restart quick.
FAST_REJOIN = {"BROKER_SESSION_TIMEOUT": "8", "BROKER_HEARTBEAT_INTERVAL": "1"}


async def test_sigkill_mid_stream_loses_nothing(
    e2e_settings: Settings, start_worker: Callable[..., WorkerProcess]
) -> None:
    n = 20
    secret = new_secret()

    def slowish(_: int, __: Received) -> Answer:
        return Answer(delay_s=0.3)  # keeps deliveries in flight when the kill lands

    await ensure_topics(e2e_settings)
    async with Receiver(secret, behaviour=slowish) as receiver:
        subs = [{"id": "sub_crash", "url": receiver.url, "secret": secret}]
        env = {"TOCSIN_RETRY_SCHEDULE": "0,1,1,2,2,4", **FAST_REJOIN}
        first = start_worker(subs, **env)
        await first.wait_ready()
        await send_articles(e2e_settings, attack_articles(n, "crash"))
        assert await receiver.wait_for(lambda _: len(receiver.delivered) >= 3, timeout=40)
        first.kill()  # SIGKILL: no commit, no flush, no goodbye to the group
        delivered_before_kill = len(receiver.delivered)
        assert delivered_before_kill < n, "everything was delivered before the kill: nothing tested"

        restarted_at = time.monotonic()
        second = start_worker(subs, **env)
        await second.wait_ready()

        def all_alerts(_: list[Received]) -> bool:
            return {surname_of(r.json["data"]) for r in receiver.delivered} >= set(SURNAMES[:n])

        assert await receiver.wait_for(all_alerts, timeout=60), sorted(
            set(SURNAMES[:n]) - {surname_of(r.json["data"]) for r in receiver.delivered}
        )
        recovery_s = time.monotonic() - restarted_at

    assert all(r.verified for r in receiver.requests)
    by_alert: dict[str, set[str]] = {}
    for r in receiver.delivered:
        by_alert.setdefault(r.json["data"]["id"], set()).add(r.headers["webhook-id"])
    assert len(by_alert) == n
    # One webhook-id per alert (revision 1, one subscription), whichever worker sent it: a
    # receiver deduplicating on webhook-id sees each alert exactly once.
    assert all(len(wids) == 1 for wids in by_alert.values()), by_alert
    repeats = Counter(r.headers["webhook-id"] for r in receiver.delivered)
    print(
        f"delivered before kill: {delivered_before_kill}/{n}; resent after restart: "
        f"{sum(c - 1 for c in repeats.values())}; recovery {recovery_s:.1f}s"
    )
