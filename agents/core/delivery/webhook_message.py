"""The Standard Webhooks message for an alert: a stable id and the JSON body."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any, Literal

import orjson

from agents.core.models import Alert

WebhookEventType = Literal["alert.created", "alert.updated"]

# Standard Webhooks asks for bodies under ~20 KB; evidence is the only unbounded part of an alert.
MAX_BODY_BYTES = 20_000
_TRIMMED_EVIDENCE_ITEMS = 5
_TRIMMED_TEXT_CHARS = 500


def webhook_id(alert_id: str, revision: int, subscription_id: str) -> str:
    """Same on every retry of one revision to one subscriber: the receiver's idempotency key."""
    digest = hashlib.sha256(f"{alert_id}\n{revision}\n{subscription_id}".encode()).hexdigest()
    return "msg_" + digest[:32]


def event_type_for(alert: Alert) -> WebhookEventType:
    return "alert.created" if alert.revision == 1 else "alert.updated"


def _iso(ts: datetime) -> str:
    if ts.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return ts.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _trim(data: dict[str, Any]) -> dict[str, Any]:
    data = dict(data)
    data["evidence"] = [e[:_TRIMMED_TEXT_CHARS] for e in data["evidence"][:_TRIMMED_EVIDENCE_ITEMS]]
    data["summary"] = data["summary"][: _TRIMMED_TEXT_CHARS * 4]
    data["title"] = data["title"][:_TRIMMED_TEXT_CHARS]
    data["truncated"] = True
    return data


def webhook_body(alert: Alert, *, now: datetime, event_type: WebhookEventType | None = None) -> bytes:
    """`{"type", "timestamp", "data"}` as compact JSON; oversize evidence is trimmed, marked `truncated`."""
    envelope: dict[str, Any] = {
        "type": event_type or event_type_for(alert),
        "timestamp": _iso(now),
        "data": alert.model_dump(mode="json"),
    }
    body = orjson.dumps(envelope)
    if len(body) > MAX_BODY_BYTES:
        envelope["data"] = _trim(envelope["data"])
        body = orjson.dumps(envelope)
    return body
