"""Agent: detected events (keyed by story) -> alert revisions, deduplicated by the stories table."""

from __future__ import annotations

import logging

from faust.types import StreamT

from agents.core.event_record import EventRecord
from agents.core.stories import Stories, StoryState, apply, decide
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


async def track_stories(rt: Runtime, stream: StreamT[bytes]) -> None:
    """Agent `track_stories`: events topic -> alerts topic, remembering each story in its table."""
    metrics, open_stories = rt.metrics, OpenStories(rt)
    async for event_in in events_in_order(rt.in_order, stream, rt.topics.events.get_topic_name()):
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
        decision = decide(current, rec.article, event, key=key, now=now)
        alert = decision.alert
        if alert is not None:
            metrics.alerts.labels(alert.event_type, alert.severity.level.value, alert.reason.value).inc()
            sent = await rt.topics.alerts.send(
                key=alert.id.encode(),
                value=alert.model_dump_json().encode(),
                headers=[("tocsin-received-at", rec.received_at.isoformat().encode())],
            )
            # The alert is on the broker before the story remembers it: a crash in between
            # replays this event and sends the same revision (same webhook-ids) again, where
            # the other order would replay it as `unchanged` and the alert would never go out.
            await sent
        else:
            metrics.stories_unchanged.labels(event.type).inc()
        # `apply` updates the key's indexed stories in place; merged-away and long-ended stories
        # leave the table (table keys stay bytes, as after recovery).
        for closed in apply(current, decision):
            open_stories.table.pop(closed.encode(), None)
        open_stories.table[decision.state.story_id.encode()] = decision.state.model_dump(mode="json")
