"""Slack Web API delivery, the pure parts: which calls, what each answer means, where the thread is."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import orjson
import pytest
from pydantic import SecretStr, ValidationError

from agents.core.delivery import ledger
from agents.core.delivery.outcome import DeliveryOutcome, DeliveryResult
from agents.core.delivery.plan import pace_key, plan_due
from agents.core.delivery.rate import SlackPacer
from agents.core.delivery.records import Done, decode, encode
from agents.core.delivery.render import render
from agents.core.delivery.slack_api import (
    ApiAnswer,
    ApiCall,
    ApiRequest,
    advance,
    classify_answer,
    thread_parent,
)
from agents.core.delivery.subscriptions import SLACK_API_URL, SubscriptionRequest
from agents.core.delivery.tasks import DeliveryTask, Final, partition_key
from agents.core.delivery.thread import SlackThread
from agents.core.delivery.webhook_message import webhook_id
from agents.core.models import AlertReason
from streams.subscription_store import SubscriptionStore
from streams.subscriptions_file import parse_subscriptions

try:
    from delivery_fixtures import sub, task
    from status_table import NOW
except ImportError:
    from tests.unit.delivery_fixtures import sub, task
    from tests.unit.status_table import NOW

TOKEN = "xoxb-1111-2222-unit-test-token"
API = sub(
    "sub_api", "slack_api", url="https://slack.example/api/", channel="C0UNIT0001", token=SecretStr(TOKEN)
)
PARENT = SlackThread(channel="C0UNIT0001", ts="1795794512.000100")


def body(call: ApiCall) -> dict[str, object]:
    data = orjson.loads(call.body)
    assert isinstance(data, dict)
    return data


def revision(n: int, reason: AlertReason = AlertReason.CASUALTIES_ROSE) -> DeliveryTask:
    t = task("ev_1", n, API)
    return t.model_copy(update={"alert": t.alert.model_copy(update={"reason": reason})})


# -- which calls ---------------------------------------------------------------------------------


def test_first_revision_is_one_top_level_post_with_the_bearer_token_kept_out_of_repr() -> None:
    request = render((task("ev_1", 1, API),), API, NOW)
    assert isinstance(request, ApiRequest) and request.parent is None
    [call] = request.calls
    assert call.method == "chat.postMessage"
    data = body(call)
    assert data["channel"] == "C0UNIT0001" and "thread_ts" not in data
    assert data["text"] and data["attachments"]  # the same Block Kit message as the incoming webhook
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert TOKEN not in repr(request)


def test_a_later_revision_edits_the_parent_then_replies_in_its_thread() -> None:
    request = render((revision(3),), API, NOW, PARENT)
    assert isinstance(request, ApiRequest)
    edit, reply = request.calls
    assert (edit.method, reply.method) == ("chat.update", "chat.postMessage")
    e, r = body(edit), body(reply)
    assert (e["channel"], e["ts"]) == (PARENT.channel, PARENT.ts)
    assert "3 (casualties_rose)" in orjson.dumps(e["attachments"]).decode()  # the latest state
    assert not any(k.startswith("unfurl") for k in e)  # not chat.update arguments
    assert (r["channel"], r["thread_ts"]) == (PARENT.channel, PARENT.ts)
    assert "Casualties rose (revision 3)" in str(r["text"])


def test_incoming_webhook_slack_is_unchanged_by_a_thread() -> None:
    hook = sub("sub_hook", "slack")
    assert render((task("ev_1", 2, hook),), hook, NOW, PARENT) == render((task("ev_1", 2, hook),), hook, NOW)


# -- what an answer means ------------------------------------------------------------------------


def answer(status: int, payload: object, retry_after: str | None = None) -> ApiAnswer:
    raw = payload if isinstance(payload, str) else orjson.dumps(payload).decode()
    return classify_answer("chat.postMessage", status, retry_after, raw, now=NOW)


@pytest.mark.parametrize(
    ("status", "payload", "retry_after", "outcome", "wait"),
    [
        (200, {"ok": False, "error": "invalid_auth"}, None, DeliveryOutcome.DISABLE, None),
        (200, {"ok": False, "error": "channel_not_found"}, None, DeliveryOutcome.DISABLE, None),
        (200, {"ok": False, "error": "token_revoked"}, None, DeliveryOutcome.DISABLE, None),
        (200, {"ok": False, "error": "not_in_channel"}, None, DeliveryOutcome.DISABLE, None),
        (429, {"ok": False, "error": "ratelimited"}, "7", DeliveryOutcome.RETRY, 7.0),
        (200, {"ok": False, "error": "internal_error"}, None, DeliveryOutcome.RETRY, None),
        (200, {"ok": False, "error": "service_unavailable"}, None, DeliveryOutcome.RETRY, None),
        (503, "upstream down", "2", DeliveryOutcome.RETRY, 2.0),
        (500, "", None, DeliveryOutcome.RETRY, None),
        (200, {"ok": False, "error": "invalid_blocks"}, None, DeliveryOutcome.GIVE_UP, None),
        (200, {"ok": False, "error": "msg_too_long"}, None, DeliveryOutcome.GIVE_UP, None),
        (200, {"ok": False, "error": "some_new_error"}, None, DeliveryOutcome.GIVE_UP, None),
        (200, "ok", None, DeliveryOutcome.GIVE_UP, None),  # not the Web API (an incoming webhook?)
        (302, "", None, DeliveryOutcome.GIVE_UP, None),
        (410, "", None, DeliveryOutcome.DISABLE, None),
    ],
)
def test_answers_map_to_outcomes(
    status: int, payload: object, retry_after: str | None, outcome: DeliveryOutcome, wait: float | None
) -> None:
    got = answer(status, payload, retry_after).result
    assert (got.outcome, got.retry_after_s, got.thread) == (outcome, wait, None)
    assert got.reason.startswith("slack_api")


def test_ok_answer_names_the_thread() -> None:
    got = answer(200, {"ok": True, "channel": "C0UNIT0001", "ts": "1795794512.000200", "message": {}})
    assert got.result.outcome is DeliveryOutcome.OK
    assert got.result.thread == SlackThread(channel="C0UNIT0001", ts="1795794512.000200")


# -- the calls in order --------------------------------------------------------------------------

OK_EDIT = ApiAnswer(DeliveryResult(DeliveryOutcome.OK, 200, None, "ok", PARENT))
OK_REPLY = ApiAnswer(
    DeliveryResult(DeliveryOutcome.OK, 200, None, "ok", SlackThread(channel="C0UNIT0001", ts="9.9"))
)


def test_advance_makes_the_calls_in_order_and_ends_with_the_parent_thread() -> None:
    request = render((revision(2),), API, NOW, PARENT)
    assert isinstance(request, ApiRequest)
    assert advance(request, []) == request.calls[0]
    assert advance(request, [OK_EDIT]) == request.calls[1]
    done = advance(request, [OK_EDIT, OK_REPLY])
    assert isinstance(done, DeliveryResult) and done.outcome is DeliveryOutcome.OK
    assert done.thread == PARENT  # the reply's own ts is not the thread


def test_an_edit_refused_for_that_message_still_replies_but_an_auth_error_stops() -> None:
    request = render((revision(2),), API, NOW, PARENT)
    assert isinstance(request, ApiRequest)
    gone = classify_answer("chat.update", 200, None, '{"ok":false,"error":"message_not_found"}', now=NOW)
    assert advance(request, [gone]) == request.calls[1]
    bad = classify_answer("chat.update", 200, None, '{"ok":false,"error":"invalid_auth"}', now=NOW)
    stopped = advance(request, [bad])
    assert isinstance(stopped, DeliveryResult) and stopped.outcome is DeliveryOutcome.DISABLE
    limited = answer(429, {"ok": False, "error": "ratelimited"}, "1")
    retry = advance(request, [OK_EDIT, limited])
    assert isinstance(retry, DeliveryResult) and retry.outcome is DeliveryOutcome.RETRY


def test_a_top_level_post_ends_with_its_own_thread() -> None:
    request = render((task("ev_1", 1, API),), API, NOW)
    assert isinstance(request, ApiRequest)
    done = advance(request, [OK_REPLY])
    assert isinstance(done, DeliveryResult) and done.thread == OK_REPLY.result.thread


# -- where the thread is -------------------------------------------------------------------------


def test_thread_parent_is_the_latest_earlier_revision_with_a_thread() -> None:
    wid = lambda r: webhook_id("ev_1", r, "sub_api")  # noqa: E731
    other = SlackThread(channel="C0UNIT0001", ts="2.0")
    known = {wid(1): PARENT, wid(2): None, wid(3): other}
    asked: list[str] = []

    def thread_of(w: str) -> SlackThread | None:
        asked.append(w)
        return known.get(w)

    assert thread_parent(revision(5), thread_of) == other  # revision 4 unknown, 3 has one
    assert asked == [wid(4), wid(3)]
    assert thread_parent(revision(3), thread_of) == PARENT  # revision 2 failed: 1's thread
    asked.clear()
    assert thread_parent(task("ev_1", 1, API), thread_of) is None and asked == []


def test_every_revision_of_an_alert_to_a_slack_api_subscription_shares_a_partition_key() -> None:
    keys = {partition_key(task("ev_1", r, API)) for r in (1, 2, 7)}
    assert len(keys) == 1
    assert partition_key(task("ev_2", 1, API)) not in keys
    hook = sub("sub_hook")
    assert partition_key(task("ev_1", 2, hook)) == webhook_id("ev_1", 2, "sub_hook")  # unchanged


def test_done_carries_the_thread_into_the_ledger() -> None:
    done = Done(final=Final.DELIVERED, attempts=1, at=NOW, thread=PARENT)
    again = decode(encode(done))
    assert again == done
    step = ledger.step(None, again)
    assert isinstance(step, ledger.Close) and step.ending.thread == PARENT
    stored = ledger.Ending.model_validate(step.ending.model_dump(mode="json"))
    assert stored.thread == PARENT
    old = ledger.Ending.model_validate({"final": "delivered", "attempts": 1, "at": NOW.isoformat()})
    assert old.thread is None  # entries written before threads read as before


# -- the subscription ----------------------------------------------------------------------------


def test_slack_api_subscription_needs_a_channel_and_a_token_and_hides_the_token() -> None:
    req = SubscriptionRequest(kind="slack_api", name="desk", channel="C0UNIT0001", token=SecretStr(TOKEN))
    assert req.url == SLACK_API_URL
    assert TOKEN not in repr(req)
    assert TOKEN not in str(API.public_dict()) and API.public_dict()["channel"] == "C0UNIT0001"
    assert API.storage_dict()["token"] == TOKEN
    for bad in ({"token": TOKEN}, {"channel": "C0UNIT0001"}, {"channel": "general", "token": TOKEN}):
        with pytest.raises(ValidationError):
            SubscriptionRequest(kind="slack_api", name="desk", **bad)
    with pytest.raises(ValidationError, match="slack_api only"):
        SubscriptionRequest(kind="slack", name="d", url="https://hooks.slack.com/x", channel="C0UNIT0001")


def test_subscriptions_file_takes_a_slack_api_entry() -> None:
    [s] = parse_subscriptions([{"kind": "slack_api", "channel": "C0UNIT0001", "token": TOKEN}], now=NOW)
    assert (s.url, s.channel, s.kind) == (SLACK_API_URL, "C0UNIT0001", "slack_api")
    assert s.token is not None and s.token.get_secret_value() == TOKEN
    assert s.id.startswith("sub_") and TOKEN not in s.name


# -- planning: one message at a time per channel, paced, revisions in order ----------------------


def _plan_args(now: datetime, pacer: SlackPacer) -> dict[str, Any]:
    """`plan_due`'s keyword arguments for one `slack_api` subscription, nothing in flight or ended."""
    return {
        "now": now,
        "subscriptions": {API.id: API},
        "inflight": set(),
        "attempted": {},
        "lanes": {},
        "ended": lambda wid: False,
        "owned": lambda t: True,
        "pacer": pacer,
    }


