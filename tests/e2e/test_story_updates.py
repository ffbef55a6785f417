"""Several outlets report one event: one `alert.created`, then the updates each subscriber chose.

The worker runs as a subprocess on the real broker; a signed-webhook receiver keeps the default
`updates: escalations`, a Slack-like endpoint asks for `all`. Reports (hand-written): a first
report, a rising toll from a second outlet that names the target differently, a third outlet
confirming it (corroboration, not an escalation) and a wire copy of the first (nothing new). And
two stories alerted apart that a later report links: the absorbed one's `merged` revision.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

from streams.local import WorkerProcess
from streams.produce import send_articles
from streams.receiver import Receiver
from streams.settings import Settings
from streams.topics import ensure_topics
from tests.e2e.slack_like import SlackLike
from tests.support import BRIDGED_PROTEST, new_secret, outlet_reports

T0 = datetime.now(UTC) - timedelta(hours=3)
X, Y, Z = outlet_reports(datetime.now(UTC) - timedelta(hours=40), BRIDGED_PROTEST)
FIRST = (
    "Gunmen opened fire on the convoy of Kano State Governor Amina Bello-Okafor on Tuesday evening "
    "near Kano, Nigeria, wounding two of her bodyguards, police said. The governor escaped unhurt."
)
REPORTS = outlet_reports(
    T0,
    [
        ("st-1", "Kano Courier", 0, "Gunmen attack Kano governor's convoy", FIRST),
        (
            "st-2",
            "Lagos Ledger",
            60,
            "Police officer killed in ambush on Governor Bello Okafor",
            "An attack on the motorcade of Governor Amina Bello Okafor in Kano, Nigeria, killed one "
            "police officer and wounded five other people on Tuesday, officials said. The governor "
            "was not hurt.",
        ),
        (
            "st-3",
            "Abuja Tribune",
            120,
            "Kano governor survives assassination attempt",
            "Nigerian authorities said on Wednesday that Kano governor Amina Bello-Okafor survived "
            "an assassination attempt when gunmen fired on her convoy in Kano. One police officer "
            "was killed and five people were wounded.",
        ),
        ("st-4", "Daily Reprint", 120, "Kano convoy attacked (wire)", FIRST),
    ],
)


@asynccontextmanager
async def subscribed_worker(
    settings: Settings, start_worker: Callable[..., WorkerProcess]
) -> AsyncIterator[tuple[Receiver, SlackLike]]:
    """A worker on the real broker delivering to a signed webhook (default `updates`) and to a
    Slack incoming webhook (`updates: all`)."""
    secret = new_secret()
    await ensure_topics(settings)
    async with Receiver(secret) as hook, SlackLike(min_interval_s=0) as slack:
        worker = start_worker(
            [
                {"id": "sub_hook", "url": hook.url, "secret": secret},
                {"id": "sub_slack", "kind": "slack", "url": slack.url, "updates": "all"},
            ],
            TOCSIN_SLACK_MIN_INTERVAL_S="0",
        )
        await worker.wait_ready()
        yield hook, slack


async def test_one_event_from_several_outlets_is_one_alert_with_updates(
    e2e_settings: Settings, start_worker: Callable[..., WorkerProcess]
) -> None:
    async with subscribed_worker(e2e_settings, start_worker) as (hook, slack):
        # In order, on one partition: the revisions are deterministic (any order gives one story).
        for article in REPORTS:
            await send_articles(e2e_settings, [article], partition=0)
        assert await hook.wait_for(lambda r: len(r) >= 2, timeout=40)
        assert await slack.wait_for(lambda p: "corroborated" in " ".join(x.content for x in p), timeout=40)
        await hook.wait_for(lambda r: len(r) >= 3, timeout=3)  # nothing more may come

    bodies = [r.json for r in hook.delivered]
    assert [b["type"] for b in bodies] == ["alert.created", "alert.updated"]
    first, update = (b["data"] for b in bodies)
    assert first["id"] == update["id"] and (first["revision"], update["revision"]) == (1, 2)
    assert update["reason"] == "casualties_rose"
    assert (update["casualties"]["killed"], update["casualties"]["injured"]) == (1, 5)
    assert update["sources"]["count"] == 2
    posts = " ".join(p.content for p in slack.accepted)
    assert "1 (first_report)" in posts and "2 (casualties_rose)" in posts and "3 (corroborated)" in posts
    assert "4 (" not in posts  # the wire copy is no news and no source


async def test_a_bridging_report_merges_two_alerted_stories_with_a_merged_revision(
    e2e_settings: Settings, start_worker: Callable[..., WorkerProcess]
) -> None:
    """Two stories alerted apart, then a report that shows they are one event: the absorbed
    alert's last revision says `merged` and names the alert the event continues under."""
    async with subscribed_worker(e2e_settings, start_worker) as (hook, slack):
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
