"""Outbound HTTP only. `NOTIFIERS` maps each subscription kind to its notifier: a new channel is
one module here and one line below (plus its kind and renderer in the core: docs/architecture.md)."""

from __future__ import annotations

from collections.abc import Sequence

import httpx

from agents.core.delivery.kind import Kind
from agents.core.delivery.targets import IPNetwork
from agents.notifiers.base import Clock, HttpNotifier, Notifier
from agents.notifiers.slack import SlackNotifier
from agents.notifiers.slack_api import SlackApiNotifier
from agents.notifiers.webhook import WebhookNotifier

__all__ = ["NOTIFIERS", "HttpNotifier", "Notifier", "notifiers_for"]

NOTIFIERS: dict[Kind, type[HttpNotifier]] = {
    "webhook": WebhookNotifier,
    "slack": SlackNotifier,
    "slack_api": SlackApiNotifier,
}


def notifiers_for(
    client: httpx.AsyncClient, *, clock: Clock, allowed_networks: Sequence[IPNetwork], timeout_s: float
) -> dict[Kind, Notifier]:
    return {
        kind: cls(client, clock=clock, allowed_networks=allowed_networks, timeout_s=timeout_s)
        for kind, cls in NOTIFIERS.items()
    }
