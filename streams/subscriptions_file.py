"""Seed subscriptions from a YAML or JSON file (`TOCSIN_SUBSCRIPTIONS_FILE`).

Each entry: kind (webhook|slack, default webhook), url, name, secret (webhooks: `whsec_...`),
event_types, min_level, countries, keywords, and optionally a stable id.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import SecretStr

from agents.core.delivery.subscriptions import Subscription


def parse_subscriptions(entries: list[dict[str, Any]], *, now: datetime) -> list[Subscription]:
    subs = []
    for entry in entries:
        entry = {"kind": "webhook", **entry}
        entry.setdefault("name", entry["url"])
        # A file entry without an id gets one derived from its URL: stable across restarts.
        entry.setdefault("id", "sub_" + hashlib.sha256(entry["url"].encode()).hexdigest()[:16])
        secret = entry.pop("secret", None)
        subs.append(Subscription(**entry, created_at=now, secret=SecretStr(secret) if secret else None))
    return subs


def load_subscriptions(path: Path, *, now: datetime) -> list[Subscription]:
    data = yaml.safe_load(path.read_text())  # JSON is YAML too
    if isinstance(data, dict):
        data = data.get("subscriptions", [])
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of subscriptions")
    return parse_subscriptions(data, now=now)
