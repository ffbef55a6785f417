"""One frozen `Settings` from `TOCSIN_*` environment variables (pydantic-settings), built in
`main()`, never at import, and validated at start: a bad value fails the command with one line
naming its variable (`config_error`) instead of at the first delivery."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, EnvSettingsSource, NoDecode, PydanticBaseSettingsSource
from pydantic_settings.sources.utils import parse_env_vars

from agents.core.delivery.retry import RetryPolicy
from agents.core.delivery.targets import IPNetwork, parse_allowed
from streams.errors import ConfigError

DEFAULT_BOOTSTRAP = "127.0.0.1:19092"
PREFIX = "TOCSIN_"


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


Schedule = Annotated[tuple[float, ...] | None, NoDecode]
Networks = Annotated[tuple[IPNetwork, ...], NoDecode]

_ENV: ContextVar[Mapping[str, str] | None] = ContextVar("tocsin_settings_env", default=None)


class _Env(EnvSettingsSource):
    """The process environment, or the mapping `Settings.from_env` was given."""

    def _load_env_vars(self) -> Mapping[str, str | None]:
        env = _ENV.get()
        if env is None:
            return super()._load_env_vars()
        return parse_env_vars(env, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str)


class Settings(BaseSettings):
    model_config = {
        "env_prefix": PREFIX,
        "frozen": True,
        "extra": "ignore",  # other TOCSIN_* variables (TOCSIN_PYTHON, the broker's ports) are not ours
        "env_ignore_empty": True,
        "validate_by_name": True,
    }

    # TOCSIN_KAFKA_BOOTSTRAP is the name the deploy scripts and docs use; TOCSIN_KAFKA_PORT (the
    # local broker's) gives 127.0.0.1:<port> when no bootstrap is set.
    bootstrap: str = Field(DEFAULT_BOOTSTRAP, validation_alias="TOCSIN_KAFKA_BOOTSTRAP")
    kafka_port: int | None = Field(default=None, ge=1, le=65535)
    app_id: str = "tocsin"
    topic_prefix: str = ""
    partitions: int = Field(default=4, ge=1)
    replication: int = Field(default=1, ge=1)
    max_article_bytes: int = Field(default=2 * 1024 * 1024, ge=1024)
    # Events dated (by their text) this many days before the article are history: no alert.
    max_event_age_days: int = Field(default=14, ge=0)
    # Detector processes per worker; unset: one per core, at most 4. 0: detect on the event loop.
    detector_processes: int | None = Field(default=None, ge=0)
    subscriptions_file: Path | None = None
    web_host: str = "127.0.0.1"
    web_port: int = Field(default=6066, ge=0, le=65535)
    web_enabled: bool = True
    admin_token: SecretStr | None = None
    # Networks webhooks may reach although private: "127.0.0.0/8,::1/128" or "loopback".
    allow_private_targets: Networks = ()
    data_dir: Path = Path(".state/worker")
    store: str = "memory://"
    http_timeout_s: float = Field(default=15.0, gt=0)
    # Seconds before each attempt, comma-separated; unset = the defaults in
    # agents/core/delivery/retry.py (Svix's schedule for webhooks). Tests shorten them.
    retry_schedule: Schedule = None
    slack_retry_schedule: Schedule = None
    slack_min_interval_s: float = Field(default=1.0, ge=0)
    log_level: str = "info"
    # Kafka static membership (group.instance.id): a worker restarted under the same id takes its
    # partitions back without a rebalance. Empty = dynamic membership. StatefulSets use the pod name.
    worker_id: str = ""
    # A SIGKILLed worker's partitions move after this long (broker minimum: 6 s); heartbeats every third.
    session_timeout_s: float = Field(default=10.0, ge=6.0, le=300.0)
    # group_wait (docs/decisions.md): a new story's alert.created waits this long so reports of the
    # same event arriving meanwhile (from another partition, a feed's batch) join it first. 0: off.
    story_group_wait_s: float = Field(default=10.0, ge=0, le=300)
    # How long after its latest report a story can still be joined (its reports' own time axis);
    # it leaves the table after twice that. Longer joins slower follow-ups, at more open stories.
    story_window_h: float = Field(default=72.0, gt=0, le=24 * 30)
    # Standby replicas of each table partition on other workers: a failover resumes without
    # replaying the changelog. They never deliver (streams/fence.py).
    standbys: int = Field(default=1, ge=0)

    @field_validator("retry_schedule", "slack_retry_schedule", mode="before")
    @classmethod
    def _schedule(cls, value: Any) -> Any:
        if isinstance(value, str):
            if not value.strip():
                return None
            try:
                value = tuple(float(x) for x in value.split(","))
            except ValueError:
                raise ValueError("expected seconds separated by commas, e.g. 0,5,300") from None
        if value is not None:
            RetryPolicy(schedule=tuple(value))  # non-empty, no negative delay
        return value

    @field_validator("allow_private_targets", mode="before")
    @classmethod
    def _networks(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return tuple(parse_allowed(value))
            except ValueError as exc:
                raise ValueError(f"expected CIDR networks separated by commas or 'loopback': {exc}") from None
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        if value.lower() not in {"debug", "info", "warning", "error", "critical"}:
            raise ValueError("expected debug, info, warning, error or critical")
        return value.lower()

    @model_validator(mode="before")
    @classmethod
    def _port_gives_bootstrap(cls, data: Any) -> Any:
        if (
            isinstance(data, dict)
            and data.get("kafka_port")
            and not (data.get("bootstrap") or data.get("TOCSIN_KAFKA_BOOTSTRAP"))
        ):
            data = {**data, "bootstrap": f"127.0.0.1:{data['kafka_port']}"}
        return data

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, _Env(settings_cls)

    @property
    def topics(self) -> Topics:
        return Topics().prefixed(self.topic_prefix)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """From `env` (default: the process environment); `overrides` (not None) win."""
        with _environment(env):
            return cls(**{k: v for k, v in overrides.items() if v is not None})

    def replace(self, **changes: object) -> Settings:
        """A validated copy (unlike `model_copy`, which skips validation)."""
        return type(self).model_validate({**self.model_dump(), **changes})


@contextmanager
def _environment(env: Mapping[str, str] | None) -> Iterator[None]:
    token = _ENV.set(env)
    try:
        yield
    finally:
        _ENV.reset(token)


def config_error(exc: ValidationError) -> str:
    """The first problem as one line naming the environment variable: what to fix."""
    err = exc.errors(include_url=False)[0]
    loc = str(err["loc"][0]) if err["loc"] else ""
    name = loc if loc.startswith(PREFIX) else PREFIX + loc.upper()
    value = err.get("input")
    shown = "" if name.endswith("TOKEN") or isinstance(value, dict) else f"={value!r}"
    return f"configuration: {name}{shown}: {err['msg']}; fix or unset it"


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Settings for a command; `ConfigError` (one line) instead of pydantic's dump."""
    try:
        return Settings.from_env(env if env is not None else os.environ)
    except ValidationError as exc:
        raise ConfigError(config_error(exc)) from None
