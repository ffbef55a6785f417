"""The `Notifier` protocol: send one rendered message, get a typed `DeliveryResult` back.

Every channel's notifier is an `HttpNotifier` (SSRF-checked, address-pinned POST, then the
status table in `agents.core.delivery.outcome`); a channel that needs more (an API token, a
different answer format) overrides `send`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import ClassVar, Protocol

import httpx

from agents.core.delivery.kind import Kind
from agents.core.delivery.outcome import DeliveryResult, classify_exception, classify_response, refused
from agents.core.delivery.render import Message, Outbound
from agents.core.delivery.targets import IPNetwork
from agents.notifiers.transport import PinnedPoster, Refused, Resolver

Clock = Callable[[], datetime]


class Notifier(Protocol):
    async def send(self, url: str, message: Outbound) -> DeliveryResult: ...


class HttpNotifier:
    kind: ClassVar[Kind]

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        clock: Clock,
        resolver: Resolver | None = None,
        allowed_networks: Sequence[IPNetwork] = (),
        timeout_s: float = 15.0,
    ) -> None:
        self._poster = PinnedPoster(
            client, kind=self.kind, resolver=resolver, allowed_networks=allowed_networks, timeout_s=timeout_s
        )
        self._clock = clock  # for Retry-After given as an HTTP date

    async def send(self, url: str, message: Outbound) -> DeliveryResult:
        if not isinstance(message, Message):
            raise TypeError(f"a {self.kind} notifier posts one rendered Message")
        try:
            answer = await self._poster.post(url, message.body, message.headers)
        except httpx.TransportError as exc:  # timeouts, refused connections, protocol errors
            return classify_exception(exc, kind=self.kind)
        if isinstance(answer, Refused):
            return refused(answer.reason, kind=self.kind)
        return classify_response(
            answer.status, answer.retry_after, answer.body, kind=self.kind, now=self._clock()
        )
