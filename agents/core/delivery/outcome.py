"""What a delivery attempt's answer means: OK, RETRY, GIVE_UP (this message) or DISABLE (the endpoint).

The table, from the Standard Webhooks spec and Slack's incoming-webhook docs:

    2xx               OK (Slack: only 200 with body "ok"; any other 2xx answer is GIVE_UP)
    3xx               GIVE_UP: redirects are not followed, since a redirect could lead past the
                      SSRF check, and retrying gets the same redirect; the owner must fix the URL
    410               DISABLE: the endpoint (or Slack channel) is gone for good
    429, 502-504      RETRY, honouring Retry-After (seconds or HTTP-date; Slack: JSON `retry_after`)
    other 5xx         RETRY
    other 4xx         GIVE_UP
    timeout/transport RETRY (`classify_exception`)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum

from agents.core.delivery.kind import Kind
from agents.core.delivery.thread import SlackThread

THROTTLE_STATUSES = frozenset({429, 502, 503, 504})
_REASON_BODY_CHARS = 200


class DeliveryOutcome(StrEnum):
    OK = "ok"
    RETRY = "retry"
    GIVE_UP = "give_up"
    DISABLE = "disable"


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    outcome: DeliveryOutcome
    status: int | None
    retry_after_s: float | None
    reason: str
    thread: SlackThread | None = None  # Slack Web API: the thread the message went to


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None if absent or bad."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT
        return None
    return max(0.0, (when - now).total_seconds())


def _slack_retry_after(body: str | None) -> float | None:
    # Slack's 429 body: {"ok":false,"error":"rate_limited","retry_after":1}
    if not body:
        return None
    try:
        parsed = json.loads(body)
    except ValueError:
        return None
    value = parsed.get("retry_after") if isinstance(parsed, dict) else None
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return float(value)
    return None


def _snippet(body: str | None) -> str:
    text = (body or "").strip()
    return text[:_REASON_BODY_CHARS]


def classify_response(
    status: int,
    headers_retry_after: str | None,
    body: str | None,
    *,
    kind: Kind = "webhook",
    now: datetime,
) -> DeliveryResult:
    """Map one HTTP answer to an outcome (see the module table)."""
    detail = _snippet(body)
    label = f"{kind} http {status}" + (f": {detail}" if detail else "")

    def result(outcome: DeliveryOutcome, retry_after: float | None = None) -> DeliveryResult:
        return DeliveryResult(outcome=outcome, status=status, retry_after_s=retry_after, reason=label)

    if 200 <= status < 300:
        if kind == "slack" and (status != 200 or detail != "ok"):
            return result(DeliveryOutcome.GIVE_UP)
        return result(DeliveryOutcome.OK)
    if 300 <= status < 400:
        return DeliveryResult(
            outcome=DeliveryOutcome.GIVE_UP,
            status=status,
            retry_after_s=None,
            reason=f"{kind} http {status}: redirect not followed; update the subscription url",
        )
    if status == 410:
        return result(DeliveryOutcome.DISABLE)
    if status in THROTTLE_STATUSES:
        retry_after = parse_retry_after(headers_retry_after, now=now)
        if retry_after is None and kind == "slack":
            retry_after = _slack_retry_after(body)
        return result(DeliveryOutcome.RETRY, retry_after)
    if status >= 500:
        return result(DeliveryOutcome.RETRY)
    return result(DeliveryOutcome.GIVE_UP)


def classify_exception(exc: BaseException, *, kind: Kind = "webhook") -> DeliveryResult:
    """A timeout or transport error: retry. Only the type is kept, as messages can carry URLs."""
    return DeliveryResult(
        outcome=DeliveryOutcome.RETRY,
        status=None,
        retry_after_s=None,
        reason=f"{kind} transport error: {type(exc).__name__}",
    )


def refused(reason: str, *, kind: Kind = "webhook") -> DeliveryResult:
    """The target or URL is unusable (SSRF refusal, malformed URL): retrying will not help."""
    return DeliveryResult(
        outcome=DeliveryOutcome.GIVE_UP, status=None, retry_after_s=None, reason=f"{kind} refused: {reason}"
    )
