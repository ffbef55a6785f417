"""Story assembly over a list of reports, as the stories table would do it (`tocsin eval-stories`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from agents.core.models import Article, Event
from agents.core.stories.assemble import apply, decide, partition_key
from agents.core.stories.model import Decision, Stories


def assemble(
    reports: Iterable[tuple[Article, Event]], *, now: Callable[[Article], datetime]
) -> list[Decision]:
    """One decision per report, in the given order; `now(article)` is when it is processed."""
    tables: dict[str, Stories] = {}
    out: list[Decision] = []
    for article, event in reports:
        key, when = partition_key(event), now(article)
        current = tables.get(key, Stories())
        decision = decide(current, article, event, key=key, now=when)
        tables[key] = apply(current, decision)
        out.append(decision)
    return out
