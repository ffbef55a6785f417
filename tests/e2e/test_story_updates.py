"""Several outlets report one event: one `alert.created`, then the updates each subscriber chose.

The worker runs as a subprocess on the real broker; a signed-webhook receiver keeps the default
`updates: escalations`, a Slack-like endpoint asks for `all`. Reports (hand-written): a first
report, a rising toll from a second outlet that names the target differently, a third outlet
confirming it (corroboration, not an escalation) and a wire copy of the first (nothing new).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from streams.local import WorkerProcess
from streams.produce import send_articles
from streams.receiver import Receiver
from streams.settings import Settings
from streams.topics import ensure_topics
from tests.e2e.slack_like import SlackLike
from tests.support import new_secret, outlet_reports

T0 = datetime.now(UTC) - timedelta(hours=3)
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


async def test_one_event_from_several_outlets_is_one_alert_with_updates(
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
