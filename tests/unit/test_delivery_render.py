"""Rendering per channel, and every kind wired everywhere it must be (channel, renderer, notifier)."""

from __future__ import annotations

from typing import get_args

import orjson
import pytest

from agents.core.delivery.channels import CHANNELS
from agents.core.delivery.kind import Kind
from agents.core.delivery.render import RENDERERS, render
from agents.core.delivery.signing import verify
from agents.notifiers import NOTIFIERS

try:
    from delivery_fixtures import SECRET, sub, task
    from status_table import NOW
except ImportError:
    from tests.unit.delivery_fixtures import SECRET, sub, task
    from tests.unit.status_table import NOW


def test_every_kind_has_a_channel_a_renderer_and_a_notifier() -> None:
    kinds = set(get_args(Kind))
    assert set(CHANNELS) == set(RENDERERS) == set(NOTIFIERS) == kinds
    assert all(cls.kind == kind for kind, cls in NOTIFIERS.items())


def test_a_webhook_message_is_signed_for_its_webhook_id() -> None:
    s = sub("sub_w")
    t = task(subscription=s)
    message = render((t,), s, NOW)
    assert message.headers["Content-Type"] == "application/json"
    assert message.headers["webhook-id"] == t.webhook_id
    verify(message.body, message.headers, SECRET, now=NOW)
    assert orjson.loads(message.body)["data"]["id"] == t.alert.id


def test_a_webhook_message_is_one_task() -> None:
    s = sub("sub_w")
    with pytest.raises(ValueError):
        render((task("ev_1", subscription=s), task("ev_2", subscription=s)), s, NOW)


def test_slack_renders_one_message_or_a_digest() -> None:
    s = sub("sub_s", kind="slack")
    one = orjson.loads(render((task("ev_1", subscription=s),), s, NOW).body)
    many = render(tuple(task(f"ev_{i}", subscription=s) for i in range(3)), s, NOW)
    assert many.headers["Content-Type"] == "application/json; charset=utf-8"
    assert orjson.loads(many.body)["text"].startswith("3 alerts")
    assert not one["text"].startswith("1 alerts")
