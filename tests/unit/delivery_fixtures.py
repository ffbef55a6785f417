"""Subscriptions and delivery tasks for the delivery unit tests (alerts from status_table)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pydantic import SecretStr

from agents.core.delivery.subscriptions import Subscription
from agents.core.delivery.tasks import DeliveryTask, new_task

try:
    from status_table import NOW, make_alert
except ImportError:
    from tests.unit.status_table import NOW, make_alert

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


class OwnsAll:
    """A sender's fence on a worker that owns every partition, caught up (streams/fence.py)."""

    async def refresh(self) -> None:
        pass

    def owns(self, key: str) -> bool:
        return True


def sub(sub_id: str = "sub_1", kind: str = "webhook", **overrides: Any) -> Subscription:
    data: dict[str, Any] = {
        "id": sub_id,
        "kind": kind,
        "name": sub_id,
        "url": f"https://{sub_id}.example/hook"
        if kind == "webhook"
        else f"https://hooks.slack.com/services/T0/B0/{sub_id}",
        "created_at": NOW,
        "secret": SecretStr(SECRET) if kind == "webhook" else None,
    }
    data.update(overrides)
    return Subscription.model_validate(data)


def task(
    alert_id: str = "ev_1",
    revision: int = 1,
    subscription: Subscription | None = None,
    *,
    at: datetime = NOW,
    not_before: timedelta = timedelta(0),
) -> DeliveryTask:
    s = subscription or sub()
    t = new_task(make_alert(id=alert_id, revision=revision), s, now=at)
    return t.model_copy(update={"not_before": at + not_before})
