"""Slack pacing: about one message per second per incoming webhook, and digests instead of bursts.

Slack tolerates short bursts, then answers 429; posting on while limited risks the app being
disabled. So each webhook URL gets a slot every `min_interval_s`, a 429's Retry-After blocks it
further, and whatever is pending when the slot opens is sent as one message (a digest if more
than one). State is a small dataclass mutated by methods that take `now`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class SendNow:
    digest: bool  # True: coalesce everything pending into one `slack_digest`


@dataclass(frozen=True, slots=True)
class WaitUntil:
    at: datetime


Decision = SendNow | WaitUntil


@dataclass
class SlackPacer:
    min_interval_s: float = 1.0
    next_slot: dict[str, datetime] = field(default_factory=dict)

    def decide(self, key: str, now: datetime, pending_count: int) -> Decision:
        """Send now (one message, or a digest when several are pending) or wait for the slot."""
        if pending_count < 1:
            raise ValueError("nothing pending")
        slot = self.next_slot.get(key)
        if slot is not None and now < slot:
            return WaitUntil(slot)
        return SendNow(digest=pending_count > 1)

    def record_sent(self, key: str, now: datetime) -> None:
        self._push(key, now + timedelta(seconds=self.min_interval_s))

    def record_throttled(self, key: str, now: datetime, retry_after_s: float | None) -> None:
        wait = max(self.min_interval_s, retry_after_s or 0.0)
        self._push(key, now + timedelta(seconds=wait))

    def forget(self, key: str) -> None:
        self.next_slot.pop(key, None)

    def _push(self, key: str, slot: datetime) -> None:
        # Never move a slot earlier: a 429's longer wait outlives a later successful-looking send.
        current = self.next_slot.get(key)
        self.next_slot[key] = slot if current is None or slot > current else current
