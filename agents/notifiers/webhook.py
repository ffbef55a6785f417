"""POST signed Standard Webhooks messages to subscriber endpoints.

The caller signs (`agents.core.delivery.signing.sign`) and passes the headers; this module never
sees the secret, so it cannot log it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import httpx

from agents.core.delivery.outcome import DeliveryResult, classify_exception, classify_response, refused
from agents.core.delivery.targets import IPNetwork
from agents.notifiers.transport import Clock, PinnedPoster, Refused, Resolver, utc_now


class WebhookNotifier:
    def __init__(
        self,
        client: httpx.AsyncClient,
        resolver: Resolver | None = None,
        *,
        allowed_networks: Sequence[IPNetwork] = (),
        timeout_s: float = 15.0,
        clock: Clock = utc_now,
    ) -> None:
        self._poster = PinnedPoster(
            client, kind="webhook", resolver=resolver, allowed_networks=allowed_networks, timeout_s=timeout_s
        )
        self._clock = clock

    async def deliver(self, url: str, body: bytes, headers: Mapping[str, str]) -> DeliveryResult:
        send_headers = {**headers, "Content-Type": "application/json"}
        try:
            answer = await self._poster.post(url, body, send_headers)
        except httpx.TransportError as exc:  # timeouts, refused connections, protocol errors
            return classify_exception(exc, kind="webhook")
        if isinstance(answer, Refused):
            return refused(answer.reason, kind="webhook")
        return classify_response(
            answer.status, answer.retry_after, answer.body, kind="webhook", now=self._clock()
        )
