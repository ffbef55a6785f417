"""One frozen `Settings`, read from `TOCSIN_*` environment variables in `main()`, never at import."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr

DEFAULT_BOOTSTRAP = "127.0.0.1:19092"


class Topics(BaseModel):
    model_config = ConfigDict(frozen=True)

    articles: str = "tocsin.articles.v1"
    articles_dlq: str = "tocsin.articles.dlq.v1"
    events: str = "tocsin.events.v1"
    alerts: str = "tocsin.alerts.v1"
    subscriptions: str = "tocsin.subscriptions.v1"
    deliveries_retry: str = "tocsin.deliveries.retry.v1"
    deliveries_dlq: str = "tocsin.deliveries.dlq.v1"

    def prefixed(self, prefix: str) -> Topics:
        """Per-test topic sets: tests pass a unique prefix so they never share a topic."""
        if not prefix:
            return self
        return Topics(**{k: f"{prefix}{v}" for k, v in self.model_dump().items()})


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    bootstrap: str = DEFAULT_BOOTSTRAP
    app_id: str = "tocsin"
    topic_prefix: str = ""
    partitions: int = Field(default=4, ge=1)
    replication: int = Field(default=1, ge=1)
    max_article_bytes: int = Field(default=2 * 1024 * 1024, ge=1024)
    # Events dated (by their text) this many days before the article are history: no alert.
    max_event_age_days: int = Field(default=14, ge=0)
    subscriptions_file: Path | None = None
    web_host: str = "127.0.0.1"
    web_port: int = 6066
    web_enabled: bool = True
    admin_token: SecretStr | None = None
    allow_private_targets: str = ""
    data_dir: Path = Path(".state/worker")
    store: str = "memory://"
    http_timeout_s: float = 15.0
    # Seconds before each attempt, comma-separated; empty = the defaults in agents/core/delivery/retry.py
    # (Svix's schedule for webhooks). Tests shorten them.
    retry_schedule: str = ""
    slack_retry_schedule: str = ""
    slack_min_interval_s: float = 1.0
    log_level: str = "info"
    # Kafka static membership (group.instance.id): a worker restarted under the same id takes its
    # partitions back without a rebalance. Empty = dynamic membership. StatefulSets use the pod name.
    worker_id: str = ""
    # A SIGKILLed worker's partitions move after this long (broker minimum: 6 s); heartbeats every third.
    session_timeout_s: float = Field(default=10.0, ge=6.0, le=300.0)
    # Standby replicas of each table partition on other workers: a failover resumes without
    # replaying the changelog. They never deliver (streams/fence.py).
    standbys: int = Field(default=1, ge=0)

    @property
    def topics(self) -> Topics:
        return Topics().prefixed(self.topic_prefix)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        env = os.environ if env is None else env
        fields: dict[str, object] = {}
        for name in cls.model_fields:
            key = f"TOCSIN_{name.upper()}"
            if key in env and env[key] != "":
                fields[name] = env[key]
        # TOCSIN_KAFKA_BOOTSTRAP is the name the deploy scripts and docs use.
        if env.get("TOCSIN_KAFKA_BOOTSTRAP"):
            fields["bootstrap"] = env["TOCSIN_KAFKA_BOOTSTRAP"]
        elif env.get("TOCSIN_KAFKA_PORT"):
            fields["bootstrap"] = f"127.0.0.1:{env['TOCSIN_KAFKA_PORT']}"
        fields.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(fields)
