"""Slack Web API delivery (kind `slack_api`) on the real broker: one top-level message per alert,
every later revision an edit of it and a reply in its thread, across a worker crash.

Hand-written reports of one event from three outlets: a first report, a rising toll, a further
outlet confirming it. Beside the Web API subscription, an incoming-webhook Slack subscription gets
the same revisions as separate messages, as before.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from aiokafka import AIOKafkaConsumer

from agents.core.delivery.records import Done, decode
from streams.local import WorkerProcess
from streams.produce import send_articles
from streams.settings import Settings
from streams.topics import assign_from_start, caught_up, ensure_topics
from tests.e2e.slack_like import SlackApiLike, SlackLike
from tests.support import outlet_reports

T0 = datetime.now(UTC) - timedelta(hours=2)
REPORTS = outlet_reports(
    T0,
    [
        (
            "sa-1",
            "Harbour Herald",
            0,
            "Gunman fires on Mombasa mayor Halima Wanjiru-Otieno",
            "A gunman opened fire on the car of Mombasa Mayor Halima Wanjiru-Otieno on Monday "
            "morning in Mombasa, Kenya, wounding her driver, police said. The mayor was unhurt.",
        ),
        (
            "sa-2",
            "Coast Observer",
            40,
            "Bodyguard killed in attack on Mayor Wanjiru Otieno",
            "An attack on the motorcade of Mayor Halima Wanjiru Otieno in Mombasa, Kenya, killed "
            "one bodyguard and wounded three other people on Monday, officials said. The mayor "
            "escaped.",
        ),
        (
            "sa-3",
            "Nairobi Daily",
            90,
            "Mombasa mayor survives assassination attempt",
            "Kenyan police said on Monday that Mombasa mayor Halima Wanjiru-Otieno survived an "
            "assassination attempt when a gunman fired on her car in Mombasa. One bodyguard was "
            "killed and three people were wounded.",
        ),
    ],
)


# A dead member holds its partitions until its session times out; a short one keeps the restart quick.
def json_of(payload: object) -> str:
    return json.dumps(payload, ensure_ascii=False)


FAST_REJOIN = {"TOCSIN_SESSION_TIMEOUT_S": "6"}


async def _threads_recorded(settings: Settings) -> int:
    """`done` records on the deliveries topic that carry a Slack thread (what a restart reads)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, group_id=None, enable_auto_commit=False)
    await consumer.start()
    try:
        ends = await assign_from_start(consumer, settings.bootstrap, settings.topics.deliveries_retry)
        found = 0
        while not await caught_up(consumer, ends):
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for r in records:
                    record = decode(r.value)
                    found += isinstance(record, Done) and record.thread is not None
        return found
    finally:
        await consumer.stop()


async def _wait_threads_recorded(settings: Settings, n: int, timeout_s: float) -> bool:
    deadline = datetime.now(UTC) + timedelta(seconds=timeout_s)
    while datetime.now(UTC) < deadline:
        if await _threads_recorded(settings) >= n:
            return True
        await asyncio.sleep(0.2)
    return False


async def test_revisions_edit_the_parent_and_reply_in_its_thread_across_a_crash(
    e2e_settings: Settings, start_worker: Callable[..., WorkerProcess]
) -> None:
    await ensure_topics(e2e_settings)
    # Slack's first answer is a transient error: revision 1 is retried, and still posted once.
    async with (
        SlackApiLike(fail={"chat.postMessage": ["internal_error"]}) as api,
        SlackLike(min_interval_s=0) as hook,
    ):
        subs = [
            {
                "id": "sub_api",
                "kind": "slack_api",
                "url": api.url,
                "channel": api.channel,
                "token": api.token,
            },
            {"id": "sub_hook", "kind": "slack", "url": hook.url},
        ]
        env = {"TOCSIN_SLACK_MIN_INTERVAL_S": "0", "TOCSIN_SLACK_RETRY_SCHEDULE": "0,1,1,2", **FAST_REJOIN}
        first = start_worker(subs, **env)
        await first.wait_ready()
        await send_articles(e2e_settings, REPORTS[:1], partition=0)
        assert await api.wait_for(lambda _: len(api.top_level) == 1, timeout=40)
        # Its ts is in Kafka (the `done` record the ledger is built from): then the crash.
        assert await _wait_threads_recorded(e2e_settings, 1, timeout_s=20)
        first.kill()

        second = start_worker(subs, **env)
        await second.wait_ready()
        for article in REPORTS[1:]:
            await send_articles(e2e_settings, [article], partition=0)
        [parent] = api.top_level
        assert await api.wait_for(lambda _: len(api.replies(parent.ts)) >= 2, timeout=60), [
            (c.method, c.answer) for c in api.calls
        ]
        assert await hook.wait_for(lambda p: len([x for x in p if x.accepted]) >= 3, timeout=20)
        await api.wait_for(lambda _: len(api.messages) > 3, timeout=2)  # nothing more may come

    # One top-level message, edited to each later revision; the updates are replies in its thread.
    assert len(api.top_level) == 1, [m.payload["text"] for m in api.top_level]
    replies = api.replies(parent.ts)
    assert len(replies) == 2 and len(api.messages) == 3
    assert [m.payload["thread_ts"] for m in replies] == [parent.ts, parent.ts]
    assert "Casualties rose" in replies[0].content and "revision 2" in replies[0].content
    assert "Severity rose" in replies[1].content and "revision 3" in replies[1].content
    assert "1 (first_report)" in json_of(parent.payload)
    assert [
        ("3 (severity_rose)" in json_of(e), "2 (casualties_rose)" in json_of(e)) for e in parent.edits
    ] == [
        (False, True),
        (True, False),
    ]
    methods = [(c.method, c.answer.get("error")) for c in api.calls]
    assert methods == [
        ("chat.postMessage", "internal_error"),
        ("chat.postMessage", None),
        ("chat.update", None),
        ("chat.postMessage", None),
        ("chat.update", None),
        ("chat.postMessage", None),
    ], methods
    # The incoming webhook is unchanged: one new message per revision.
    posts = [p.content for p in hook.posts if p.accepted]
    assert len(posts) == 3
    assert [
        "1 (first_report)" in posts[0],
        "2 (casualties_rose)" in posts[1],
        "3 (severity_rose)" in posts[2],
    ] == [
        True,
        True,
        True,
    ]
    # The bot token is a secret: in no worker log.
    assert api.token not in first.log_text() + second.log_text()
