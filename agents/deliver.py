"""Agent: alerts -> every matching subscription, as signed Standard Webhooks (first version)."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import httpx

from agents.core.delivery.signing import sign
from agents.core.delivery.subscriptions import Subscription, matches
from agents.core.delivery.targets import parse_allowed
from agents.core.delivery.webhook_message import webhook_body, webhook_id
from agents.core.models import Alert
from agents.notifiers.webhook import WebhookNotifier

if TYPE_CHECKING:
    from streams.app import Runtime

log = logging.getLogger(__name__)


def register(rt: Runtime) -> None:
    topics, metrics, settings = rt.topics, rt.metrics, rt.settings
    subscriptions: list[Subscription] = rt.extras.setdefault("subscriptions", [])

    async def deliver_one(notifier: WebhookNotifier, sub: Subscription, alert: Alert) -> None:
        assert sub.secret is not None
        now = rt.now()
        body = webhook_body(alert, now=now)
        headers = sign(webhook_id(alert.id, alert.revision, sub.id), now, body, sub.secret.get_secret_value())
        result = await notifier.deliver(sub.url, body, headers)
        metrics.deliveries.labels(sub.kind, result.outcome.value).inc()
        if result.outcome.value == "ok":
            metrics.delivery_latency.labels(sub.kind).observe((rt.now() - alert.detected_at).total_seconds())
        else:
            log.warning("delivery of %s r%d to %s: %s (%s)", alert.id, alert.revision, sub.id,
                        result.outcome.value, result.reason)

    @rt.app.agent(topics["alerts"], name="deliver_alerts")
    async def deliver_alerts(stream: Any) -> None:
        async with httpx.AsyncClient(follow_redirects=False) as client:
            notifier = WebhookNotifier(
                client, allowed_networks=parse_allowed(settings.allow_private_targets),
                timeout_s=settings.http_timeout_s,
            )
            async for raw in stream:
                alert = Alert.model_validate_json(raw)
                targets = [s for s in subscriptions if s.kind == "webhook" and matches(s, alert)]
                await asyncio.gather(*(deliver_one(notifier, s, alert) for s in targets))
