"""Delivery channels: the kinds of subscription, and how each is paced and retried.

A new channel (PagerDuty, Teams) is its name in `kind.Kind`, a line in `CHANNELS`, a renderer in
`render.py` and one notifier module in `agents/notifiers/` (docs/architecture.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from agents.core.delivery.kind import Kind
from agents.core.delivery.retry import SLACK_POLICY, WEBHOOK_POLICY, RetryPolicy
from agents.core.delivery.slack_blocks import DIGEST_MAX_ITEMS


@dataclass(frozen=True, slots=True)
class Channel:
    policy: RetryPolicy
    # >1: due tasks of one subscription go out together as one digest, paced by `SlackPacer` (a
    # digest names at most that many alerts: taking more would mark alerts delivered that no reader
    # saw); 1: one task per message. `lane`: attempts in flight per subscription, so a slow
    # endpoint cannot take every slot.
    digest_max: int = 1
    lane: int = 8
    # Revisions of one alert build on each other's message (a Slack thread): their records share a
    # deliveries partition, where the ledger keeps the thread (tasks.partition_key).
    threaded: bool = False
    # Paced by `SlackPacer` (one message per slot per webhook or channel); implied by digests.
    paced: bool = False

    @property
    def uses_pacer(self) -> bool:
        return self.paced or self.digest_max > 1


CHANNELS: dict[Kind, Channel] = {
    "webhook": Channel(WEBHOOK_POLICY),
    "slack": Channel(SLACK_POLICY, digest_max=DIGEST_MAX_ITEMS, lane=1),
    # One message per alert (a digest cannot be a thread), one at a time per subscription, and
    # paced like a webhook: chat.postMessage allows about one message per second per channel.
    "slack_api": Channel(SLACK_POLICY, lane=1, threaded=True, paced=True),
}
