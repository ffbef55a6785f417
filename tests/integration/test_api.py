"""The subscriptions API served by a real `tocsin worker` (subprocess) on the real broker."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from streams.local import WorkerProcess
from streams.produce import send_articles
from streams.receiver import Receiver
from streams.settings import Settings
from tests.support import SURNAMES, attack_articles

TOKEN = "api-test-token"


@pytest.fixture
def api_env(worker_env: dict[str, str]) -> dict[str, str]:
    # Only 127.0.0.1 itself: the receivers live there, and the rest of loopback stays refused.
    return {**worker_env, "TOCSIN_ALLOW_PRIVATE_TARGETS": "127.0.0.1/32", "TOCSIN_ADMIN_TOKEN": TOKEN}


@pytest.fixture
def run_worker(
    start_worker: Callable[..., WorkerProcess], api_env: dict[str, str]
) -> Callable[[], WorkerProcess]:
    return lambda: start_worker(**api_env)


@pytest.fixture
async def api(api_env: dict[str, str]) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{api_env['TOCSIN_WEB_PORT']}/api/v1",
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=15,
    ) as client:
        yield client


def _locs(response: httpx.Response) -> list[list[Any]]:
    assert response.status_code == 422, (response.status_code, response.text)
    detail = response.json()["detail"]
    assert all({"loc", "msg", "type"} <= set(e) for e in detail), detail
    return [e["loc"] for e in detail]


async def test_api_auth_validation_and_crud(
    run_worker: Callable[[], WorkerProcess], api: httpx.AsyncClient
) -> None:
    await run_worker().wait_ready()
    hook = {"kind": "webhook", "url": "http://127.0.0.1:9/hook", "name": "ops"}

    # 401 without a token and with a wrong one, on every route.
    for headers in ({"Authorization": ""}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        for method, path in (
            ("GET", "/subscriptions"),
            ("POST", "/subscriptions"),
            ("GET", "/subscriptions/x"),
            ("DELETE", "/subscriptions/x"),
        ):
            r = await api.request(method, path, json=hook, headers=headers)
            assert r.status_code == 401, (method, path, headers, r.status_code)
            assert r.headers["www-authenticate"].startswith("Bearer")

    created = await api.post("/subscriptions", json={**hook, "min_level": "high", "countries": ["ng"]})
    assert created.status_code == 201, created.text
    sub = created.json()
    assert sub["id"].startswith("sub_") and sub["secret"].startswith("whsec_")
    assert sub["min_level"] == "high" and sub["countries"] == ["NG"] and sub["enabled"] is True
    secret = sub["secret"]
    slack = await api.post(
        "/subscriptions",
        json={"kind": "slack", "url": "http://127.0.0.1:9/services/T/B/tok", "name": "chan"},
    )
    assert slack.status_code == 201 and "secret" not in slack.json()
    bot = {"kind": "slack_api", "url": "http://127.0.0.1:9/api/", "name": "room", "channel": "C0API0001"}
    threads = await api.post("/subscriptions", json={**bot, "token": "xoxb-api-test-bot-token"})
    assert threads.status_code == 201, threads.text
    assert threads.json()["channel"] == "C0API0001" and "token" not in threads.json()
    assert ["channel"] not in _locs(await api.post("/subscriptions", json=bot))  # no token: 422

    listing = await api.get("/subscriptions")
    assert listing.status_code == 200
    ids = {sub["id"], slack.json()["id"], threads.json()["id"]}
    assert {s["id"] for s in listing.json()["subscriptions"]} == ids
    assert "xoxb-api-test-bot-token" not in listing.text  # a bot token is a secret: never listed
    assert secret not in listing.text and '"secret"' not in listing.text
    assert "tok" not in listing.text  # a Slack webhook URL is a credential: masked
    one = await api.get(f"/subscriptions/{sub['id']}")
    assert one.status_code == 200 and one.json()["url"] == hook["url"]
    assert secret not in one.text and "secret" not in one.json()

    # Invalid bodies: 422 with pydantic's field errors, never a 500.
    assert ["url"] in _locs(await api.post("/subscriptions", json={**hook, "url": "ftp://example.com/x"}))
    assert ["min_level"] in _locs(await api.post("/subscriptions", json={**hook, "min_level": "severe"}))
    bad_type = await api.post("/subscriptions", json={**hook, "event_types": ["earthquake"]})
    assert ["event_types", 0] in _locs(bad_type)
    assert ["kind"] in _locs(await api.post("/subscriptions", json={**hook, "kind": "email"}))
    missing = _locs(await api.post("/subscriptions", json={}))
    assert {"kind", "url", "name"} <= {loc[0] for loc in missing}
    assert ["countries"] in _locs(await api.post("/subscriptions", json={**hook, "countries": ["Nigeria"]}))
    assert _locs(await api.post("/subscriptions", json={**hook, "surprise": 1}))
    assert _locs(await api.post("/subscriptions", content=b"{not json"))
    assert _locs(await api.post("/subscriptions", content=b"[1, 2]"))

    # Loopback outside the allowed 127.0.0.1/32 is refused (SSRF), IPv4 and IPv6.
    for url in ("http://127.0.0.2:9/hook", "http://[::1]:9/hook", "http://169.254.169.254/latest"):
        refused = await api.post("/subscriptions", json={**hook, "url": url})
        assert _locs(refused) == [["url"]], url
        assert refused.json()["detail"][0]["type"] == "url_refused"

    big = await api.post("/subscriptions", json={**hook, "name": "x" * (65 * 1024)})
    assert big.status_code == 413, big.status_code

    assert (await api.delete(f"/subscriptions/{sub['id']}")).status_code == 204
    assert (await api.get(f"/subscriptions/{sub['id']}")).status_code == 404
    assert (await api.delete(f"/subscriptions/{sub['id']}")).status_code == 404
    left = (await api.get("/subscriptions")).json()["subscriptions"]
    assert {s["id"] for s in left} == {slack.json()["id"], threads.json()["id"]}


async def test_api_subscription_survives_restart_and_receives_alerts(
    run_worker: Callable[[], WorkerProcess], api: httpx.AsyncClient, api_env: dict[str, str]
) -> None:
    first = run_worker()
    await first.wait_ready()
    async with Receiver() as probe:  # only for a free port; the real receiver needs the secret
        url = probe.url
        port = probe.port
    created = await api.post("/subscriptions", json={"kind": "webhook", "url": url, "name": "restart"})
    assert created.status_code == 201, created.text
    sub_id, secret = created.json()["id"], created.json()["secret"]
    gone = await api.post("/subscriptions", json={"kind": "webhook", "url": url, "name": "deleted"})
    assert (await api.delete(f"/subscriptions/{gone.json()['id']}")).status_code == 204
    assert first.stop() == 0

    second = run_worker()  # the store is rebuilt from the compacted topic, with no seed file
    await second.wait_ready()
    listing = (await api.get("/subscriptions")).json()["subscriptions"]
    assert [s["id"] for s in listing] == [sub_id]  # the deleted one stays deleted (tombstone)

    receiver = Receiver(secret)
    receiver.port = port
    async with receiver:
        await send_articles(Settings.from_env(api_env), attack_articles(2, "api"))
        assert await receiver.wait_for(lambda r: len(r) >= 2, timeout=40)
    assert all(r.verified for r in receiver.requests)  # signed with the secret the API returned
    assert {r.json["data"]["entities"]["target"]["name"].split()[-1] for r in receiver.requests} == set(
        SURNAMES[:2]
    )
