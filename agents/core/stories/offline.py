"""Story assembly over a list of reports, as the stories table would do it (`tocsin eval-stories`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from agents.core.models import Article, Event
from agents.core.stories.assemble import apply, decide, partition_key
from agents.core.stories.index import Stories
from agents.core.stories.model import Decision


def assemble(
    reports: Iterable[tuple[Article, Event]],
    *,
    now: Callable[[Article], datetime],
    tables: dict[str, Stories] | None = None,
) -> list[Decision]:
    """One decision per report, in the given order; `now(article)` is when it is processed.
    `tables` (partition key -> open stories) is filled in place when given: the final stories."""
    tables = {} if tables is None else tables
    out: list[Decision] = []
    for article, event in reports:
        key, when = partition_key(event), now(article)
        current = tables.setdefault(key, Stories())
        decision = decide(current, article, event, key=key, now=when)
        apply(current, decision)
        out.append(decision)
    return out
