"""`plan_due`: which due tasks the sender starts now, and grouped how."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from agents.core.delivery.plan import ORDER_GRACE_S, Send, plan_due
from agents.core.delivery.rate import SlackPacer
from agents.core.delivery.subscriptions import Subscription, disable
from agents.core.delivery.tasks import DeliveryTask

try:
    from delivery_fixtures import sub, task
    from status_table import NOW
except ImportError:
    from tests.unit.delivery_fixtures import sub, task
    from tests.unit.status_table import NOW

HOOK = sub("sub_hook")
SLACK = sub("sub_slack", kind="slack")


def plan(
    tasks: Iterable[DeliveryTask], subs: Iterable[Subscription] = (HOOK, SLACK), **kw: Any
) -> list[Send]:
    args: dict[str, Any] = {
        "now": NOW,
        "subscriptions": {s.id: s for s in subs},
        "inflight": set(),
        "attempted": {},
        "lanes": {},
        "ended": lambda wid: False,
        "owned": lambda t: True,
        "pacer": SlackPacer(),
        **kw,
    }
    return plan_due(tasks, **args)


def ids(sends: list[Send]) -> list[list[str]]:
    return [[f"{t.alert.id}r{t.alert.revision}" for t in s.tasks] for s in sends]


def test_only_due_tasks_earliest_first() -> None:
    tasks = [
        task("ev_late", subscription=HOOK, not_before=timedelta(seconds=-1)),
        task("ev_early", subscription=HOOK, not_before=timedelta(seconds=-9)),
        task("ev_future", subscription=HOOK, not_before=timedelta(seconds=5)),
    ]
    assert ids(plan(tasks)) == [["ev_earlyr1"], ["ev_later1"]]


def test_in_flight_and_unechoed_attempts_are_not_made_twice() -> None:
    a, b, c = (task(f"ev_{i}", subscription=HOOK) for i in "abc")
    sends = plan([a, b, c], inflight={a.webhook_id}, attempted={b.webhook_id: 1})
    assert ids(sends) == [["ev_cr1"]]
    # Once Kafka echoes the attempt back (the task now has one attempt), it is due again.
    assert ids(plan([b], attempted={b.webhook_id: 0})) == [["ev_br1"]]


def test_a_webhook_subscription_has_a_lane_of_eight() -> None:
    tasks = [task(f"ev_{i}", subscription=HOOK) for i in range(12)]
    assert len(plan(tasks)) == 8
    assert len(plan(tasks, lanes={HOOK.id: 5})) == 3


def test_the_global_limit_counts_what_is_in_flight() -> None:
    subs = [sub(f"sub_{i}") for i in range(5)]
    tasks = [task(f"ev_{i}", subscription=s) for i, s in enumerate(subs)]
    assert len(plan(tasks, subs, inflight={"x", "y"}, limit=4)) == 2


def test_revisions_go_out_in_order() -> None:
    r1, r2 = task("ev_1", 1, HOOK), task("ev_1", 2, HOOK)
    assert ids(plan([r2, r1])) == [["ev_1r1"]]


def test_an_update_waits_briefly_for_its_predecessor_unless_it_ended() -> None:
    r2 = task("ev_1", 2, HOOK)
    assert plan([r2]) == []  # r1's schedule record may still be on its way
    assert ids(plan([r2], ended=lambda wid: True)) == [["ev_1r2"]]
    later = NOW + timedelta(seconds=ORDER_GRACE_S)
    assert ids(plan([r2], now=later)) == [["ev_1r2"]]


def test_slack_tasks_go_out_as_one_digest_when_the_slot_is_open() -> None:
    tasks = [task(f"ev_{i}", subscription=SLACK) for i in range(12)]
    [digest] = plan(tasks)
    assert digest.subscription == SLACK and len(digest.tasks) == 10  # what a digest can name
    pacer = SlackPacer()
    pacer.record_sent(SLACK.url, NOW)
    assert plan(tasks, pacer=pacer) == []  # within a second of the last post
    assert plan(tasks, lanes={SLACK.id: 1}) == []  # one post at a time per incoming webhook


def test_a_gone_or_disabled_subscription_hands_each_task_on_alone() -> None:
    off = disable(sub("sub_off", kind="slack"), "410")
    gone = task("ev_gone", subscription=sub("sub_gone"))
    sends = plan([task("ev_off", subscription=off), gone], subs=[off])
    assert sorted(ids(sends)) == [["ev_goner1"], ["ev_offr1"]]
    assert all(s.subscription in (None, off) for s in sends)


def test_only_tasks_this_worker_owns() -> None:
    mine, theirs = task("ev_mine", subscription=HOOK), task("ev_theirs", subscription=HOOK)
    assert ids(plan([mine, theirs], owned=lambda t: t.webhook_id == mine.webhook_id)) == [["ev_miner1"]]


def test_nothing_due_plans_nothing() -> None:
    assert plan([]) == []
