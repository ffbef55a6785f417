"""POST signed Standard Webhooks messages to subscriber endpoints.

The core renders and signs (`agents.core.delivery.render`); this module never sees the secret,
so it cannot log it.
"""

from __future__ import annotations

from agents.notifiers.base import HttpNotifier


class WebhookNotifier(HttpNotifier):
    kind = "webhook"
