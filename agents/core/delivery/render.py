"""One message per attempt, rendered for its channel: the bytes and headers a notifier POSTs (or,
for the Slack Web API, the calls it makes: `slack_api.ApiRequest`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import orjson

from agents.core.delivery.kind import Kind
from agents.core.delivery.signing import sign
from agents.core.delivery.slack_api import ApiRequest, api_request
from agents.core.delivery.slack_blocks import slack_payload
from agents.core.delivery.subscriptions import Subscription
from agents.core.delivery.tasks import DeliveryTask
from agents.core.delivery.thread import SlackThread
from agents.core.delivery.webhook_message import webhook_body


@dataclass(frozen=True, slots=True)
class Message:
    body: bytes
    headers: Mapping[str, str]


def webhook_message(
    tasks: Sequence[DeliveryTask], sub: Subscription, now: datetime, thread: SlackThread | None = None
) -> Message:
    """A Standard Webhooks message, signed with the subscription's secret (one task per message)."""
    [task] = tasks
    if sub.secret is None:
        raise ValueError("a webhook subscription needs a signing secret")
    body = webhook_body(task.alert, now=now)
    headers = sign(task.webhook_id, now, body, sub.secret.get_secret_value())
    return Message(body, {**headers, "Content-Type": "application/json"})


def slack_message(
    tasks: Sequence[DeliveryTask], sub: Subscription, now: datetime, thread: SlackThread | None = None
) -> Message:
    """One Block Kit message, or a digest of everything due on this incoming webhook."""
    body = orjson.dumps(slack_payload([t.alert for t in tasks]))
    return Message(body, {"Content-Type": "application/json; charset=utf-8"})


def slack_api_request(
    tasks: Sequence[DeliveryTask], sub: Subscription, now: datetime, thread: SlackThread | None = None
) -> ApiRequest:
    """A new top-level message, or (given the alert's thread) an edit of it and a reply in it."""
    return api_request(tasks, sub, thread)


Outbound = Message | ApiRequest
# `thread`: the alert's Slack thread, for channels that keep one (only slack_api reads it).
Renderer = Callable[[Sequence[DeliveryTask], Subscription, datetime, SlackThread | None], Outbound]
RENDERERS: dict[Kind, Renderer] = {
    "webhook": webhook_message,
    "slack": slack_message,
    "slack_api": slack_api_request,
}


def render(
    tasks: Sequence[DeliveryTask], sub: Subscription, now: datetime, thread: SlackThread | None = None
) -> Outbound:
    return RENDERERS[sub.kind](tasks, sub, now, thread)
