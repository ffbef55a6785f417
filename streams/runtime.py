"""What an agent gets from the shell: typed topics and tables, metrics, the in-order guard, a clock.

A leaf: it imports no agent module and no `streams.app`, so agents import it and `create_app`
builds it without an import cycle (tests/unit/test_boundaries.py checks).
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import faust
from faust.types import TopicT

from streams.metrics import Metrics
from streams.ordered import InOrder
from streams.settings import Settings

# A table keyed by raw bytes holding plain JSON values (a faust Table, or a dict in unit tests).
JsonTable = MutableMapping[bytes, Any]


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Topics:
    """Every topic the agents read or write, as raw-bytes Faust topics (decoding is the core's)."""

    articles: TopicT
    articles_dlq: TopicT
    events: TopicT
    alerts: TopicT
    subscriptions: TopicT
    deliveries_retry: TopicT
    deliveries_dlq: TopicT


@dataclass(slots=True)
class Tables:
    """Changelogged state, co-partitioned with the topic its agent reads."""

    stories: JsonTable  # story id -> story (agents/track.py)
    delivery_pending: JsonTable  # webhook-id -> task waiting for an attempt (agents/track_deliveries.py)
    delivery_ledger: JsonTable  # webhook-id -> how its delivery ended


@dataclass(slots=True)
class Runtime:
    settings: Settings
    app: faust.App
    metrics: Metrics
    in_order: InOrder  # every agent reads its input through it (streams/ordered.py)
    topics: Topics
    tables: Tables
    now: Callable[[], datetime] = utcnow
