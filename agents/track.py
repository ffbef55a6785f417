"""Agent: detected events (keyed by story) -> alert revisions, deduplicated by the stories table."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import orjson

from agents.core.models import Article, Event
from agents.core.stories import Stories, StoryState, apply, decide
from streams.ordered import events_in_order

if TYPE_CHECKING:
    from streams.app import Runtime


log = logging.getLogger(__name__)


def register(rt: Runtime) -> None:
    topics, metrics = rt.topics, rt.metrics
    # Story id -> story, written from the event's partition, so every story of a partition key
    # lives with that key's events; one small value per write, not the key's whole list.
    stories = rt.json_table("stories")
    # Partition key -> its open stories, parsed once and indexed for candidates (updated in place by
    # `apply`); rebuilt from the table after a restart or a rebalance (another worker may have
    # changed them meanwhile).
    index: dict[str, Stories] = {}
    generation = [-1]

    def open_under(key: str) -> Stories:
        if generation[0] != rt.app.consumer_generation_id:
            # One pass over the table per generation groups every story under its key; a new key
            # then costs nothing (it was scanned once per key before).
            index.clear()
            for value in stories.values():
                if value and value.get("key"):
                    index.setdefault(value["key"], Stories()).put(StoryState.model_validate(value))
            generation[0] = rt.app.consumer_generation_id
        return index.setdefault(key, Stories())

    @rt.app.agent(topics["events"], name="track_stories")
    async def track_stories(stream: Any) -> None:
        async for event_in in events_in_order(rt.in_order, stream, topics["events"].get_topic_name()):
            raw_key, raw = event_in.key, event_in.value
            try:
                rec = orjson.loads(raw)
                article, event = Article.model_validate(rec["article"]), Event.model_validate(rec["event"])
            except (ValueError, KeyError, TypeError) as exc:
                # Only our classify agent writes this topic; anything else is logged and skipped.
                log.error("track_stories: unreadable record %r: %s", raw_key, exc)
                metrics.records_skipped.labels("track_stories").inc()
                continue
            # The record's key is its partition key (type + country), computed once by classify.
            key = raw_key.decode()
            current = open_under(key)
            now = rt.now()
            decision = decide(current, article, event, key=key, now=now)
            alert = decision.alert
            if alert is not None:
                metrics.alerts.labels(alert.event_type, alert.severity.level.value, alert.reason.value).inc()
                sent = await topics["alerts"].send(
                    key=alert.id.encode(),
                    value=alert.model_dump_json().encode(),
                    headers=[("tocsin-received-at", rec["received_at"].encode())],
                )
                # The alert is on the broker before the story remembers it: a crash in between
                # replays this event and sends the same revision (same webhook-ids) again, where
                # the other order would replay it as `unchanged` and the alert would never go out.
                await sent
            else:
                metrics.stories_unchanged.labels(event.type).inc()
            # Merged-away and long-ended stories leave the table; table keys stay bytes, as after recovery.
            for closed in apply(current, decision):
                stories.pop(closed.encode(), None)
            stories[decision.state.story_id.encode()] = decision.state.model_dump(mode="json")
