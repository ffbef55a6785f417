"""A real local webhook receiver (aiohttp) for the demo, every test that needs an HTTP endpoint
(unit, integration, e2e) and the benchmarks: one server, so they all meet the same HTTP stack.

It verifies Standard Webhooks signatures with the reference library, exactly as a subscriber would,
records every request, and can misbehave on purpose (`behaviour` picks each answer).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Self

import orjson
from aiohttp import web
from standardwebhooks.webhooks import Webhook, WebhookVerificationError


@dataclass
class Received:
    at: float  # time.time() when the request arrived
    headers: dict[str, str]
    body: bytes
    verified: bool
    status: int
    path: str = ""  # with the query string

    @property
    def json(self) -> Any:
        return orjson.loads(self.body)


@dataclass(frozen=True)
class Answer:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: str = "ok"
    delay_s: float = 0.0
    drop: bool = False  # close the connection without answering


Behaviour = Callable[[int, "Received"], Answer]


def always_ok(_: int, __: Received) -> Answer:
    return Answer()


class LocalServer:
    """A real aiohttp server on 127.0.0.1 (a free port unless given) that records what arrives.

    Subclasses add routes in `routes()` and append to `self.records` (then call `arrived()`);
    `wait_for` waits on those records.
    """

    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        self.port = port
        self.host = host
        self.records: list[Any] = []
        self._runner: web.AppRunner | None = None
        self._arrived = asyncio.Condition()

    def routes(self, app: web.Application) -> None:
        raise NotImplementedError

    async def arrived(self) -> None:
        async with self._arrived:
            self._arrived.notify_all()

    async def wait_for(self, predicate: Callable[[list[Any]], bool], timeout: float) -> bool:
        """Wait until `predicate(self.records)` holds; False on timeout."""

        async def _wait() -> None:
            async with self._arrived:
                await self._arrived.wait_for(lambda: predicate(self.records))

        try:
            await asyncio.wait_for(_wait(), timeout)
        except TimeoutError:
            return False
        return True

    async def __aenter__(self) -> Self:
        app = web.Application(client_max_size=1024 * 1024)
        self.routes(app)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        server = site._server
        assert isinstance(server, asyncio.Server) and server.sockets
        self.port = server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner:
            await self._runner.cleanup()


class Receiver(LocalServer):
    """`async with Receiver(secret) as r:` serves on 127.0.0.1:<r.port>; `r.url` to subscribe."""

    def __init__(
        self,
        secret: str | None = None,
        *,
        behaviour: Behaviour = always_ok,
        path: str = "/hook",
        on_receive: Callable[[Received], None] | None = None,
        any_path: bool = False,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.secret = secret
        self.any_path = any_path
        self.behaviour = behaviour
        self.path = path
        self.on_receive = on_receive
        super().__init__(port, host)
        self.requests: list[Received] = self.records  # the same list, under the name tests read

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.path}"

    @property
    def delivered(self) -> list[Received]:
        """Requests that were verified and answered 2xx: what the subscriber accepted."""
        return [r for r in self.requests if r.verified and 200 <= r.status < 300]

    def _verify(self, body: bytes, headers: dict[str, str]) -> bool:
        if self.secret is None:
            return True
        try:
            Webhook(self.secret).verify(body, headers)
        except WebhookVerificationError:
            return False
        return True

    async def _handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        headers = {k.lower(): v for k, v in request.headers.items()}
        rec = Received(time.time(), headers, body, self._verify(body, headers), 0, request.path_qs)
        answer = (
            self.behaviour(len(self.requests), rec) if rec.verified else Answer(401, body="bad signature")
        )
        rec.status = answer.status
        if answer.delay_s:
            await asyncio.sleep(answer.delay_s)
        self.requests.append(rec)
        if answer.drop and request.transport is not None:
            request.transport.close()
        if self.on_receive:
            self.on_receive(rec)
        await self.arrived()
        return web.Response(status=answer.status, text=answer.body, headers=answer.headers)

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/{tail:.*}" if self.any_path else self.path, self._handle)
