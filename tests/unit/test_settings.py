from __future__ import annotations

from streams.settings import Settings


def test_env_overrides_and_topic_prefix() -> None:
    s = Settings.from_env(
        {
            "TOCSIN_KAFKA_BOOTSTRAP": "h:1",
            "TOCSIN_PARTITIONS": "8",
            "TOCSIN_TOPIC_PREFIX": "t1.",
            "TOCSIN_ADMIN_TOKEN": "s3cret",
        }
    )
    assert s.bootstrap == "h:1" and s.partitions == 8
    assert s.topics.articles == "t1.tocsin.articles.v1"
    assert "s3cret" not in repr(s)


def test_defaults() -> None:
    s = Settings.from_env({})
    assert s.topics.articles_dlq == "tocsin.articles.dlq.v1"
    assert s.partitions == 4 and s.web_port == 6066 and s.max_article_bytes == 2 * 1024 * 1024
