"""Subscriptions (who wants which alerts, where) and the routing decision `matches`.

The webhook secret and a Slack bot token are `SecretStr`s: they never appear in `repr`, logs or
`public_dict()`. A Slack incoming-webhook URL is itself a credential (the path is the token), so
the public view masks it. A `slack_api` subscription names a channel id and a bot token; its `url`
is the Web API root (default Slack's own).
"""

from __future__ import annotations

import base64
import re
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

from agents.core.delivery.kind import Kind
from agents.core.models import Alert, AlertReason, EventType, Level

ALL_EVENT_TYPES: tuple[str, ...] = get_args(EventType)

# Standard Webhooks: secrets are 24 to 64 random bytes.
SECRET_MIN_BYTES = 24
SECRET_MAX_BYTES = 64
SECRET_PREFIX = "whsec_"
SLACK_API_URL = "https://slack.com/api/"
# Slack ids: C… public, G… private, D… direct-message channels.
_SLACK_CHANNEL = re.compile(r"[CGD][A-Z0-9]{2,30}")


class SubscriptionRequest(BaseModel):
    """What a user asks for; empty filter lists mean "everything"."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    kind: Kind
    url: str = Field(max_length=3000)
    name: str = Field(min_length=1, max_length=200)
    event_types: list[EventType] = Field(default_factory=list)
    min_level: Level = Level.INFO
    countries: list[str] = Field(default_factory=list, description="ISO 3166-1 alpha-2")
    keywords: list[str] = Field(default_factory=list)
    # Which revisions after the first: every one, the ones that escalate (tolls, level, outcome;
    # not a further source confirming what was known), or none.
    updates: Literal["all", "escalations", "none"] = "escalations"
    # slack_api only: the channel id to post in and the bot token (`xoxb-…`, scope chat:write).
    channel: str | None = None
    token: SecretStr | None = None

    @model_validator(mode="before")
    @classmethod
    def _slack_api_url(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("kind") == "slack_api" and not data.get("url"):
            return {**data, "url": SLACK_API_URL}
        return data

    @model_validator(mode="after")
    def _slack_api_fields(self) -> SubscriptionRequest:
        if self.kind != "slack_api":
            if self.channel is not None or self.token is not None:
                raise ValueError("channel and token are for kind slack_api only")
            return self
        if self.channel is None or not _SLACK_CHANNEL.fullmatch(self.channel):
            raise ValueError("a slack_api subscription needs a channel id (C…, G… or D…)")
        token = self.token.get_secret_value() if self.token else ""
        if not 0 < len(token) <= 300 or any(c.isspace() for c in token):
            raise ValueError("a slack_api subscription needs a bot token without spaces")
        return self

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https"):
            raise ValueError("url must use http or https")
        if not parts.hostname:
            raise ValueError("url must have a host")
        if parts.username or parts.password:
            # Credentials in the URL would leak into listings and logs.
            raise ValueError("url must not contain user info")
        return value

    @field_validator("countries")
    @classmethod
    def _alpha2(cls, values: list[str]) -> list[str]:
        out = []
        for code in values:
            code = code.strip().upper()
            if not re.fullmatch(r"[A-Z]{2}", code):
                raise ValueError(f"country must be an ISO 3166-1 alpha-2 code, got {code!r}")
            out.append(code)
        return out

    @field_validator("keywords")
    @classmethod
    def _keywords(cls, values: list[str]) -> list[str]:
        out = [v.strip() for v in values]
        if any(not v for v in out):
            raise ValueError("keywords must not be empty")
        return out


class Subscription(SubscriptionRequest):
    """A stored subscription. Use `new_subscription` to create one."""

    id: str = Field(min_length=1, max_length=64)
    created_at: AwareDatetime
    secret: SecretStr | None = None
    enabled: bool = True
    disabled_reason: str | None = None

    @model_validator(mode="after")
    def _secret_for_webhooks_only(self) -> Subscription:
        if self.kind == "webhook" and self.secret is None:
            raise ValueError("a webhook subscription needs a signing secret")
        if self.kind != "webhook" and self.secret is not None:
            raise ValueError("a slack subscription has no signing secret")
        return self

    def public_dict(self) -> dict[str, Any]:
        """JSON-ready view for listings and logs: no secret or bot token, Slack webhook URL masked."""
        hidden = {"secret", "token"} | (set() if self.kind == "slack_api" else {"channel"})
        data = self.model_dump(mode="json", exclude=hidden)
        data["url"] = public_url(self)
        return data

    def storage_dict(self) -> dict[str, Any]:
        """JSON-ready view WITH the secret, for the subscription store only.

        `model_dump_json()` writes the secret as "**********" (SecretStr), which a store would
        persist silently; this is the one explicit way out.
        """
        data = self.model_dump(mode="json")
        data["secret"] = self.secret.get_secret_value() if self.secret else None
        data["token"] = self.token.get_secret_value() if self.token else None
        return data


def public_url(sub: SubscriptionRequest) -> str:
    if sub.kind != "slack":
        return sub.url
    parts = urlsplit(sub.url)
    return f"{parts.scheme}://{parts.netloc}/***"


def secret_from_bytes(random_bytes: bytes) -> str:
    if not SECRET_MIN_BYTES <= len(random_bytes) <= SECRET_MAX_BYTES:
        raise ValueError(f"secret must be {SECRET_MIN_BYTES} to {SECRET_MAX_BYTES} bytes")
    return SECRET_PREFIX + base64.b64encode(random_bytes).decode("ascii")


def new_subscription(
    request: SubscriptionRequest, *, sub_id: str, now: datetime, secret_bytes: bytes | None
) -> Subscription:
    """Build a subscription; the caller supplies id, clock and randomness (32 bytes from `secrets`)."""
    secret: SecretStr | None = None
    if request.kind == "webhook":
        if secret_bytes is None:
            raise ValueError("a webhook subscription needs secret_bytes")
        secret = SecretStr(secret_from_bytes(secret_bytes))
    return Subscription(**request.model_dump(), id=sub_id, created_at=now, secret=secret)


def disable(sub: Subscription, reason: str) -> Subscription:
    return sub.model_copy(update={"enabled": False, "disabled_reason": reason})


class MatchReason(StrEnum):
    MATCHED = "matched"
    DISABLED = "disabled"
    EVENT_TYPE = "event_type_not_subscribed"
    LEVEL_BELOW_MIN = "level_below_min"
    COUNTRY = "country_not_subscribed"
    KEYWORD = "no_keyword"
    UPDATES_OFF = "updates_not_subscribed"
    NOT_ESCALATION = "not_an_escalation"


class MatchResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    matched: bool
    reason: MatchReason

    def __bool__(self) -> bool:
        return self.matched


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    # Whole-word match at word edges so "riot" does not match "patriot"; a keyword that starts or
    # ends with punctuation is matched as written.
    return re.compile(rf"(?<!\w){re.escape(keyword)}(?!\w)", re.IGNORECASE)


def _no(reason: MatchReason) -> MatchResult:
    return MatchResult(matched=False, reason=reason)


def matches(sub: Subscription, alert: Alert) -> MatchResult:
    """Does `alert` go to `sub`? The first filter that fails is the reason."""
    if not sub.enabled:
        return _no(MatchReason.DISABLED)
    if alert.revision > 1 and sub.updates == "none":
        return _no(MatchReason.UPDATES_OFF)
    if alert.reason is AlertReason.CORROBORATED and sub.updates == "escalations":
        return _no(MatchReason.NOT_ESCALATION)
    if sub.event_types and alert.event_type not in sub.event_types:
        return _no(MatchReason.EVENT_TYPE)
    if alert.severity.level.rank < sub.min_level.rank:
        return _no(MatchReason.LEVEL_BELOW_MIN)
    if sub.countries:
        codes = {(p.country_code or "").upper() for p in alert.entities.places}
        if not codes.intersection(sub.countries):
            return _no(MatchReason.COUNTRY)
    if sub.keywords:
        texts = [alert.title, alert.summary, *alert.evidence]
        if not any(_keyword_pattern(k).search(t) for k in sub.keywords for t in texts):
            return _no(MatchReason.KEYWORD)
    return MatchResult(matched=True, reason=MatchReason.MATCHED)
