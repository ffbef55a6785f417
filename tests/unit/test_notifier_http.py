"""Both notifiers against a real HTTP/1.1 server on 127.0.0.1, driven by the shared status table."""

from __future__ import annotations

import base64
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime

import httpx
import orjson
import pytest

from agents.core.delivery.outcome import DeliveryOutcome, DeliveryResult
from agents.core.delivery.render import Message
from agents.core.delivery.signing import sign, verify
from agents.core.delivery.targets import parse_allowed
from agents.notifiers.slack import SlackNotifier
from agents.notifiers.webhook import WebhookNotifier
from streams.receiver import Answer, Received, Receiver

try:
    from status_table import NOW, STATUS_CASES, StatusCase, case_ids
except ImportError:
    from tests.unit.status_table import NOW, STATUS_CASES, StatusCase, case_ids

LOOPBACK = parse_allowed("127.0.0.0/8")
SECRET = "whsec_" + base64.b64encode(bytes(range(32))).decode()
BODY = b'{"type":"alert.created","timestamp":"2026-11-27T16:38:00Z","data":{"id":"ev_1"}}'


@dataclass
class Script:
    """What the receiver answers next: a row of the status table, or hang, or drop."""

    answer: Answer = field(default_factory=Answer)

    def play(self, case: StatusCase) -> None:
        headers = dict(case.headers)
        if case.retry_after is not None:
            headers["Retry-After"] = case.retry_after
        self.answer = Answer(status=case.status, headers=headers, body=case.body)


@dataclass
class Endpoint:
    server: Receiver
    script: Script

    @property
    def port(self) -> int:
        return self.server.port

    @property
    def requests(self) -> list[Received]:
        return self.server.requests


@pytest.fixture
async def receiver() -> AsyncIterator[Endpoint]:
    script = Script()
    async with Receiver(behaviour=lambda _n, _rec: script.answer, any_path=True) as server:
        yield Endpoint(server, script)


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as c:
        yield c


async def fake_dns(host: str, port: int) -> list[str]:
    assert host == "receiver.test"
    return ["127.0.0.1"]


def _webhook(client: httpx.AsyncClient, timeout_s: float = 15.0) -> WebhookNotifier:
    return WebhookNotifier(
        client, resolver=fake_dns, allowed_networks=LOOPBACK, clock=lambda: NOW, timeout_s=timeout_s
    )


def _slack(client: httpx.AsyncClient) -> SlackNotifier:
    return SlackNotifier(client, resolver=fake_dns, allowed_networks=LOOPBACK, clock=lambda: NOW)


def webhook_message(body: bytes = BODY, headers: dict[str, str] | None = None) -> Message:
    return Message(body, {**(headers or {}), "Content-Type": "application/json"})


def slack_message(payload: dict[str, object]) -> Message:
    return Message(orjson.dumps(payload), {"Content-Type": "application/json; charset=utf-8"})


def clock() -> datetime:
    return NOW


@pytest.mark.parametrize("case", STATUS_CASES, ids=case_ids(STATUS_CASES))
async def test_webhook_notifier_follows_the_table(
    case: StatusCase, receiver: Endpoint, client: httpx.AsyncClient
) -> None:
    receiver.script.play(case)
    headers = sign("msg_1", NOW, BODY, SECRET)
    result = await _webhook(client).send(
        f"http://receiver.test:{receiver.port}/hook?x=1", webhook_message(BODY, headers)
    )
    assert (result.outcome, result.retry_after_s, result.status) == (*case.webhook, case.status)
    assert len(receiver.requests) == 1  # redirects are not followed
    [request] = receiver.requests
    assert (request.path, request.body) == ("/hook?x=1", BODY)  # the one route takes POST only
    assert request.headers["host"] == f"receiver.test:{receiver.port}"  # pinned to 127.0.0.1
    assert request.headers["content-type"] == "application/json"
    verify(request.body, request.headers, SECRET, now=NOW)


@pytest.mark.parametrize("case", STATUS_CASES, ids=case_ids(STATUS_CASES))
async def test_slack_notifier_follows_the_table(
    case: StatusCase, receiver: Endpoint, client: httpx.AsyncClient
) -> None:
    receiver.script.play(case)
    message = {"text": "hello", "attachments": []}
    result = await _slack(client).send(
        f"http://receiver.test:{receiver.port}/services/T/B/x", slack_message(message)
    )
    assert (result.outcome, result.retry_after_s, result.status) == (*case.slack, case.status)
    [request] = receiver.requests
    assert orjson.loads(request.body) == message
    assert request.headers["content-type"] == "application/json; charset=utf-8"


