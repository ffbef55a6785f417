"""One SSRF-checked, address-pinned, size- and time-capped GET for feeds and pages.

The webhook rule (`agents.core.delivery.targets.check_target`): every address the host resolves
to must be public unless allowed, and the request goes to the checked address (pinning), so a
second DNS answer cannot differ from the one checked. Redirects are followed by hand, each hop
checked the same way. Failures raise `FetchFailed` with the reason the DLQ records.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx

from agents.core.delivery.targets import IPNetwork, check_target
from agents.notifiers.transport import Resolver, resolve


class FetchFailed(Exception):
    """`reason` is a DLQ reason: refused, too_large, timeout, fetch_error, too_many_redirects."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Fetched:
    status: int
    url: str  # after redirects
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class Fetcher:
    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        allowed_networks: Sequence[IPNetwork] = (),
        user_agent: str = "tocsin-ingest",
        max_redirects: int = 5,
        resolver: Resolver | None = None,
    ) -> None:
        self._client = client
        self._allowed = list(allowed_networks)
        self._ua = user_agent
        self._max_redirects = max_redirects
        self._resolve = resolver or resolve

    async def get(
        self, url: str, *, max_bytes: int, timeout_s: float, headers: Mapping[str, str] | None = None
    ) -> Fetched:
        try:
            async with asyncio.timeout(timeout_s):
                return await self._follow(url, max_bytes, timeout_s, dict(headers or {}))
        except TimeoutError:
            raise FetchFailed("timeout", f"no complete answer within {timeout_s:g} s") from None
        except httpx.HTTPError as exc:
            raise FetchFailed("fetch_error", f"{type(exc).__name__}: {exc}"[:300]) from None

    async def _follow(self, url: str, max_bytes: int, timeout_s: float, headers: dict[str, str]) -> Fetched:
        for _ in range(self._max_redirects + 1):
            request = await self._pinned_request(url, timeout_s, headers)
            response = await self._client.send(request, stream=True, follow_redirects=False)
            try:
                location = response.headers.get("location")
                if response.is_redirect and location:
                    url = urljoin(url, location)
                    continue
                body = await _read_capped(response, max_bytes)
                return Fetched(response.status_code, url, dict(response.headers), body)
            finally:
                await response.aclose()
        raise FetchFailed("too_many_redirects", f"more than {self._max_redirects} redirects")

    async def _pinned_request(self, url: str, timeout_s: float, headers: dict[str, str]) -> httpx.Request:
        try:
            target = httpx.URL(url)
        except httpx.InvalidURL as exc:
            raise FetchFailed("refused", f"malformed url: {exc}") from None
        host = target.host
        if target.scheme not in ("http", "https") or not host:
            raise FetchFailed("refused", f"{url!r} is not http(s) with a host")
        port = target.port or (443 if target.scheme == "https" else 80)
        try:
            addresses = await self._resolve(host, port)
        except OSError as exc:
            raise FetchFailed("fetch_error", f"cannot resolve {host}: {exc}") from None
        decision = check_target(url, addresses, self._allowed)
        if not decision.allowed or decision.address is None:
            raise FetchFailed("refused", f"{host}: {decision.reason}")
        send_headers = {"User-Agent": self._ua, **headers, "Host": target.netloc.decode("ascii")}
        return self._client.build_request(
            "GET",
            target.copy_with(host=decision.address),
            headers=send_headers,
            timeout=httpx.Timeout(timeout_s),
            extensions={"sni_hostname": host} if target.scheme == "https" else {},
        )


async def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailed("too_large", f"Content-Length {declared} > limit {max_bytes}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchFailed("too_large", f"body over the limit of {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
