"""The deliveries topic's records and the events record: codecs round-trip, foreign bytes refused."""

from __future__ import annotations

import orjson
import pytest

from agents.core.delivery.records import DeadLetter, Done, Replay, Schedule, decode, encode
from agents.core.delivery.tasks import Final
from agents.core.detector import detect
from agents.core.event_record import EventRecord
from agents.core.models import Article

try:
    from delivery_fixtures import task
    from status_table import NOW
except ImportError:
    from tests.unit.delivery_fixtures import task
    from tests.unit.status_table import NOW


def test_each_record_round_trips() -> None:
    t = task()
    for record in (Schedule(task=t), Replay(task=t), Done(final=Final.EXHAUSTED, attempts=8, at=NOW)):
        assert decode(encode(record)) == record


def test_wire_format_is_the_one_the_worker_always_wrote() -> None:
    # Records written before the typed codec (orjson of plain dicts) still decode.
    t = task()
    old_schedule = orjson.dumps({"op": "schedule", "task": t.model_dump(mode="json")})
    old_done = orjson.dumps({"op": "done", "final": "delivered", "attempts": 1, "at": NOW.isoformat()})
    assert decode(old_schedule) == Schedule(task=t)
    assert decode(old_done) == Done(final=Final.DELIVERED, attempts=1, at=NOW)
    assert orjson.loads(encode(Schedule(task=t)))["op"] == "schedule"


@pytest.mark.parametrize(
    "raw", [b"{not json", b'{"op": "schedule"}', b'{"op": "launch", "task": {}}', b"[1]", b"\xff"]
)
def test_foreign_records_are_refused(raw: bytes) -> None:
    with pytest.raises(ValueError):
        decode(raw)


def test_dead_letter_round_trips() -> None:
    dead = DeadLetter(final=Final.GAVE_UP, reason="webhook http 400", task=task())
    assert DeadLetter.decode(dead.encode()) == dead


def test_event_record_carries_its_key_and_leaves_html_out() -> None:
    article = Article(
        id="a1",
        title="Gunmen ambush governor's convoy",
        text="Gunmen opened fire on the convoy of Governor Ade Bello near Kaduna, Nigeria, on Tuesday, "
        "police said. Two bodyguards were wounded.",
        html="<p>raw</p>",
    )
    [event] = detect(article.title, article.text)
    rec = EventRecord(key="assassination_attempt|NG", article=article, event=event, received_at=NOW)
    key, value = rec.to_kafka()
    assert key == b"assassination_attempt|NG"
    assert "html" not in orjson.loads(value)["article"] and "key" not in orjson.loads(value)
    back = EventRecord.from_kafka(key, value)
    assert back.key == rec.key and back.event == event and back.received_at == NOW
    assert back.article.html is None and back.article.text == article.text


@pytest.mark.parametrize("key,value", [(None, b"{}"), (b"k", None), (b"k", b"[]"), (b"k", b'{"event": 1}')])
def test_event_record_refuses_foreign_records(key: bytes | None, value: bytes | None) -> None:
    with pytest.raises(ValueError):
        EventRecord.from_kafka(key, value)
