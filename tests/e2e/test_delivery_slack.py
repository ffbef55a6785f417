"""Slack delivery against a local Slack-like endpoint that enforces Block Kit limits and 429s bursts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import httpx

from agents.core.delivery.slack_blocks import slack_payload
from agents.core.detector import detect
from agents.core.stories.offline import assemble
from streams.local import WorkerProcess
from streams.produce import send_articles
from streams.settings import Settings
from streams.topics import ensure_topics
from tests.support import SURNAMES, attack_article, attack_articles

from .slack_like import SlackLike, SlackPost


def _missing(posts: list[SlackPost], names: list[str]) -> list[str]:
    seen = " ".join(p.content for p in posts if p.accepted)
    return [n for n in names if n not in seen]


async def test_slack_like_endpoint_enforces_the_limits() -> None:
    """The endpoint itself: a real alert message passes; each broken limit gets 400."""
    article = attack_article(0, "limits")
    reports = [(article, e) for e in detect(article.title, article.text)]
    [decision] = assemble(reports, now=lambda _: datetime.now(UTC))
    assert decision.alert is not None
    good = slack_payload([decision.alert])
    header = {"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}
    section = {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}
    fields = {"type": "section", "fields": [{"type": "mrkdwn", "text": "f"}] * 11}
    context = {"type": "context", "elements": [{"type": "mrkdwn", "text": "c"}] * 11}
    divider = {"type": "divider"}
    bad = [
        {"blocks": [divider]},  # no text
        {"text": "t", "blocks": [header]},
        {"text": "t", "blocks": [{"type": "header", "text": {"type": "mrkdwn", "text": "h"}}]},
        {"text": "t", "attachments": [{"blocks": [section]}]},
        {"text": "t", "blocks": [fields]},
        {"text": "t", "blocks": [{"type": "section", "fields": [{"type": "mrkdwn", "text": "f" * 2001}]}]},
        {"text": "t", "blocks": [context]},
        {"text": "t", "blocks": [divider] * 51},
    ]
    async with SlackLike(min_interval_s=0) as slack, httpx.AsyncClient() as client:
        ok = await client.post(slack.url, json=good)
        assert (ok.status_code, ok.text) == (200, "ok"), slack.posts[-1].problems
        for payload in bad:
            r = await client.post(slack.url, json=payload)
            assert r.status_code == 400 and r.text in ("invalid_payload", "no_text"), payload
    async with SlackLike() as slack, httpx.AsyncClient() as client:
        assert (await client.post(slack.url, json=good)).status_code == 200
        limited = await client.post(slack.url, json=good)
        assert limited.status_code == 429 and limited.headers["retry-after"] == "1"
        assert limited.json() == {"ok": False, "error": "rate_limited", "retry_after": 1}


async def test_slack_burst_is_paced_and_digested(
    e2e_settings: Settings, start_worker: Callable[..., WorkerProcess]
) -> None:
    """A burst of 12 alerts: at most one post per second (no 429 at all), digests instead of
    dropping, every alert named in an accepted message, nothing Slack would reject."""
    n = 12
    await ensure_topics(e2e_settings)
    async with SlackLike() as slack:
        worker = start_worker([{"id": "sub_slack", "kind": "slack", "url": slack.url}])
        await worker.wait_ready()
        await send_articles(e2e_settings, attack_articles(n, "slack"))
        names = list(SURNAMES[:n])
        assert await slack.wait_for(lambda _: not _missing(slack.posts, names), timeout=40), (
            _missing(slack.posts, names),
            [(p.status, p.problems) for p in slack.posts],
        )

    assert not [p.problems for p in slack.posts if p.status == 400]
    assert [p.status for p in slack.posts if p.status != 200] == []
    assert len(slack.accepted) < n, "no digest: one message per alert"
    gaps = [b.at - a.at for a, b in zip(slack.posts, slack.posts[1:], strict=False)]
    assert all(g >= 0.99 for g in gaps), gaps


async def test_slack_429_retry_after_is_honoured_and_nothing_dropped(
    e2e_settings: Settings, start_worker: Callable[..., WorkerProcess]
) -> None:
    """A pacer set too eager (0.2 s) meets Slack's 429 + Retry-After: 1: it waits, digests, and
    every alert still ends up in an accepted message."""
    n = 8
    await ensure_topics(e2e_settings)
    async with SlackLike() as slack:
        worker = start_worker(
            [{"id": "sub_slack", "kind": "slack", "url": slack.url}], TOCSIN_SLACK_MIN_INTERVAL_S="0.2"
        )
        await worker.wait_ready()
        # Two waves, so the eager pacer posts inside the second the first wave's post opened.
        await send_articles(e2e_settings, attack_articles(1, "slack429"))
        assert await slack.wait_for(lambda p: len(p) >= 1, timeout=30)
        await send_articles(e2e_settings, attack_articles(n - 1, "slack429", start=1))
        names = list(SURNAMES[:n])
        assert await slack.wait_for(lambda _: not _missing(slack.posts, names), timeout=40), (
            _missing(slack.posts, names),
            [(p.status, p.problems) for p in slack.posts],
        )

    statuses = [p.status for p in slack.posts]
    assert 429 in statuses, statuses
    assert 400 not in statuses, [p.problems for p in slack.posts]
    for i, post in enumerate(slack.posts[:-1]):
        if post.status == 429:  # Retry-After: 1 honoured, not the 0.2 s pacing
            assert slack.posts[i + 1].at - post.at >= 0.95, statuses
