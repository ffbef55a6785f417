from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from pydantic import SecretStr, ValidationError

from agents.core.delivery.subscriptions import (
    MatchReason,
    MatchResult,
    Subscription,
    SubscriptionRequest,
    disable,
    matches,
    new_subscription,
)
from agents.core.models import Level

try:
    from status_table import NOW, make_alert
except ImportError:
    from tests.unit.status_table import NOW, make_alert

SECRET_BYTES = bytes(range(32))
SECRET = "whsec_" + base64.b64encode(SECRET_BYTES).decode()
SLACK_URL = "https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX"


def _request(**overrides: Any) -> SubscriptionRequest:
    data: dict[str, Any] = {"kind": "webhook", "url": "https://example.com/hook", "name": "desk"}
    data.update(overrides)
    return SubscriptionRequest.model_validate(data)


def _sub(**overrides: Any) -> Subscription:
    request = _request(**overrides)
    secret = SECRET_BYTES if request.kind == "webhook" else None
    return new_subscription(request, sub_id="sub_1", now=NOW, secret_bytes=secret)


def test_defaults() -> None:
    req = _request()
    assert (req.event_types, req.min_level, req.countries, req.keywords) == ([], Level.INFO, [], [])


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"url": "ftp://example.com/x"}, "url must use http or https"),
        ({"url": "javascript:alert(1)"}, "url must use http or https"),
        ({"url": "https://"}, "url must have a host"),
        ({"url": "https://user:pw@example.com/x"}, "url must not contain user info"),
        ({"min_level": "severe"}, "min_level"),
        ({"event_types": ["earthquake"]}, "event_types.0"),
        ({"kind": "email"}, "kind"),
        ({"countries": ["IRQ"]}, "ISO 3166-1 alpha-2"),
        ({"countries": ["1Q"]}, "ISO 3166-1 alpha-2"),
        ({"keywords": ["  "]}, "keywords must not be empty"),
        ({"name": ""}, "name"),
        ({"colour": "red"}, "Extra inputs are not permitted"),
    ],
)
def test_validation_errors(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _request(**overrides)


def test_countries_normalised() -> None:
    assert _request(countries=[" iq", "Sy"]).countries == ["IQ", "SY"]


def test_new_webhook_subscription_has_a_deterministic_secret() -> None:
    sub = _sub()
    assert sub.secret is not None and sub.secret.get_secret_value() == SECRET
    assert (sub.id, sub.created_at, sub.enabled, sub.disabled_reason) == ("sub_1", NOW, True, None)


def test_secret_size_enforced() -> None:
    with pytest.raises(ValueError, match="24 to 64 bytes"):
        new_subscription(_request(), sub_id="s", now=NOW, secret_bytes=b"short")
    with pytest.raises(ValueError, match="needs secret_bytes"):
        new_subscription(_request(), sub_id="s", now=NOW, secret_bytes=None)


def test_slack_subscription_has_no_secret() -> None:
    sub = _sub(kind="slack", url=SLACK_URL)
    assert sub.secret is None
    with pytest.raises(ValidationError, match="a slack subscription has no signing secret"):
        Subscription(**sub.model_dump(exclude={"secret"}), secret=SecretStr(SECRET))


def test_secret_never_in_public_view_repr_or_json_dump() -> None:
    sub = _sub()
    public = sub.public_dict()
    assert "secret" not in public
    assert public == {
        "kind": "webhook",
        "url": "https://example.com/hook",
        "name": "desk",
        "event_types": [],
        "min_level": "info",
        "countries": [],
        "keywords": [],
        "updates": "escalations",
        "id": "sub_1",
        "created_at": "2026-11-27T16:38:00Z",
        "enabled": True,
        "disabled_reason": None,
    }
    base64_part = SECRET.removeprefix("whsec_")
    assert base64_part not in repr(sub)
    assert base64_part not in str(sub)
    assert base64_part not in sub.model_dump_json()
    assert base64_part not in json.dumps(public)


def test_slack_url_token_masked_in_public_view() -> None:
    sub = _sub(kind="slack", url=SLACK_URL)
    assert sub.public_dict()["url"] == "https://hooks.slack.com/***"
    assert sub.url == SLACK_URL


def test_disable_keeps_everything_else() -> None:
    sub = disable(_sub(), "webhook http 410")
    assert (sub.enabled, sub.disabled_reason, sub.id) == (False, "webhook http 410", "sub_1")
    assert matches(sub, make_alert()) == MatchResult(matched=False, reason=MatchReason.DISABLED)


@pytest.mark.parametrize(
    ("sub_overrides", "alert_overrides", "expected"),
    [
        ({}, {}, MatchReason.MATCHED),
        ({"event_types": ["assassination_attempt"]}, {}, MatchReason.MATCHED),
        ({"event_types": ["protest_violence"]}, {}, MatchReason.EVENT_TYPE),
        ({"min_level": "critical"}, {}, MatchReason.MATCHED),
        ({"min_level": "high"}, {"severity": {"score": 65, "level": "high"}}, MatchReason.MATCHED),
        (
            {"min_level": "critical"},
            {"severity": {"score": 65, "level": "high"}},
            MatchReason.LEVEL_BELOW_MIN,
        ),
        ({"min_level": "low"}, {"severity": {"score": 5, "level": "info"}}, MatchReason.LEVEL_BELOW_MIN),
        ({"countries": ["IQ"]}, {}, MatchReason.MATCHED),
        ({"countries": ["SY", "IQ"]}, {}, MatchReason.MATCHED),
        ({"countries": ["SY"]}, {}, MatchReason.COUNTRY),
        ({"countries": ["IQ"]}, {"entities": {"places": [{"name": "Somewhere"}]}}, MatchReason.COUNTRY),
        ({"keywords": ["DRONE"]}, {}, MatchReason.MATCHED),
        ({"keywords": ["green zone"]}, {}, MatchReason.MATCHED),
        ({"keywords": ["guards"]}, {}, MatchReason.MATCHED),  # only in evidence
        ({"keywords": ["riot", "tear gas"]}, {}, MatchReason.KEYWORD),
        ({"keywords": ["residen"]}, {}, MatchReason.KEYWORD),  # whole words only
        ({"keywords": ["riot"]}, {"title": "Patriot missile test"}, MatchReason.KEYWORD),
        # Updates: escalations by default; a further source alone only with "all"; none at all.
        ({}, {"revision": 2, "reason": "casualties_rose"}, MatchReason.MATCHED),
        ({}, {"revision": 3, "reason": "corroborated"}, MatchReason.NOT_ESCALATION),
        ({"updates": "all"}, {"revision": 3, "reason": "corroborated"}, MatchReason.MATCHED),
        ({"updates": "none"}, {"revision": 2, "reason": "outcome_changed"}, MatchReason.UPDATES_OFF),
        ({"updates": "none"}, {}, MatchReason.MATCHED),
        # The first failing filter is the reason.
        ({"event_types": ["protest_violence"], "countries": ["SY"]}, {}, MatchReason.EVENT_TYPE),
        (
            {"min_level": "critical", "countries": ["SY"]},
            {"severity": {"score": 1, "level": "info"}},
            MatchReason.LEVEL_BELOW_MIN,
        ),
    ],
)
def test_matching(
    sub_overrides: dict[str, Any], alert_overrides: dict[str, Any], expected: MatchReason
) -> None:
    result = matches(_sub(**sub_overrides), make_alert(**alert_overrides))
    assert result == MatchResult(matched=expected is MatchReason.MATCHED, reason=expected)
    assert bool(result) is (expected is MatchReason.MATCHED)


def test_storage_round_trip_keeps_the_secret() -> None:
    sub = _sub(keywords=["drone"], countries=["IQ"])
    stored = json.loads(json.dumps(sub.storage_dict()))
    assert stored["secret"] == SECRET
    assert Subscription.model_validate(stored) == sub
    assert json.loads(sub.model_dump_json())["secret"] == "**********"
