"""`tocsin produce`: article files -> the articles topic, keyed by article id."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError
from pydantic import ValidationError

from agents.core.documents import parse_article_file
from agents.core.models import Article
from streams.errors import BrokerUnavailable, UsageError
from streams.files import read_input
from streams.settings import Settings


def load_articles(paths: Iterable[str | Path]) -> list[Article]:
    """Parse and validate every file first, so a typo fails before anything is sent."""
    articles: list[Article] = []
    for path in paths:
        p = Path(path)
        try:
            records = parse_article_file(p.name, read_input(p))
        except ValueError as exc:
            raise UsageError(f"{p}: {exc}; fix the file") from None
        for n, record in enumerate(records, 1):
            try:
                articles.append(Article.model_validate(record))
            except ValidationError as exc:
                err = exc.errors(include_url=False)[0]
                field = ".".join(str(x) for x in err["loc"]) or "record"
                raise UsageError(f"{p}: article {n}: {field}: {err['msg']}") from None
    return articles


async def send_articles(
    settings: Settings, articles: Iterable[Article], *, topic: str | None = None, partition: int | None = None
) -> int:
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, linger_ms=5, acks="all")
    try:
        await producer.start()
    except KafkaError as exc:
        await producer.stop()  # a producer that failed to start is still open ("Unclosed AIOKafkaProducer")
        raise BrokerUnavailable(settings.bootstrap, type(exc).__name__) from exc
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
