"""POST messages to Slack incoming webhooks (the URL is a credential: never logged)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx
import orjson

from agents.core.delivery.outcome import DeliveryResult, classify_exception, classify_response, refused
from agents.core.delivery.targets import IPNetwork
from agents.notifiers.transport import Clock, PinnedPoster, Refused, Resolver, utc_now


class SlackNotifier:
    def __init__(
        self,
        client: httpx.AsyncClient,
        resolver: Resolver | None = None,
        *,
        allowed_networks: Sequence[IPNetwork] = (),
        timeout_s: float = 10.0,
        clock: Clock = utc_now,
    ) -> None:
        self._poster = PinnedPoster(
            client, kind="slack", resolver=resolver, allowed_networks=allowed_networks, timeout_s=timeout_s
        )
        self._clock = clock

    async def post(self, url: str, message: dict[str, Any]) -> DeliveryResult:
        body = orjson.dumps(message)
        headers = {"Content-Type": "application/json; charset=utf-8"}
        try:
            answer = await self._poster.post(url, body, headers)
        except httpx.TransportError as exc:
            return classify_exception(exc, kind="slack")
        if isinstance(answer, Refused):
            return refused(answer.reason, kind="slack")
        return classify_response(
            answer.status, answer.retry_after, answer.body, kind="slack", now=self._clock()
        )
