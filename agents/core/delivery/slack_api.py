"""Slack Web API delivery: one thread per alert (a bot token and a channel, kind `slack_api`).

    revision with no thread yet   chat.postMessage                 -> its (channel, ts) is the thread
    a later revision              chat.update of the parent         (the latest state, edited in place)
                                  chat.postMessage with thread_ts   (what changed: the reply notifies)

The thread comes from the ledger entries of the alert's earlier revisions to the same
subscription (`thread_parent`): they share the deliveries partition (`tasks.partition_key`), so it
survives restarts and rebalances with the rest of the ledger. The edit comes first because it is
idempotent: a retry after a failed reply edits again and replies once, where the other order could
reply twice. An edit Slack refuses for that message (deleted, too old) does not stop the reply.

Answers are HTTP 200 `{"ok": true, "channel", "ts", ...}` or `{"ok": false, "error"}`; 429 is
`ratelimited` with Retry-After (`classify_answer`). Pure: the notifier does the HTTP.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

import orjson

from agents.core.delivery.outcome import DeliveryOutcome, DeliveryResult, classify_response
from agents.core.delivery.slack_blocks import slack_message, update_reply
from agents.core.delivery.subscriptions import Subscription
from agents.core.delivery.tasks import DeliveryTask
from agents.core.delivery.thread import SlackThread
from agents.core.delivery.webhook_message import webhook_id

Method = Literal["chat.postMessage", "chat.update"]

# Slack's documented transient errors: try again later.
RETRY_ERRORS = frozenset(
    {"ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
# The token or the channel is unusable: every later message would fail alike, so the subscription
# is disabled (like a webhook's 410) rather than each alert given up on one by one.
DISABLE_ERRORS = frozenset(
    {
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "token_expired",
        "no_permission",
        "missing_scope",
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "team_access_not_granted",
        "ekm_access_denied",
    }
)
# chat.update refusals about that one message: the reply still goes out.
EDIT_REFUSALS = frozenset({"message_not_found", "cant_update_message", "edit_window_closed"})
_ERROR_CHARS = 80


@dataclass(frozen=True, slots=True)
class ApiCall:
    method: Method
    body: bytes


@dataclass(frozen=True, slots=True)
class ApiRequest:
    """The calls for one delivery, in order; `headers` carry the bot token (kept out of repr)."""

    calls: tuple[ApiCall, ...]
    parent: SlackThread | None
    headers: Mapping[str, str] = field(repr=False)


@dataclass(frozen=True, slots=True)
class ApiAnswer:
    result: DeliveryResult
    error: str | None = None  # Slack's `error` code when `ok` was false


def thread_parent(task: DeliveryTask, thread_of: Callable[[str], SlackThread | None]) -> SlackThread | None:
    """The thread of the latest earlier revision that has one (`thread_of(webhook_id)` reads the
    ledger). None: this revision opens the thread (the first, or every earlier one failed)."""
    for revision in range(task.alert.revision - 1, 0, -1):
        thread = thread_of(webhook_id(task.alert.id, revision, task.subscription_id))
        if thread is not None:
            return thread
    return None


def _call(method: Method, payload: dict[str, Any]) -> ApiCall:
    return ApiCall(method, orjson.dumps(payload))


def api_request(tasks: Sequence[DeliveryTask], sub: Subscription, parent: SlackThread | None) -> ApiRequest:
    """The calls that deliver one alert revision to a `slack_api` subscription."""
    [task] = tasks
    if sub.token is None or sub.channel is None:
        raise ValueError("a slack_api subscription needs a channel and a token")
    headers = {
        "Authorization": f"Bearer {sub.token.get_secret_value()}",
        "Content-Type": "application/json; charset=utf-8",
    }
    message = slack_message(task.alert)
    calls: tuple[ApiCall, ...]
    if parent is None:
        calls = (_call("chat.postMessage", {"channel": sub.channel, **message}),)
    else:
        edit = {k: v for k, v in message.items() if not k.startswith("unfurl_")}
        calls = (
            _call("chat.update", {"channel": parent.channel, "ts": parent.ts, **edit}),
            _call(
                "chat.postMessage",
                {"channel": parent.channel, "thread_ts": parent.ts, **update_reply(task.alert)},
            ),
        )
    return ApiRequest(calls, parent, headers)


def classify_answer(
    method: Method, status: int, retry_after: str | None, body: str | None, *, now: datetime
) -> ApiAnswer:
    """One Web API answer: a 2xx is judged by its JSON `ok`/`error`, anything else by the status
    table (`outcome.classify_response`: 429 and 5xx retry, honouring Retry-After)."""
    if not 200 <= status < 300:
        return ApiAnswer(classify_response(status, retry_after, body, kind="slack_api", now=now))

    def result(outcome: DeliveryOutcome, reason: str, thread: SlackThread | None = None) -> DeliveryResult:
        return DeliveryResult(outcome, status, None, f"slack_api {method}: {reason}", thread)

    try:
        data = json.loads(body or "")
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("ok"), bool):
        return ApiAnswer(result(DeliveryOutcome.GIVE_UP, "the answer is not Slack's JSON"))
    if data["ok"]:
        channel, ts = data.get("channel"), data.get("ts")
        thread = (
            SlackThread(channel=channel, ts=ts) if isinstance(channel, str) and isinstance(ts, str) else None
        )
        return ApiAnswer(result(DeliveryOutcome.OK, "ok", thread))
    error = str(data.get("error") or "unknown_error")[:_ERROR_CHARS]
    if error in RETRY_ERRORS:
        outcome = DeliveryOutcome.RETRY
    elif error in DISABLE_ERRORS:
        outcome = DeliveryOutcome.DISABLE
    else:  # the message itself (invalid_blocks, msg_too_long, ...): sending it again cannot help
        outcome = DeliveryOutcome.GIVE_UP
    return ApiAnswer(result(outcome, error), error)


def advance(request: ApiRequest, answers: Sequence[ApiAnswer]) -> ApiCall | DeliveryResult:
    """The next call to make, or the delivery's result: the first failure that matters, or OK with
    the thread (the parent's, or the new top-level message's)."""
    for call, answer in zip(request.calls, answers, strict=False):
        tolerated = call.method == "chat.update" and answer.error in EDIT_REFUSALS
        if answer.result.outcome is not DeliveryOutcome.OK and not tolerated:
            return answer.result
    if len(answers) < len(request.calls):
        return request.calls[len(answers)]
    last = answers[-1].result
    return replace(last, thread=request.parent or last.thread)
