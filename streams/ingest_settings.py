"""`tocsin ingest` settings: `TOCSIN_INGEST_*` variables (pydantic-settings), read in `main()`.

Kafka and topics come from the worker's own `Settings` (`TOCSIN_KAFKA_BOOTSTRAP`,
`TOCSIN_TOPIC_PREFIX`, ...), so an ingester and a worker configured alike meet on one topic.
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class IngestSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TOCSIN_INGEST_", frozen=True, extra="ignore")

    interval_s: float = Field(default=300.0, gt=0, description="default seconds between polls of a feed")
    max_backoff_s: float = Field(default=3600.0, gt=0, description="longest wait after failures")
    max_retry_after_s: float = Field(default=6 * 3600.0, ge=0, description="Retry-After is clamped to this")
    feed_timeout_s: float = Field(default=20.0, gt=0, description="whole fetch of one feed")
    page_timeout_s: float = Field(
        default=20.0, gt=0, description="whole fetch of one page, redirects included"
    )
    max_feed_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)
    # Below the worker's TOCSIN_MAX_ARTICLE_BYTES (2 MB) so that text + raw HTML fit one record.
    max_page_bytes: int = Field(default=1024 * 1024, ge=1024)
    max_redirects: int = Field(default=5, ge=0)
    concurrency: int = Field(default=4, ge=1, description="pages fetched at once")
    # The webhook SSRF rule: loopback, private, link-local and metadata addresses are refused
    # unless listed here (CIDRs, or "loopback").
    allow_private: str = ""
    user_agent: str = "tocsin-ingest/0.1"
    metrics_host: str = "127.0.0.1"
    metrics_port: int = Field(default=9109, ge=0, le=65535, description="0 = no /metrics server")
