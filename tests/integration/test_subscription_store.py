"""SubscriptionStore on the real broker: a compacted topic materialised in every reader."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime

import pytest
from aiokafka import AIOKafkaProducer
from pydantic import SecretStr

from agents.core.delivery.subscriptions import Subscription, disable
from streams.settings import Settings
from streams.subscription_store import SubscriptionStore

SECRET = "whsec_" + "A" * 43 + "="


def _sub(sub_id: str, url: str = "http://127.0.0.1:9/hook") -> Subscription:
    now = datetime.now(UTC)
    return Subscription(
        id=sub_id, kind="webhook", url=url, name=sub_id, created_at=now, secret=SecretStr(SECRET)
    )


@pytest.fixture
async def open_store(settings: Settings) -> AsyncIterator[Callable[..., SubscriptionStore]]:
    running: list[asyncio.Task[None]] = []

    def _open(seed: list[Subscription] | None = None) -> SubscriptionStore:
        store = SubscriptionStore(settings.bootstrap, settings.topics.subscriptions, seed or [])
        running.append(asyncio.ensure_future(store.run()))
        return store

    yield _open
    for task in running:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _eventually(check: Callable[[], bool], timeout: float = 15) -> bool:
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        if asyncio.get_running_loop().time() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


async def test_writes_reach_every_reader_and_survive_a_rebuild(
    open_store: Callable[..., SubscriptionStore],
) -> None:
    a = open_store()
    b = open_store()
    await asyncio.wait_for(asyncio.gather(a.ready.wait(), b.ready.wait()), 30)
    assert a.subs == {} and b.subs == {}

    await a.put(_sub("sub_one"))
    assert "sub_one" in a.subs  # the writer sees its own write at once
    assert await _eventually(lambda: "sub_one" in b.subs)  # and every other worker follows
    assert b.subs["sub_one"].secret is not None
    assert b.subs["sub_one"].secret.get_secret_value() == SECRET  # persisted, not "**********"

    await a.put(_sub("sub_two"))
    await b.put(disable(b.subs["sub_one"], "410: gone"))
    assert await a.delete("sub_two") is True
    assert await _eventually(lambda: not a.subs["sub_one"].enabled and "sub_two" not in b.subs)

    rebuilt = open_store()  # a restart: the view comes back from the topic alone
    await asyncio.wait_for(rebuilt.ready.wait(), 30)
    assert set(rebuilt.subs) == {"sub_one"}
    assert rebuilt.subs["sub_one"].disabled_reason == "410: gone"


async def test_seed_adds_only_what_is_missing(
    open_store: Callable[..., SubscriptionStore], settings: Settings
) -> None:
    first = open_store(seed=[_sub("sub_seed")])
    await asyncio.wait_for(first.ready.wait(), 30)
    await first.put(disable(first.subs["sub_seed"], "410: gone"))

    # A restart with the same seed file must not re-enable what a 410 disabled.
    again = open_store(seed=[_sub("sub_seed"), _sub("sub_new", "http://127.0.0.1:10/x")])
    await asyncio.wait_for(again.ready.wait(), 30)
    assert again.subs["sub_seed"].enabled is False
    assert again.subs["sub_new"].enabled is True


async def test_an_unreadable_record_does_not_stop_the_view(
    open_store: Callable[..., SubscriptionStore], settings: Settings
) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(settings.topics.subscriptions, key=b"sub_bad", value=b"{oops")
        await producer.send_and_wait(settings.topics.subscriptions, key=b"sub_bad2", value=b'{"id": 1}')
    finally:
        await producer.stop()
    store = open_store(seed=[_sub("sub_ok")])
    await asyncio.wait_for(store.ready.wait(), 30)
    assert set(store.subs) == {"sub_ok"}


async def test_concurrent_first_writes(open_store: Callable[..., SubscriptionStore]) -> None:
    """Several 410s at once are the store's first writes when nothing was seeded."""
    store = open_store()
    await asyncio.wait_for(store.ready.wait(), 30)
    await asyncio.wait_for(asyncio.gather(*(store.put(_sub(f"sub_{i}")) for i in range(5))), 30)
    rebuilt = open_store()
    await asyncio.wait_for(rebuilt.ready.wait(), 30)
    assert set(rebuilt.subs) == {f"sub_{i}" for i in range(5)}
