"""Seed subscriptions from a YAML or JSON file (`TOCSIN_SUBSCRIPTIONS_FILE`).

Each entry: kind (webhook|slack|slack_api, default webhook), url, name, secret (webhooks:
`whsec_...`), channel and token (slack_api: a channel id and a bot token; url defaults to Slack's
Web API), event_types, min_level, countries, keywords, updates, and optionally a stable id.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import SecretStr, ValidationError

from agents.core.delivery.subscriptions import Subscription
from streams.errors import ConfigError


def parse_subscriptions(entries: list[dict[str, Any]], *, now: datetime) -> list[Subscription]:
    subs = []
    for entry in entries:
        entry = {"kind": "webhook", **entry}
        if entry["kind"] == "slack_api":  # one API root serves many channels
            where = f"{entry.get('url') or ''}#{entry.get('channel')}"
        else:
            where = entry["url"]
        entry.setdefault("name", where)
        # A file entry without an id gets one derived from its URL (and channel): stable across restarts.
        entry.setdefault("id", "sub_" + hashlib.sha256(where.encode()).hexdigest()[:16])
        secret = entry.pop("secret", None)
        subs.append(Subscription(**entry, created_at=now, secret=SecretStr(secret) if secret else None))
    return subs


def load_subscriptions(path: Path, *, now: datetime) -> list[Subscription]:
    """Raises ConfigError naming TOCSIN_SUBSCRIPTIONS_FILE and what is wrong with it."""
    where = f"configuration: TOCSIN_SUBSCRIPTIONS_FILE={str(path)!r}"
    try:
        data = yaml.safe_load(path.read_text())  # JSON is YAML too
    except OSError as exc:
        raise ConfigError(f"{where}: {exc.strerror or exc}; check the path") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not YAML or JSON ({str(exc).splitlines()[0]})") from None
    if isinstance(data, dict):
        data = data.get("subscriptions", [])
    if not isinstance(data, list):
        raise ConfigError(f"{where}: expected a list of subscriptions")
    try:
        return parse_subscriptions(data, now=now)
    except (ValidationError, KeyError, TypeError, AttributeError) as exc:
        detail = exc.errors(include_url=False)[0]["msg"] if isinstance(exc, ValidationError) else repr(exc)
        raise ConfigError(f"{where}: a subscription is invalid: {detail}") from None
