"""Two stories alerted apart, then a report that shows they are one event: the absorbed alert's
last revision says `merged` and names the alert the event continues under, on the real broker,
to a signed webhook (default `updates: escalations`) and to a Slack incoming webhook."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from streams.local import WorkerProcess
from streams.produce import send_articles
from streams.receiver import Receiver
from streams.settings import Settings
from streams.topics import ensure_topics
from tests.e2e.slack_like import SlackLike
from tests.support import BRIDGED_PROTEST, new_secret, outlet_reports

X, Y, Z = outlet_reports(datetime.now(UTC) - timedelta(hours=40), BRIDGED_PROTEST)


async def test_a_bridging_report_merges_two_alerted_stories_with_a_merged_revision(
    e2e_settings: Settings, start_worker: Callable[..., WorkerProcess]
) -> None:
    secret = new_secret()
    await ensure_topics(e2e_settings)
    async with Receiver(secret) as hook, SlackLike(min_interval_s=0) as slack:
        worker = start_worker(
            [
                {"id": "sub_hook", "url": hook.url, "secret": secret},
                {"id": "sub_slack", "kind": "slack", "url": slack.url, "updates": "all"},
            ],
            TOCSIN_SLACK_MIN_INTERVAL_S="0",
        )
        await worker.wait_ready()
        # x and y first, each alerted on its own; then z, which links them.
        for n, article in enumerate((X, Y), start=1):
            await send_articles(e2e_settings, [article], partition=0)
            assert await hook.wait_for(lambda r, n=n: len(r) >= n, timeout=40)
        await send_articles(e2e_settings, [Z], partition=0)
        assert await hook.wait_for(lambda r: len(r) >= 4, timeout=40)
        assert await slack.wait_for(lambda p: len(p) >= 4, timeout=20)
        await hook.wait_for(lambda r: len(r) >= 5, timeout=3)  # nothing more may come

    bodies = [r.json for r in hook.delivered]
    created = [b["data"] for b in bodies if b["type"] == "alert.created"]
    assert [a["article"]["id"] for a in created] == ["x", "y"]
    older, newer = (a["id"] for a in created)
    updates = {b["data"]["id"]: b["data"] for b in bodies if b["type"] == "alert.updated"}
    assert set(updates) == {older, newer} and len(bodies) == 4
    # x's story (the older) keeps its id and gains y's toll; y's ends pointing at it.
    assert (updates[older]["revision"], updates[older]["reason"]) == (2, "casualties_rose")
    assert updates[older]["casualties"]["injured"] == 7 and updates[older]["sources"]["count"] == 3
    notice = updates[newer]
    assert (notice["revision"], notice["reason"], notice["merged_into"]) == (2, "merged", older)
    assert notice["sources"]["count"] == 3
    posts = " ".join(p.content for p in slack.accepted)
    assert f"2 (merged), continues as {older}" in posts
