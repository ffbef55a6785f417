"""Agent: articles in, detected events out (keyed by story), bad input to the DLQ."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson

from agents.core.detector import detect
from agents.core.intake import Rejection, decode_article
from agents.core.stories import story_key

if TYPE_CHECKING:
    from streams.app import Runtime


def dlq_headers(rejection: Rejection, message: Any) -> list[tuple[str, bytes]]:
    """Why and where from: enough to find, fix and replay the original bytes."""
    original = [(k, v) for k, v in (message.headers or []) if not k.startswith("tocsin-")]
    return [
        ("tocsin-dlq-reason", rejection.reason.value.encode()),
        ("tocsin-dlq-detail", rejection.detail.encode()),
        ("tocsin-source-topic", message.topic.encode()),
        ("tocsin-source-partition", str(message.partition).encode()),
        ("tocsin-source-offset", str(message.offset).encode()),
        *original,
    ]


def register(rt: Runtime) -> None:
    topics, metrics, max_bytes = rt.topics, rt.metrics, rt.settings.max_article_bytes

    @rt.app.agent(topics["articles"], name="classify_articles")
    async def classify_articles(stream: Any) -> None:
        async for event in stream.events():
            result = decode_article(event.value, max_bytes=max_bytes)
            if isinstance(result, Rejection):
                metrics.articles.labels("rejected").inc()
                metrics.dlq_articles.labels(result.reason.value).inc()
                await topics["articles_dlq"].send(
                    key=event.message.key,
                    value=event.value or b"",
                    headers=dlq_headers(result, event.message),
                )
                continue
            metrics.articles.labels("accepted").inc()
            now = rt.now()
            article_json = result.model_dump(mode="json", exclude={"html"})
            for detected in detect(result.title, result.text):
                metrics.events.labels(detected.type).inc()
                key = story_key(detected, result, now=now)
                payload = {
                    "article": article_json,
                    "event": detected.model_dump(mode="json"),
                    "received_at": now.isoformat(),
                }
                await topics["events"].send(key=key.encode(), value=orjson.dumps(payload))
