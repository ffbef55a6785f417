"""`tocsin produce`: article files -> the articles topic, keyed by article id."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from aiokafka import AIOKafkaProducer

from agents.core.documents import parse_article_file
from agents.core.models import Article
from streams.settings import Settings


def load_articles(paths: Iterable[str | Path]) -> list[Article]:
    """Parse and validate every file first, so a typo fails before anything is sent."""
    articles: list[Article] = []
    for path in paths:
        p = Path(path)
        for record in parse_article_file(p.name, p.read_bytes()):
            articles.append(Article.model_validate(record))
    return articles


async def send_articles(
    settings: Settings, articles: Iterable[Article], *, topic: str | None = None, partition: int | None = None
) -> int:
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, linger_ms=5, acks="all")
    await producer.start()
    n = 0
    try:
        for article in articles:
            await producer.send(
                topic or settings.topics.articles,
                key=article.article_id.encode(),
                value=article.model_dump_json(exclude_none=True).encode(),
                partition=partition,
            )
            n += 1
        await producer.flush()
    finally:
        await producer.stop()
    return n


async def produce_paths(settings: Settings, paths: Iterable[str], *, topic: str | None = None) -> int:
    return await send_articles(settings, load_articles(paths), topic=topic)
