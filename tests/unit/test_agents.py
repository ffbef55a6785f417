"""Each agent under Faust's own `test_context()`: records in through a channel, one mock per
outbound topic, plain dicts for tables (test_context bypasses serialization, so the codecs have
their own tests: test_delivery_records.py). No broker: partitions start at offset 0."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import orjson
import pytest
from faust.types import StreamT, TopicT

from agents import classify, fan_out, track, track_deliveries
from agents.core.delivery.records import Done, Schedule, decode, encode
from agents.core.delivery.tasks import Final
from agents.core.event_record import EventRecord
from agents.core.models import Alert
from agents.sender import Sender
from streams.app import create_app
from streams.runtime import Runtime
from streams.settings import Settings
from streams.subscription_store import SubscriptionStore
from streams.topics import changelog_specs

try:
    from delivery_fixtures import OwnsAll, sub, task
    from status_table import NOW, make_alert
except ImportError:
    from tests.unit.delivery_fixtures import OwnsAll, sub, task
    from tests.unit.status_table import NOW, make_alert


async def at_zero(topic: str, partition: int) -> int:
    return 0


@dataclass
class Sent:
    records: list[tuple[Any, Any, Any]] = field(default_factory=list)

    async def send(self, key: Any = None, value: Any = None, headers: Any = None, **_: Any) -> Any:
        self.records.append((key, value, headers))
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done


@pytest.fixture
async def rt(tmp_path: Path) -> AsyncIterator[Runtime]:
    settings = Settings(
        app_id="agents-unit",
        web_enabled=False,
        data_dir=tmp_path,
        detector_processes=0,
        partitions=1,
        story_group_wait_s=0,
    )
    runtime = create_app(settings, with_delivery=False, positions=at_zero)
    runtime.tables.stories = {}
    runtime.now = lambda: NOW
    yield runtime
    close_consumer_loop(runtime)


def close_consumer_loop(runtime: Runtime) -> None:
    # Iterating a stream builds the app's (never started) consumer, whose thread object owns an
    # event loop of its own; nothing else closes it outside a worker.
    consumer = runtime.app._consumer
    thread = getattr(consumer, "_thread", None)
    if thread is not None:
        thread.thread_loop.close()


def capture(topic: TopicT) -> Any:
    sent = Sent()
    return mock.patch.object(topic, "send", sent.send), sent


async def until(check: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not reached")
        await asyncio.sleep(0.01)


ATTACK = {
    "id": "a1",
    "title": "Gunmen ambush convoy of Governor Bello",
    "text": "Gunmen opened fire on the convoy of State Governor Ade Bello on Tuesday near Kaduna, Nigeria, "
    "police said. The governor escaped unhurt, but two of his bodyguards were wounded.",
    "published_at": NOW.isoformat(),
}


async def test_classify_articles_sends_events_keyed_by_story_and_bad_input_to_the_dlq(rt: Runtime) -> None:
    patch_events, events = capture(rt.topics.events)
    patch_dlq, dlq = capture(rt.topics.articles_dlq)
    with patch_events, patch_dlq:
        async with rt.app.agents["classify_articles"].test_context() as agent:
            await agent.put(orjson.dumps(ATTACK), key=b"a1", wait=False)
            await agent.put(b"{not json", key=b"bad", wait=False)
            await until(lambda: len(events.records) == 1 and len(dlq.records) == 1)
    [(key, value, _)] = events.records
    rec = EventRecord.from_kafka(key, value)
    assert rec.event.type == "assassination_attempt" and key.decode() == rec.key
    assert rec.key.startswith("assassination_attempt")
    [(bad_key, bad_value, headers)] = dlq.records
    assert (bad_key, bad_value) == (b"bad", b"{not json")
    assert dict(headers)["tocsin-dlq-reason"] == b"invalid_json"


async def test_track_stories_alerts_once_per_story_and_remembers_it(rt: Runtime) -> None:
    from agents.core.detector import detect
    from agents.core.models import Article
    from agents.core.stories import partition_key

    article = Article.model_validate(ATTACK)
    [event] = detect(article.title, article.text)
    rec = EventRecord(key=partition_key(event), article=article, event=event, received_at=NOW)
    again = rec.model_copy(update={"article": article.model_copy(update={"id": "a2"})})
    patch_alerts, alerts = capture(rt.topics.alerts)
    with patch_alerts:
        async with rt.app.agents["track_stories"].test_context() as agent:
            for r in (rec, again):
                key, value = r.to_kafka()
                await agent.put(value, key=key, wait=False)
            await agent.put(b"junk", key=b"junk", wait=False)
            await until(lambda: rt.metrics.records_skipped.labels("track_stories")._value.get() == 1)
    [(alert_key, alert_value, headers)] = alerts.records  # the same report again adds nothing
    alert = Alert.model_validate_json(alert_value)
    assert alert_key == alert.id.encode() and alert.revision == 1
    assert dict(headers)["tocsin-received-at"] == NOW.isoformat().encode()
    [stored] = rt.tables.stories.values()
    assert stored["key"] == rec.key
    assert rt.metrics.stories_unchanged.labels("assassination_attempt")._value.get() == 1


async def test_track_stories_holds_a_new_story_until_the_timer_releases_it(rt: Runtime) -> None:
    """group_wait: no alert while held; the hold is in the table (a restart keeps it); the timer
    finds it due there and ticks the key; the tick releases revision 1 from the agent."""
    from datetime import timedelta

    from agents.core.detector import detect
    from agents.core.event_record import ReleaseTick
    from agents.core.models import Article
    from agents.core.stories import partition_key

    rt.settings = rt.settings.model_copy(update={"story_group_wait_s": 5.0})
    article = Article.model_validate(ATTACK)
    [event] = detect(article.title, article.text)
    rec = EventRecord(key=partition_key(event), article=article, event=event, received_at=NOW)
    patch_alerts, alerts = capture(rt.topics.alerts)
    patch_events, ticks = capture(rt.topics.events)
    timer = track.ReleaseTimer(rt)
    with patch_alerts, patch_events:
        async with rt.app.agents["track_stories"].test_context() as agent:
            key, value = rec.to_kafka()
            await agent.put(value, key=key, wait=False)
            await until(lambda: len(rt.tables.stories) == 1)
            [stored] = rt.tables.stories.values()
            assert stored["held_until"] and stored["pending"]["revision"] == 1
            assert alerts.records == []
            assert timer.due_keys(NOW + timedelta(seconds=4)) == set()
            rt.now = lambda: NOW + timedelta(seconds=6)
            await timer.tick()
            await timer.tick()  # not ticked again while the first may be in flight
            [(tick_key, tick_value, _)] = ticks.records
            assert ReleaseTick.parse(tick_key, tick_value) is not None
            await agent.put(tick_value, key=tick_key, wait=False)
            await until(lambda: len(alerts.records) == 1)
    alert = Alert.model_validate_json(alerts.records[0][1])
    assert (alert.revision, alert.reason.value) == (1, "first_report")
    assert alert.detected_at == NOW + timedelta(seconds=6)
    [stored] = rt.tables.stories.values()
    assert stored["held_until"] is None and stored["pending"] is None


def ready_store(*subs: Any) -> SubscriptionStore:
    store = SubscriptionStore("127.0.0.1:1", "subs")
    store.subs = {s.id: s for s in subs}
    store.ready.set()
    return store


async def test_fan_out_alerts_schedules_one_task_per_matching_subscription(rt: Runtime) -> None:
    store = ready_store(sub("sub_a"), sub("sub_b", event_types=["protest_violence"]))

    async def agent_fn(stream: StreamT) -> None:
        await fan_out.fan_out_alerts(rt, store, stream)

    agent_fn.__name__ = "fan_out_alerts"
    agent_def = rt.app.agent(rt.topics.alerts, name="fan_out_alerts")(agent_fn)
    patch_retry, scheduled = capture(rt.topics.deliveries_retry)
    alert = make_alert()
    with patch_retry:
        async with agent_def.test_context() as agent:
            await agent.put(alert.model_dump_json().encode(), key=alert.id.encode(), wait=False)
            await agent.put(b"junk", key=b"junk", wait=False)
            await until(lambda: rt.metrics.records_skipped.labels("fan_out_alerts")._value.get() == 1)
    [(key, value, _)] = scheduled.records  # sub_b wants protests only
    record = decode(value)
    assert isinstance(record, Schedule) and record.task.subscription_id == "sub_a"
    assert key == record.task.webhook_id.encode()


async def test_track_deliveries_keeps_the_tables_and_the_senders_index(rt: Runtime) -> None:
    sender = Sender(rt, ready_store(sub("sub_1")), OwnsAll())

    async def agent_fn(stream: StreamT) -> None:
        await track_deliveries.track_deliveries(rt, sender, stream)

    agent_fn.__name__ = "track_deliveries"
    agent_def = rt.app.agent(rt.topics.deliveries_retry, name="track_deliveries")(agent_fn)
    first, second = task("ev_1"), task("ev_2")
    done = Done(final=Final.DELIVERED, attempts=1, at=NOW)
    async with agent_def.test_context() as agent:
        for key, record in ((first, Schedule(task=first)), (second, Schedule(task=second)), (first, done)):
            await agent.put(encode(record), key=key.webhook_id.encode(), wait=False)
        # A re-read schedule of a delivered task must not reopen it.
        await agent.put(encode(Schedule(task=first)), key=first.webhook_id.encode(), wait=False)
        await agent.put(b'{"op": "schedule"}', key=b"junk", wait=False)
        await until(lambda: rt.metrics.records_skipped.labels("track_deliveries")._value.get() == 1)
    assert set(rt.tables.delivery_pending) == {second.webhook_id.encode()}
    assert rt.tables.delivery_ledger[first.webhook_id.encode()]["final"] == "delivered"
    assert set(sender.tasks) == {second.webhook_id}


async def test_every_agent_of_the_app_is_tested_here(tmp_path: Path) -> None:
    settings = Settings(app_id="agents-unit-all", web_enabled=False, data_dir=tmp_path)
    names = set(create_app(settings).app.agents)
    tested = {"classify_articles", "track_stories", "fan_out_alerts", "track_deliveries"}
    assert names == tested
    assert {classify.classify_articles, track.track_stories}  # the handlers are module-level


async def test_ensure_topics_creates_every_changelog_the_app_declares(tmp_path: Path) -> None:
    """`ensure_topics` creates the tables' changelogs before any worker joins (streams/topics.py):
    the names must be the ones Faust derives for this app's tables, or Faust makes its own."""
    settings = Settings(app_id="agents-unit-tables", web_enabled=False, data_dir=tmp_path, partitions=3)
    app = create_app(settings).app
    declared = {(t.changelog_topic.get_topic_name(), t.partitions) for t in app.tables.values()}
    assert declared == {(spec.name, spec.num_partitions) for spec in changelog_specs(settings)}
