"""The Faust app in-process on the real broker: DLQ for every kind of bad input, codec round trip."""

from __future__ import annotations

from pathlib import Path

import orjson
from aiokafka import AIOKafkaProducer
from faust.contrib.asgi import faust_app_running

from agents.core.models import Alert
from streams.app import create_app
from streams.demo import SAMPLES
from streams.produce import load_articles
from streams.receiver import Receiver
from streams.settings import Settings
from tests.support import consume, new_secret

BAD_INPUTS: list[tuple[bytes | None, str]] = [
    (b"{not json", "invalid_json"),
    (b'{"title": "no text here"}', "schema"),
    (b'{"text": 5, "title": "wrong type"}', "schema"),
    (b"\xff\xfe\xfa not utf-8", "not_utf8"),
    (b'{"text": "' + b"x" * 5000 + b'"}', "oversize"),
    (b"[1, 2, 3]", "not_an_object"),
    (None, "empty"),
]


async def test_bad_input_goes_to_dlq_with_reason_and_original_bytes(
    settings: Settings, producer: AIOKafkaProducer
) -> None:
    rt = create_app(settings, with_delivery=False)
    t = settings.topics
    good = load_articles([SAMPLES / "01_governor_convoy.txt"])[0]
    async with faust_app_running(rt.app):
        for i, (value, _) in enumerate(BAD_INPUTS):
            await producer.send_and_wait(
                t.articles, key=f"bad-{i}".encode(), value=value, headers=[("producer", b"it")], partition=0
            )
        # The worker keeps going after bad input: a good article behind them still alerts.
        await producer.send_and_wait(
            t.articles, key=good.article_id.encode(), value=good.model_dump_json().encode(), partition=0
        )
        dlq = await consume(settings.bootstrap, t.articles_dlq, len(BAD_INPUTS))
        alerts = await consume(settings.bootstrap, t.alerts, 1)

    assert len(dlq) == len(BAD_INPUTS)
    by_key = {r.key.decode(): r for r in dlq}
    for i, (value, reason) in enumerate(BAD_INPUTS):
        rec = by_key[f"bad-{i}"]
        headers = {k: v.decode() for k, v in rec.headers}
        assert headers["tocsin-dlq-reason"] == reason
        assert headers["tocsin-dlq-detail"]
        assert headers["tocsin-source-topic"] == t.articles
        assert headers["tocsin-source-partition"] == "0"
        assert int(headers["tocsin-source-offset"]) == i
        assert headers["producer"] == "it"  # the producer's own headers survive
        assert rec.value == (value or b"")
    assert rt.metrics.dlq_articles.labels("schema")._value.get() == 2

    assert len(alerts) == 1
    alert = Alert.model_validate_json(alerts[0].value)
    assert alert.event_type == "assassination_attempt"
    assert alert.article.id == good.article_id
    assert alerts[0].key == alert.id.encode()


FIRST = {
    "id": "wire-1",
    "title": "Police fire tear gas at protesters in Nairobi",
    "text": "Police fired tear gas to disperse protesters in Nairobi, Kenya on Monday. "
    "Four people were injured in the clashes, the Red Cross said.",
}
UPDATE = {
    "id": "wire-2",
    "title": "Nairobi protest clashes: toll rises",
    "text": "Police fired tear gas and rubber bullets at protesters in Nairobi, Kenya on Monday. "
    "Eleven people were injured and one protester was killed in the clashes, hospital "
    "officials said.",
}
SAME_AGAIN = {**FIRST, "id": "wire-3"}


async def test_reports_in_order_rise_as_revisions_of_one_alert(
    settings: Settings, producer: AIOKafkaProducer
) -> None:
    """One partition keeps the reports in the order they were sent: the rise is revision 2."""
    rt = create_app(settings, with_delivery=False)
    t = settings.topics
    async with faust_app_running(rt.app):
        for art in (FIRST, UPDATE, SAME_AGAIN):
            await producer.send_and_wait(
                t.articles, key=art["id"].encode(), value=orjson.dumps(art), partition=0
            )
        records = await consume(settings.bootstrap, t.alerts, 3, timeout_s=15)
    alerts = [Alert.model_validate_json(r.value) for r in records]
    assert [a.revision for a in alerts] == [1, 2], [(a.id, a.revision, a.casualties) for a in alerts]
    assert alerts[0].id == alerts[1].id
    assert alerts[1].reason.value == "casualties_rose"
    assert alerts[1].casualties.killed == 1


