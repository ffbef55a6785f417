from __future__ import annotations

from datetime import timedelta

import pytest

from agents.core.delivery.rate import SendNow, SlackPacer, WaitUntil

try:
    from status_table import NOW
except ImportError:
    from tests.unit.status_table import NOW

HOOK = "https://hooks.slack.com/services/T/B/x"
OTHER = "https://hooks.slack.com/services/T/B/y"


def test_first_message_goes_now() -> None:
    assert SlackPacer().decide(HOOK, NOW, 1) == SendNow(digest=False)


def test_one_per_second_per_webhook() -> None:
    pacer = SlackPacer()
    pacer.record_sent(HOOK, NOW)
    assert pacer.decide(HOOK, NOW + timedelta(milliseconds=400), 1) == WaitUntil(NOW + timedelta(seconds=1))
    assert pacer.decide(OTHER, NOW + timedelta(milliseconds=400), 1) == SendNow(digest=False)
    assert pacer.decide(HOOK, NOW + timedelta(seconds=1), 1) == SendNow(digest=False)


def test_several_pending_become_one_digest() -> None:
    pacer = SlackPacer()
    pacer.record_sent(HOOK, NOW)
    assert pacer.decide(HOOK, NOW + timedelta(seconds=1), 5) == SendNow(digest=True)


def test_throttle_blocks_for_retry_after_and_is_not_shortened() -> None:
    pacer = SlackPacer()
    pacer.record_throttled(HOOK, NOW, 30.0)
    pacer.record_sent(HOOK, NOW + timedelta(seconds=1))  # a late report must not reopen the slot
    assert pacer.decide(HOOK, NOW + timedelta(seconds=10), 3) == WaitUntil(NOW + timedelta(seconds=30))
    assert pacer.decide(HOOK, NOW + timedelta(seconds=30), 3) == SendNow(digest=True)


def test_throttle_without_retry_after_waits_the_interval() -> None:
    pacer = SlackPacer(min_interval_s=2.0)
    pacer.record_throttled(HOOK, NOW, None)
    assert pacer.decide(HOOK, NOW, 1) == WaitUntil(NOW + timedelta(seconds=2))
    pacer.forget(HOOK)
    assert pacer.decide(HOOK, NOW, 1) == SendNow(digest=False)


def test_nothing_pending_is_an_error() -> None:
    with pytest.raises(ValueError):
        SlackPacer().decide(HOOK, NOW, 0)
