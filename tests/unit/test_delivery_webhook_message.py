from __future__ import annotations

from datetime import timedelta, timezone

import orjson

from agents.core.delivery.webhook_message import MAX_BODY_BYTES, event_type_for, webhook_body, webhook_id

try:
    from status_table import NOW, make_alert
except ImportError:
    from tests.unit.status_table import NOW, make_alert


def test_webhook_id_is_stable_and_distinct() -> None:
    first = webhook_id("ev_7f3a", 1, "sub_1")
    assert first == webhook_id("ev_7f3a", 1, "sub_1")
    assert first.startswith("msg_") and len(first) == 36
    assert len({first, webhook_id("ev_7f3a", 2, "sub_1"), webhook_id("ev_7f3a", 1, "sub_2")}) == 3


def test_webhook_id_fixed_value() -> None:
    # sha256("ev_7f3a\n1\nsub_1")[:32]
    import hashlib

    assert webhook_id("ev_7f3a", 1, "sub_1") == "msg_" + hashlib.sha256(b"ev_7f3a\n1\nsub_1").hexdigest()[:32]


def test_body_created_for_first_revision() -> None:
    alert = make_alert()
    parsed = orjson.loads(webhook_body(alert, now=NOW + timedelta(seconds=3)))
    assert parsed["type"] == "alert.created"
    assert parsed["timestamp"] == "2026-11-27T16:38:03Z"
    assert parsed["data"] == alert.model_dump(mode="json")
    assert list(parsed) == ["type", "timestamp", "data"]


def test_body_updated_for_later_revisions_and_explicit_type() -> None:
    alert = make_alert(revision=3, reason="casualties_rose")
    assert event_type_for(alert) == "alert.updated"
    assert orjson.loads(webhook_body(alert, now=NOW))["type"] == "alert.updated"
    assert orjson.loads(webhook_body(alert, now=NOW, event_type="alert.created"))["type"] == "alert.created"


def test_timestamp_is_utc_whatever_the_input_zone() -> None:
    local = NOW.astimezone(timezone(timedelta(hours=-5)))
    assert orjson.loads(webhook_body(make_alert(), now=local))["timestamp"] == "2026-11-27T16:38:00Z"


def test_huge_evidence_is_trimmed_under_the_size_limit() -> None:
    alert = make_alert(evidence=["x" * 3000] * 40, summary="s" * 50_000)
    body = webhook_body(alert, now=NOW)
    assert len(body) <= MAX_BODY_BYTES
    data = orjson.loads(body)["data"]
    assert data["truncated"] is True
    assert data["evidence"] == ["x" * 500] * 5
    assert len(data["summary"]) == 2000


def test_normal_body_is_not_marked_truncated() -> None:
    assert "truncated" not in orjson.loads(webhook_body(make_alert(), now=NOW))["data"]