async def test_reports_on_different_partitions_give_one_alert_whatever_the_order(
    settings: Settings, producer: AIOKafkaProducer
) -> None:
    """Keyed by article id, the reports are classified on different partitions and reach the stories
    stage in either order: always one alert id, revisions counting up from 1, and the last one
    showing the highest toll (the unit tests try every order of the same decision)."""
    rt = create_app(settings, with_delivery=False)
    t = settings.topics
    async with faust_app_running(rt.app):
        for art in (FIRST, UPDATE, SAME_AGAIN):
            await producer.send_and_wait(t.articles, key=art["id"].encode(), value=orjson.dumps(art))
        records = await consume(settings.bootstrap, t.alerts, 3, timeout_s=12)
    alerts = [Alert.model_validate_json(r.value) for r in records]
    assert len({a.id for a in alerts}) == 1, [(a.id, a.revision, a.casualties) for a in alerts]
    assert [a.revision for a in alerts] == list(range(1, len(alerts) + 1))
    assert (alerts[-1].casualties.killed, alerts[-1].casualties.injured) == (1, 11)


async def test_reports_within_the_group_wait_are_one_alert_created_with_the_later_toll(
    settings: Settings, producer: AIOKafkaProducer
) -> None:
    """group_wait on the real broker: the later report arrives first and the earlier one right
    after (each article on its own partition by key); the timer's tick releases one alert.created
    that already carries the higher toll, and nothing follows it."""
    held = settings.model_copy(update={"story_group_wait_s": 3.0})
    rt = create_app(held, with_delivery=False)
    t = settings.topics
    async with faust_app_running(rt.app):
        for art in (UPDATE, FIRST):
            await producer.send_and_wait(t.articles, key=art["id"].encode(), value=orjson.dumps(art))
        [record] = await consume(settings.bootstrap, t.alerts, 1, timeout_s=30)
        more = await consume(settings.bootstrap, t.alerts, 2, timeout_s=1.5)
    alert = Alert.model_validate_json(record.value)
    assert len(more) == 1, [Alert.model_validate_json(r.value).reason for r in more]
    assert (alert.revision, alert.reason.value) == (1, "first_report")
    assert (alert.casualties.killed, alert.casualties.injured) == (1, 11)
    assert alert.sources is not None and alert.sources.count == 2
    assert (alert.detected_at - alert.first_seen_at).total_seconds() >= 3.0  # it was held


async def test_foreign_records_on_internal_topics_do_not_stop_the_pipeline(
    settings: Settings, producer: AIOKafkaProducer, tmp_path: Path
) -> None:
    secret = new_secret()
    async with Receiver(secret) as receiver:
        subs = tmp_path / "subs.json"
        subs.write_text(orjson.dumps([{"name": "r", "url": receiver.url, "secret": secret}]).decode())
        s = settings.replace(subscriptions_file=subs, allow_private_targets="127.0.0.0/8")
        rt = create_app(s)
        t = s.topics
        good = load_articles([SAMPLES / "02_fuel_protest.txt"])[0]
        async with faust_app_running(rt.app):
            for topic in (t.events, t.alerts, t.deliveries_retry):
                await producer.send_and_wait(topic, key=b"junk", value=b"{not what the agent expects")
                await producer.send_and_wait(topic, key=b"junk", value=b'{"op": "schedule"}')
            await producer.send_and_wait(
                t.articles, key=good.article_id.encode(), value=good.model_dump_json().encode()
            )
            assert await receiver.wait_for(lambda reqs: len(reqs) >= 1, timeout=60)
        skipped = {
            agent: rt.metrics.records_skipped.labels(agent)._value.get()
            for agent in ("track_stories", "fan_out_alerts", "track_deliveries")
        }
    assert receiver.requests[0].verified
    assert receiver.requests[0].json["data"]["article"]["id"] == good.article_id
    assert skipped == {"track_stories": 2, "fan_out_alerts": 2, "track_deliveries": 2}


async def test_an_event_the_text_dates_long_ago_is_detected_but_not_alerted(
    settings: Settings, producer: AIOKafkaProducer
) -> None:
    """TAXONOMY: the detector reports what the text narrates; the worker alerts on recent events."""
    rt = create_app(settings, with_delivery=False)
    t = settings.topics
    old = {
        "id": "history-1",
        "title": "Remembering the 1989 ambush of Governor Adewale",
        "text": "On 4 March 1989, gunmen opened fire on the convoy of Governor Tunde Adewale near Kaduna, "
        "Nigeria, wounding three of his guards. The governor escaped unhurt, police said at the time.",
    }
    async with faust_app_running(rt.app):
        for art in (old, FIRST):
            await producer.send_and_wait(
                t.articles, key=art["id"].encode(), value=orjson.dumps(art), partition=0
            )
        records = await consume(settings.bootstrap, t.alerts, 2, timeout_s=12)
    alerts = [Alert.model_validate_json(r.value) for r in records]
    assert [a.article.id for a in alerts] == ["wire-1"]
    assert rt.metrics.events_too_old.labels("assassination_attempt")._value.get() == 1
