"""The one status-code table every delivery test uses (after Alertmanager's notify/test RetryTests).

Each row: what a receiver answers, and what the webhook and Slack classifications must make of it
as (outcome, retry_after_s). Rows are evaluated with `NOW` as the clock, so HTTP-date Retry-After
values give exact seconds. Also a sample `Alert` builder shared by the delivery tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from agents.core.delivery.outcome import DeliveryOutcome
from agents.core.models import Alert

OK = DeliveryOutcome.OK
RETRY = DeliveryOutcome.RETRY
GIVE_UP = DeliveryOutcome.GIVE_UP
DISABLE = DeliveryOutcome.DISABLE

NOW = datetime(2026, 11, 27, 16, 38, 0, tzinfo=UTC)
SLACK_RATE_LIMITED = '{"ok":false,"error":"rate_limited","retry_after":1}'


@dataclass(frozen=True)
class StatusCase:
    id: str
    status: int
    body: str
    webhook: tuple[DeliveryOutcome, float | None]
    slack: tuple[DeliveryOutcome, float | None]
    retry_after: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


STATUS_CASES: list[StatusCase] = [
    StatusCase("200-ok", 200, "ok", (OK, None), (OK, None)),
    StatusCase("200-empty", 200, "", (OK, None), (GIVE_UP, None)),
    StatusCase("200-slack-error-body", 200, "no_text", (OK, None), (GIVE_UP, None)),
    StatusCase("201", 201, "", (OK, None), (GIVE_UP, None)),
    StatusCase("204", 204, "", (OK, None), (GIVE_UP, None)),
    StatusCase("301", 301, "", (GIVE_UP, None), (GIVE_UP, None), headers={"Location": "/moved"}),
    StatusCase("302", 302, "", (GIVE_UP, None), (GIVE_UP, None), headers={"Location": "/moved"}),
    StatusCase("307", 307, "", (GIVE_UP, None), (GIVE_UP, None), headers={"Location": "/moved"}),
    StatusCase("308", 308, "", (GIVE_UP, None), (GIVE_UP, None), headers={"Location": "/moved"}),
    StatusCase("400", 400, "invalid_payload", (GIVE_UP, None), (GIVE_UP, None)),
    StatusCase("401", 401, "", (GIVE_UP, None), (GIVE_UP, None)),
    StatusCase("403", 403, "action_prohibited", (GIVE_UP, None), (GIVE_UP, None)),
    StatusCase("404", 404, "channel_not_found", (GIVE_UP, None), (GIVE_UP, None)),
    StatusCase("408", 408, "", (GIVE_UP, None), (GIVE_UP, None)),
    StatusCase("410", 410, "channel_is_archived", (DISABLE, None), (DISABLE, None)),
    StatusCase("413", 413, "", (GIVE_UP, None), (GIVE_UP, None)),
    StatusCase("422", 422, "", (GIVE_UP, None), (GIVE_UP, None)),
    StatusCase("429-no-header", 429, "", (RETRY, None), (RETRY, None)),
    StatusCase("429-seconds", 429, "", (RETRY, 7.0), (RETRY, 7.0), retry_after="7"),
    StatusCase(
        "429-http-date", 429, "", (RETRY, 120.0), (RETRY, 120.0), retry_after="Fri, 27 Nov 2026 16:40:00 GMT"
    ),
    StatusCase(
        "429-past-date", 429, "", (RETRY, 0.0), (RETRY, 0.0), retry_after="Fri, 27 Nov 2026 16:00:00 GMT"
    ),
    StatusCase("429-garbage", 429, "", (RETRY, None), (RETRY, None), retry_after="soon"),
    StatusCase("429-slack-json", 429, SLACK_RATE_LIMITED, (RETRY, None), (RETRY, 1.0)),
    StatusCase("429-header-wins", 429, SLACK_RATE_LIMITED, (RETRY, 30.0), (RETRY, 30.0), retry_after="30"),
    StatusCase("500", 500, "", (RETRY, None), (RETRY, None)),
    StatusCase("500-ignores-retry-after", 500, "", (RETRY, None), (RETRY, None), retry_after="30"),
    StatusCase("501", 501, "", (RETRY, None), (RETRY, None)),
    StatusCase("502", 502, "", (RETRY, 30.0), (RETRY, 30.0), retry_after="30"),
    StatusCase("503", 503, "", (RETRY, 120.0), (RETRY, 120.0), retry_after="120"),
    StatusCase("504", 504, "", (RETRY, None), (RETRY, None)),
    StatusCase("599", 599, "", (RETRY, None), (RETRY, None)),
]


def case_ids(cases: list[StatusCase]) -> list[str]:
    return [c.id for c in cases]


def make_alert(**overrides: Any) -> Alert:
    data: dict[str, Any] = {
        "id": "ev_7f3a",
        "revision": 1,
        "reason": "first_report",
        "event_type": "assassination_attempt",
        "severity": {"score": 91, "level": "critical", "factors": []},
        "title": "Drone attack on Iraqi prime minister's residence",
        "summary": "An armed drone struck the residence of the prime minister in Baghdad's Green Zone.",
        "confidence": 0.93,
        "outcome": "unharmed",
        "entities": {
            "target": {"name": "Mustafa al-Kadhimi", "role": "Prime Minister"},
            "places": [{"name": "Baghdad", "country_code": "IQ"}],
            "weapons": ["drone", "explosives"],
        },
        "casualties": {"killed": 0, "injured": 7},
        "evidence": ["Seven of his guards were injured in the attack."],
        "article": {
            "id": "a_1",
            "title": "Drone hits PM residence",
            "url": "https://news.example/pm-drone",
            "source": "news.example",
        },
        "detected_at": NOW,
        "first_seen_at": NOW,
    }
    data.update(overrides)
    return Alert.model_validate(data)
