"""The Slack Web API notifier against a real Slack-like HTTP server on 127.0.0.1: the calls in
order through the pinned, SSRF-checked POST, and Slack's answers read as the core says."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr

from agents.core.delivery.outcome import DeliveryOutcome
from agents.core.delivery.render import render
from agents.core.delivery.subscriptions import Subscription
from agents.core.delivery.targets import parse_allowed
from agents.notifiers.slack_api import SlackApiNotifier
from tests.e2e.slack_like import SlackApiLike

try:
    from delivery_fixtures import sub, task
    from status_table import NOW
except ImportError:
    from tests.unit.delivery_fixtures import sub, task
    from tests.unit.status_table import NOW


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as c:
        yield c


def api_sub(slack: SlackApiLike, token: str | None = None) -> Subscription:
    return sub(
        "sub_api", "slack_api", url=slack.url, channel=slack.channel, token=SecretStr(token or slack.token)
    )


def notifier(client: httpx.AsyncClient) -> SlackApiNotifier:
    return SlackApiNotifier(client, clock=lambda: NOW, allowed_networks=parse_allowed("loopback"))


async def test_post_then_edit_and_reply_in_the_thread(client: httpx.AsyncClient) -> None:
    async with SlackApiLike() as slack:
        s = api_sub(slack)
        first = await notifier(client).send(s.url, render((task("ev_1", 1, s),), s, NOW))
        assert first.outcome is DeliveryOutcome.OK and first.thread is not None
        [parent] = slack.top_level
        assert (first.thread.channel, first.thread.ts) == (slack.channel, parent.ts)

        second = await notifier(client).send(s.url, render((task("ev_1", 2, s),), s, NOW, first.thread))
        assert second.outcome is DeliveryOutcome.OK and second.thread == first.thread
        assert [c.method for c in slack.calls] == ["chat.postMessage", "chat.update", "chat.postMessage"]
        [reply] = slack.replies(parent.ts)
        assert len(slack.top_level) == 1 and len(parent.edits) == 1
        assert "revision 2" in reply.content


async def test_a_wrong_token_disables_and_a_rate_limit_retries(client: httpx.AsyncClient) -> None:
    async with SlackApiLike(min_interval_s=60) as slack:
        bad = api_sub(slack, token="xoxb-not-the-right-one")
        result = await notifier(client).send(bad.url, render((task("ev_1", 1, bad),), bad, NOW))
        assert (result.outcome, result.status) == (DeliveryOutcome.DISABLE, 200)
        assert "invalid_auth" in result.reason and "xoxb" not in result.reason
        s = api_sub(slack)
        limited = await notifier(client).send(s.url, render((task("ev_2", 1, s),), s, NOW))
        assert (limited.outcome, limited.status, limited.retry_after_s) == (DeliveryOutcome.RETRY, 429, 1.0)
        assert slack.messages == {}


async def test_loopback_api_root_refused_unless_allowed(client: httpx.AsyncClient) -> None:
    async with SlackApiLike() as slack:
        s = api_sub(slack)
        plain = SlackApiNotifier(client, clock=lambda: NOW)  # no TOCSIN_ALLOW_PRIVATE_TARGETS
        result = await plain.send(s.url, render((task("ev_1", 1, s),), s, NOW))
        assert result.outcome is DeliveryOutcome.GIVE_UP
        assert result.reason.startswith("slack_api refused: loopback address")
        assert slack.calls == []
