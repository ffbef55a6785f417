"""The sender's index of the pending table after a rebalance, and its retry policies."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from agents.core.delivery.ledger import Ending
from agents.core.delivery.retry import SLACK_SCHEDULE, SVIX_SCHEDULE
from agents.core.delivery.tasks import Final
from agents.core.delivery.thread import SlackThread
from agents.sender import Sender, policies
from streams.app import create_app
from streams.runtime import Runtime
from streams.settings import Settings
from streams.subscription_store import SubscriptionStore

try:
    from delivery_fixtures import OwnsAll, sub, task
except ImportError:
    from tests.unit.delivery_fixtures import OwnsAll, sub, task


@pytest.fixture
async def rt(tmp_path: Path) -> AsyncIterator[Runtime]:
    settings = Settings(app_id="sender-unit", web_enabled=False, data_dir=tmp_path, retry_schedule="0,1,2")
    yield create_app(settings, with_delivery=False)


def test_resync_after_a_rebalance_that_swaps_equal_numbers_of_tasks(rt: Runtime) -> None:
    sender = Sender(rt, SubscriptionStore("127.0.0.1:1", "subs"), OwnsAll())
    kept, lost, gained = task("ev_kept"), task("ev_lost"), task("ev_gained")
    for t in (kept, lost):
        sender.on_scheduled(t)
    # This worker lost ev_lost's partition and got ev_gained's: the table has as many tasks as the
    # index, but not the same ones.
    pending = rt.tables.delivery_pending
    pending[kept.webhook_id.encode()] = kept.model_dump(mode="json")
    pending[gained.webhook_id.encode()] = gained.model_dump(mode="json")
    sender.resync()
    assert set(sender.tasks) == {kept.webhook_id, gained.webhook_id}
    assert sender.tasks[gained.webhook_id] == gained
    assert rt.metrics.retry_pending._value.get() == 2


def test_resync_leaves_a_matching_index_alone(rt: Runtime) -> None:
    sender = Sender(rt, SubscriptionStore("127.0.0.1:1", "subs"), OwnsAll())
    t = task("ev_1")
    sender.on_scheduled(t)
    rt.tables.delivery_pending[t.webhook_id.encode()] = t.model_dump(mode="json")
    sender.resync()
    assert sender.tasks == {t.webhook_id: t}


def test_policies_take_the_configured_schedule(rt: Runtime) -> None:
    got = policies(rt)
    assert got["webhook"].schedule == (0.0, 1.0, 2.0) != SVIX_SCHEDULE
    assert got["slack"].schedule == SLACK_SCHEDULE


def test_thread_of_reads_the_earlier_revisions_ledger_entries(rt: Runtime) -> None:
    sender = Sender(rt, SubscriptionStore("127.0.0.1:1", "subs"), OwnsAll())
    api = sub(
        "sub_api",
        "slack_api",
        url="https://slack.example/api/",
        channel="C0UNIT0001",
        token=SecretStr("xoxb-1"),
    )
    thread = SlackThread(channel="C0UNIT0001", ts="1795794512.000100")
    first, third = task("ev_1", 1, api), task("ev_1", 3, api)
    assert sender.thread_of(third) is None
    ending = Ending(final=Final.DELIVERED, attempts=1, at=first.created_at, thread=thread)
    rt.tables.delivery_ledger[first.webhook_id.encode()] = ending.model_dump(mode="json")
    assert sender.thread_of(third) == thread
    assert policies(rt)["slack_api"].schedule == SLACK_SCHEDULE
