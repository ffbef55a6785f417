"""Story assembly over a list of reports, as the stories table would do it (`tocsin eval-stories`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from agents.core.models import Article, Event
from agents.core.stories.assemble import WINDOW, apply, decide, partition_key, release
from agents.core.stories.index import Stories
from agents.core.stories.model import Decision


def assemble(
    reports: Iterable[tuple[Article, Event]],
    *,
    now: Callable[[Article], datetime],
    tables: dict[str, Stories] | None = None,
    group_wait: timedelta = timedelta(0),
    released: list[tuple[int, Decision]] | None = None,
    window: timedelta = WINDOW,
) -> list[Decision]:
    """One decision per report, in the given order; `now(article)` is when it is processed (with a
    `group_wait`, a clock that never goes back). `tables` (partition key -> open stories) is filled
    in place when given: the final stories. Held stories are released as the shell's timer would:
    when a later report arrives after their wait, and all at the end (the wait passes); those
    decisions are appended to `released` when given, in the order they went out, each with the
    number of reports decided before it."""
    tables = {} if tables is None else tables
    out: list[Decision] = []
    sent = released if released is not None else []

    def release_due(when: datetime | None) -> None:
        # Each hold at its own deadline, earliest first, as the shell's timer would (tick aside).
        while deadlines := [t for current in tables.values() for t in current.held.values()]:
            at = min(deadlines)
            if when is not None and at > when:
                return
            for current in tables.values():
                for d in release(current, at):
                    apply(current, d, window)
                    sent.append((len(out), d))

    for article, event in reports:
        key, when = partition_key(event), now(article)
        if group_wait > timedelta(0):
            release_due(when)
        current = tables.setdefault(key, Stories())
        decision = decide(current, article, event, key=key, now=when, group_wait=group_wait, window=window)
        apply(current, decision, window)
        out.append(decision)
    release_due(None)  # the wait passes after the last report
    return out
