"""Agent: detected events (keyed by story) -> alert revisions, deduplicated by the stories table."""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta

from faust.types import StreamT

from agents.core.event_record import EventRecord, ReleaseTick
from agents.core.models import Alert
from agents.core.stories import Decision, Stories, StoryState, apply, decide, release
from streams.ordered import events_in_order
from streams.runtime import JsonTable, Runtime

log = logging.getLogger(__name__)


class OpenStories:
    """Partition key -> its open stories, parsed once from the stories table (story id -> story,
    written from the event's partition, one small value per write), indexed for candidates and
    updated in place by `apply`; rebuilt after a restart or a rebalance (another worker may have
    changed them meanwhile)."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self.index: dict[str, Stories] = {}
        self.generation = -1

    @property
    def table(self) -> JsonTable:
        return self.rt.tables.stories

    def under(self, key: str) -> Stories:
        if self.generation != self.rt.app.consumer_generation_id:
            # One pass over the table per generation groups every story under its key; a new key
            # then costs nothing (it was scanned once per key before).
            self.index.clear()
            for value in self.table.values():
                if value and value.get("key"):
                    self.index.setdefault(value["key"], Stories()).put(StoryState.model_validate(value))
            self.generation = self.rt.app.consumer_generation_id
        return self.index.setdefault(key, Stories())


async def _send(rt: Runtime, alert: Alert, received_at: datetime) -> None:
    rt.metrics.alerts.labels(alert.event_type, alert.severity.level.value, alert.reason.value).inc()
    sent = await rt.topics.alerts.send(
        key=alert.id.encode(),
        value=alert.model_dump_json().encode(),
        headers=[("tocsin-received-at", received_at.isoformat().encode())],
    )
    # The alert is on the broker before the story remembers it: a crash in between replays this
    # event and sends the same revision (same webhook-ids) again, where the other order would
    # replay it as `unchanged` and the alert would never go out.
    await sent


def _record(open_stories: OpenStories, current: Stories, decision: Decision, window: timedelta) -> None:
    # `apply` updates the key's indexed stories in place; merged-away and long-ended stories leave
    # the table (table keys stay bytes, as after recovery).
    for closed in apply(current, decision, window):
        open_stories.table.pop(closed.encode(), None)
    open_stories.table[decision.state.story_id.encode()] = decision.state.model_dump(mode="json")


async def _release(rt: Runtime, open_stories: OpenStories, current: Stories, now: datetime) -> None:
    """Announce the key's held stories whose group_wait is over (alert first, then the table)."""
    for decision in release(current, now):
        if decision.alert is not None:
            await _send(rt, decision.alert, decision.state.first_seen_at)
        _record(open_stories, current, decision, _window(rt))


def _window(rt: Runtime) -> timedelta:
    return timedelta(hours=rt.settings.story_window_h)


async def track_stories(rt: Runtime, stream: StreamT[bytes]) -> None:
    """Agent `track_stories`: events topic -> alerts topic, remembering each story in its table."""
    metrics, open_stories = rt.metrics, OpenStories(rt)
    group_wait = timedelta(seconds=rt.settings.story_group_wait_s)
    async for event_in in events_in_order(rt.in_order, stream, rt.topics.events.get_topic_name()):
        tick = ReleaseTick.parse(event_in.key, event_in.value)
        if tick is not None:  # the timer's: holds of this key may be due
            await _release(rt, open_stories, open_stories.under(tick.key), rt.now())
            continue
        try:
            rec = EventRecord.from_kafka(event_in.key, event_in.value)
        except ValueError as exc:
            # Only our classify agent writes this topic; anything else is logged and skipped.
            log.error("track_stories: unreadable record %r: %s", event_in.key, exc)
            metrics.records_skipped.labels("track_stories").inc()
            continue
        key, event = rec.key, rec.event
        current = open_stories.under(key)
        now = rt.now()
        # A hold that ended before this report arrived is announced first, as without the report.
        await _release(rt, open_stories, current, now)
        decision = decide(
            current, rec.article, event, key=key, now=now, group_wait=group_wait, window=_window(rt)
        )
        if decision.alert is not None:
            await _send(rt, decision.alert, rec.received_at)
        elif decision.state.held_until is None:
            metrics.stories_unchanged.labels(event.type).inc()
        for notice in decision.notices:  # before the table forgets the absorbed stories
            await _send(rt, notice, rec.received_at)
        _record(open_stories, current, decision, _window(rt))


def tick_interval(group_wait_s: float) -> float:
    """How often the timer looks for due holds: a first alert goes out at most this long after its
    wait (plus one trip through the events topic)."""
    return min(1.0, max(0.05, group_wait_s / 4))


class ReleaseTimer:
    """Shell timer: finds held stories whose wait is over in the stories table (the state a
    restarted worker recovers, so a crash loses no hold) and sends a `ReleaseTick` to each one's
    key; `track_stories` releases them from the key's partition. A key is ticked again only if
    its holds are still due a few seconds later (the tick may still be in flight)."""

    RETICK_S = 3.0

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self._ticked: dict[str, float] = {}

    def due_keys(self, now: datetime) -> set[str]:
        keys: set[str] = set()
        for value in self.rt.tables.stories.values():
            held = value.get("held_until") if value else None
            if held and datetime.fromisoformat(held) <= now and value.get("key"):
                keys.add(value["key"])
        return keys

    async def tick(self) -> None:
        now, clock = self.rt.now(), time.monotonic()
        due = self.due_keys(now)
        self._ticked = {k: t for k, t in self._ticked.items() if k in due}
        for key in sorted(due):
            if clock - self._ticked.get(key, -self.RETICK_S) < self.RETICK_S:
                continue
            k, v = ReleaseTick(key=key, release_at=now).to_kafka()
            await self.rt.topics.events.send(key=k, value=v)
            self._ticked[key] = clock
