from __future__ import annotations

import pytest

from agents.core.delivery.outcome import (
    DeliveryOutcome,
    DeliveryResult,
    classify_exception,
    classify_response,
    parse_retry_after,
    refused,
)

try:
    from status_table import NOW, STATUS_CASES, StatusCase, case_ids
except ImportError:  # tests/unit imported as a package
    from tests.unit.status_table import NOW, STATUS_CASES, StatusCase, case_ids


@pytest.mark.parametrize("case", STATUS_CASES, ids=case_ids(STATUS_CASES))
def test_webhook_classification_follows_the_table(case: StatusCase) -> None:
    result = classify_response(case.status, case.retry_after, case.body, kind="webhook", now=NOW)
    assert (result.outcome, result.retry_after_s) == case.webhook
    assert result.status == case.status


@pytest.mark.parametrize("case", STATUS_CASES, ids=case_ids(STATUS_CASES))
def test_slack_classification_follows_the_table(case: StatusCase) -> None:
    result = classify_response(case.status, case.retry_after, case.body, kind="slack", now=NOW)
    assert (result.outcome, result.retry_after_s) == case.slack
    assert result.status == case.status


def test_reason_carries_status_and_body_snippet() -> None:
    result = classify_response(404, None, "channel_not_found", kind="slack", now=NOW)
    assert result == DeliveryResult(DeliveryOutcome.GIVE_UP, 404, None, "slack http 404: channel_not_found")
    long = classify_response(500, None, "x" * 5000, kind="webhook", now=NOW)
    assert long.reason == "webhook http 500: " + "x" * 200


def test_redirect_reason_says_it_was_not_followed() -> None:
    result = classify_response(301, None, "", kind="webhook", now=NOW)
    assert result.reason == "webhook http 301: redirect not followed; update the subscription url"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("0", 0.0),
        ("  42 ", 42.0),
        ("Fri, 27 Nov 2026 16:38:30 GMT", 30.0),
        ("Fri, 27 Nov 2026 16:00:00 GMT", 0.0),
        ("-5", None),
        ("1.5", None),
        ("tomorrow", None),
        ("", None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == expected


@pytest.mark.parametrize("body", ['{"retry_after": -1}', '{"retry_after": true}', "[1]", "rate_limited"])
def test_slack_body_retry_after_ignores_nonsense(body: str) -> None:
    assert classify_response(429, None, body, kind="slack", now=NOW).retry_after_s is None


def test_exceptions_retry_and_keep_only_the_type() -> None:
    result = classify_exception(TimeoutError("https://hooks.slack.com/services/T/B/SECRET"), kind="slack")
    assert result == DeliveryResult(DeliveryOutcome.RETRY, None, None, "slack transport error: TimeoutError")


def test_refused_gives_up() -> None:
    assert refused("loopback address 127.0.0.1 is not allowed") == DeliveryResult(
        DeliveryOutcome.GIVE_UP, None, None, "webhook refused: loopback address 127.0.0.1 is not allowed"
    )