async def test_timeout_is_retried(receiver: Endpoint, client: httpx.AsyncClient) -> None:
    receiver.script.answer = Answer(delay_s=1.0)  # past the 0.2 s timeout
    result = await _webhook(client, timeout_s=0.2).send(
        f"http://receiver.test:{receiver.port}/", webhook_message()
    )
    assert result == DeliveryResult(DeliveryOutcome.RETRY, None, None, "webhook transport error: ReadTimeout")


async def test_dropped_connection_is_retried(receiver: Endpoint, client: httpx.AsyncClient) -> None:
    receiver.script.answer = Answer(drop=True)
    result = await _slack(client).send(f"http://receiver.test:{receiver.port}/", slack_message({"text": "x"}))
    assert result == DeliveryResult(
        DeliveryOutcome.RETRY, None, None, "slack transport error: RemoteProtocolError"
    )


async def test_connection_refused_is_retried(client: httpx.AsyncClient) -> None:
    with socket.socket() as s:  # a port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = await _webhook(client).send(f"http://receiver.test:{port}/", webhook_message())
    assert result == DeliveryResult(
        DeliveryOutcome.RETRY, None, None, "webhook transport error: ConnectError"
    )


async def test_dns_failure_is_retried(client: httpx.AsyncClient) -> None:
    async def broken_dns(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    notifier = WebhookNotifier(client, clock=clock, resolver=broken_dns, allowed_networks=LOOPBACK)
    result = await notifier.send("http://receiver.test/", webhook_message())
    assert result == DeliveryResult(
        DeliveryOutcome.RETRY, None, None, "webhook transport error: ConnectError"
    )


async def test_loopback_refused_by_default_with_real_dns(
    receiver: Endpoint, client: httpx.AsyncClient
) -> None:
    result = await WebhookNotifier(client, clock=clock).send(
        f"http://localhost:{receiver.port}/", webhook_message()
    )
    assert result.outcome is DeliveryOutcome.GIVE_UP
    assert result.reason.startswith("webhook refused: loopback address ")
    assert receiver.requests == []


async def test_loopback_allowed_with_real_dns(receiver: Endpoint, client: httpx.AsyncClient) -> None:
    notifier = SlackNotifier(client, clock=clock, allowed_networks=parse_allowed("loopback"))
    result = await notifier.send(f"http://localhost:{receiver.port}/", slack_message({"text": "x"}))
    assert result.outcome is DeliveryOutcome.OK
    assert receiver.requests[0].headers["host"] == f"localhost:{receiver.port}"


async def test_private_resolution_refused_before_connecting(client: httpx.AsyncClient) -> None:
    async def rebinding_dns(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "169.254.169.254"]

    result = await WebhookNotifier(client, clock=clock, resolver=rebinding_dns).send(
        "https://hooks.example/x", webhook_message()
    )
    assert result == DeliveryResult(
        DeliveryOutcome.GIVE_UP,
        None,
        None,
        "webhook refused: cloud metadata address 169.254.169.254 is not allowed",
    )


@pytest.mark.parametrize("url", ["ftp://receiver.test/x", "receiver.test/x", "http://"])
async def test_bad_urls_give_up(url: str, client: httpx.AsyncClient) -> None:
    result = await _slack(client).send(url, slack_message({"text": "x"}))
    assert result.outcome is DeliveryOutcome.GIVE_UP
    assert result.reason.startswith("slack refused: ")


async def test_https_is_pinned_with_sni_on_the_name() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, text="ok")

    async def public_dns(host: str, port: int) -> list[str]:
        assert (host, port) == ("hooks.slack.com", 443)
        return ["2600:1f18::1", "54.1.2.3"]

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as mock_client:
        result = await SlackNotifier(mock_client, clock=clock, resolver=public_dns).send(
            "https://hooks.slack.com/services/T/B/x", slack_message({"text": "x"})
        )
    assert result.outcome is DeliveryOutcome.OK
    [request] = seen
    assert str(request.url) == "https://[2600:1f18::1]/services/T/B/x"
    assert request.headers["host"] == "hooks.slack.com"
    assert request.extensions["sni_hostname"] == "hooks.slack.com"