def test_plan_sends_one_alert_at_a_time_per_channel_paced_and_in_revision_order() -> None:
    due = [task("ev_1", 1, API), task("ev_1", 2, API), task("ev_2", 1, API)]
    pacer = SlackPacer(min_interval_s=1.0)
    args = _plan_args(NOW, pacer)
    [send] = plan_due(due, **args)
    assert [(t.alert.id, t.alert.revision) for t in send.tasks] == [("ev_1", 1)]  # no digest
    pacer.record_sent(pace_key(API), NOW)
    assert plan_due(due, **args) == []  # the channel's slot is closed for a second
    assert plan_due(due, **{**args, "lanes": {API.id: 1}, "now": NOW + timedelta(seconds=1)}) == []  # lane 1
    later = plan_due(due[1:2], **{**args, "now": NOW + timedelta(seconds=1), "ended": lambda wid: True})
    assert [(t.alert.id, t.alert.revision) for s in later for t in s.tasks] == [("ev_1", 2)]
    assert pace_key(API) != pace_key(
        sub("sub_other", "slack_api", url=API.url, channel="C0OTHER001", token=SecretStr(TOKEN))
    )


def test_an_unreadable_stored_subscription_is_logged_without_its_token(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = SubscriptionStore("127.0.0.1:1", "subs")
    # Missing fields: pydantic's own text would quote this whole (short) input, token and all.
    store.apply(b"sub_api", orjson.dumps({"token": TOKEN}))
    store.apply(b"sub_api2", orjson.dumps({**API.storage_dict(), "channel": "not-a-channel-id"}))
    assert store.subs == {}
    assert TOKEN not in caplog.text
    assert "unreadable record sub_api: kind: Field required" in caplog.text
    assert "unreadable record sub_api2" in caplog.text and "channel id" in caplog.text


def test_a_later_revision_waits_while_the_first_is_still_retrying() -> None:
    retrying = task("ev_1", 1, API, not_before=timedelta(seconds=30))  # revision 1: no ts yet
    update = task("ev_1", 2, API)
    # long past the order grace: it still waits
    args = _plan_args(NOW + timedelta(seconds=10), SlackPacer(min_interval_s=0))
    assert plan_due([retrying, update], **args) == []
    [send] = plan_due([update], **{**args, "ended": lambda wid: True})  # revision 1 ended
    assert send.tasks == (update,)
