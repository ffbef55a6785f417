"""One SSRF-checked, address-pinned POST shared by every notifier.

Resolve the host, check every address (`agents.core.delivery.targets`), then connect to the
checked address itself: the URL's host is replaced by the IP, the `Host` header keeps the name,
and for https the `sni_hostname` extension keeps SNI and certificate verification on the name.
Redirects are never followed (a redirect could point past the check). Only the first few KB of
a response body are read: enough for Slack's "ok" or an error string (a Web API answer, which
echoes the message posted, is allowed more).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass

import httpx

from agents.core.delivery.kind import Kind
from agents.core.delivery.targets import IPNetwork, check_target

Resolver = Callable[[str, int], Awaitable[list[str]]]

MAX_RESPONSE_BYTES = 4096


async def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, via the event loop's non-blocking getaddrinfo."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True, slots=True)
class Refused:
    reason: str


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    retry_after: str | None
    body: str


class PinnedPoster:
    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        kind: Kind,
        resolver: Resolver | None = None,
        allowed_networks: Sequence[IPNetwork] = (),
        timeout_s: float = 15.0,
    ) -> None:
        self._client = client
        self._kind = kind
        self._resolve = resolver or resolve
        self._allowed = list(allowed_networks)
        self._timeout = httpx.Timeout(timeout_s)

    async def post(
        self, url: str, content: bytes, headers: Mapping[str, str], *, max_bytes: int = MAX_RESPONSE_BYTES
    ) -> Answer | Refused:
        """POST to the checked address, reading at most `max_bytes` of the answer. Transport errors
        and timeouts propagate as httpx errors."""
        try:
            target = httpx.URL(url)
        except httpx.InvalidURL:
            return Refused("malformed url")
        host = target.host
        if target.scheme not in ("http", "https") or not host:
            return Refused("url must be http(s) with a host")
        port = target.port or (443 if target.scheme == "https" else 80)
        try:
            addresses = await self._resolve(host, port)
        except OSError as exc:  # socket.gaierror: DNS may recover, so this is a transport error
            raise httpx.ConnectError(f"cannot resolve host ({type(exc).__name__})") from exc
        decision = check_target(url, addresses, self._allowed)
        if not decision.allowed or decision.address is None:
            return Refused(decision.reason)
        pinned = target.copy_with(host=decision.address)
        send_headers = dict(headers)
        send_headers["Host"] = target.netloc.decode("ascii")
        extensions = {"sni_hostname": host} if target.scheme == "https" else {}
        request = self._client.build_request(
            "POST",
            pinned,
            content=content,
            headers=send_headers,
            timeout=self._timeout,
            extensions=extensions,
        )
        response = await self._client.send(request, stream=True, follow_redirects=False)
        try:
            body = await _read_limited(response, max_bytes)
        finally:
            await response.aclose()
        return Answer(response.status_code, response.headers.get("retry-after"), body)


async def _read_limited(response: httpx.Response, max_bytes: int) -> str:
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= max_bytes:
            break
    return b"".join(chunks)[:max_bytes].decode("utf-8", errors="replace")
