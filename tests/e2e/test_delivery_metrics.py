"""/metrics on the worker's web port after real traffic: alerts, deliveries, latency, retries, DLQ."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx
from aiokafka import AIOKafkaProducer

from streams.local import WorkerProcess
from streams.produce import send_articles
from streams.receiver import Answer, Received, Receiver
from streams.settings import Settings
from streams.topics import ensure_topics
from tests.support import attack_articles, metric, new_secret, scrape_metrics


async def test_metrics_after_traffic(
    e2e_settings: Settings, start_worker: Callable[..., WorkerProcess], worker_env: dict[str, str]
) -> None:
    secret = new_secret()

    def first_request_fails(n: int, _: Received) -> Answer:
        return Answer(503, body="busy") if n == 0 else Answer()

    await ensure_topics(e2e_settings)
    async with Receiver(secret, behaviour=first_request_fails) as receiver:
        worker = start_worker(
            [{"id": "sub_metrics", "url": receiver.url, "secret": secret}], TOCSIN_RETRY_SCHEDULE="0,1,1"
        )
        await worker.wait_ready()
        producer = AIOKafkaProducer(bootstrap_servers=e2e_settings.bootstrap, acks="all")
        await producer.start()
        try:
            await producer.send_and_wait(e2e_settings.topics.articles, key=b"bad", value=b"{not an article")
        finally:
            await producer.stop()
        await send_articles(e2e_settings, attack_articles(2, "metrics"))
        assert await receiver.wait_for(lambda _: len(receiver.delivered) >= 2, timeout=40)

    port = int(worker_env["TOCSIN_WEB_PORT"])
    async with httpx.AsyncClient() as client:
        response = await client.get(f"http://127.0.0.1:{port}/metrics", timeout=10)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    m = await scrape_metrics(port)
    for _ in range(20):  # the last "done" record is read back from Kafka just after the 200
        if m.get("tocsin_delivery_retry_pending") == 0:
            break
        await asyncio.sleep(0.25)
        m = await scrape_metrics(port)
    assert metric(m, "tocsin_alerts_total", type="assassination_attempt") == 2
    assert metric(m, "tocsin_deliveries_total", kind="webhook", outcome="ok") == 2
    assert metric(m, "tocsin_deliveries_total", kind="webhook", outcome="retry") == 1
    assert metric(m, "tocsin_delivery_latency_seconds_count", kind="webhook") == 2
    assert 0 < metric(m, "tocsin_delivery_latency_seconds_sum", kind="webhook") < 60
    assert metric(m, "tocsin_delivery_latency_seconds_bucket", kind="webhook", le="+Inf") == 2
    assert "tocsin_delivery_retry_pending" in m and m["tocsin_delivery_retry_pending"] == 0
    assert metric(m, "tocsin_articles_dlq_total") == 1
    # Lag of the owned input partitions: present for every articles partition, and 0 once the
    # worker has committed everything it was given (the gauge is refreshed every 5 s).
    articles = e2e_settings.topics.articles
    for _ in range(40):
        lag = {k: v for k, v in m.items() if k.startswith("tocsin_consumer_lag{") and f'"{articles}"' in k}
        if len(lag) == e2e_settings.partitions and sum(lag.values()) == 0:
            break
        await asyncio.sleep(0.5)
        m = await scrape_metrics(port)
    assert len(lag) == e2e_settings.partitions and sum(lag.values()) == 0, lag
