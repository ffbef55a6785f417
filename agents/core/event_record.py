"""The events topic's record (classify -> track): one detected event, its article and story key.

On the wire the key is the Kafka record key (so every story it could join shares a partition) and
the value is JSON; `to_kafka` / `from_kafka` are the one codec both agents use.
"""

from __future__ import annotations

import orjson
from pydantic import AwareDatetime, BaseModel, ConfigDict, ValidationError

from agents.core.models import Article, Event


class EventRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str  # the story partition key (type + country), computed once by classify
    article: Article
    event: Event
    received_at: AwareDatetime  # when the worker read the article

    def to_kafka(self) -> tuple[bytes, bytes]:
        # The raw HTML stays out: stories only need the text and the references.
        value = self.model_dump_json(exclude={"key": True, "article": {"html"}})
        return self.key.encode(), value.encode()

    @classmethod
    def from_kafka(cls, key: bytes | None, value: bytes | None) -> EventRecord:
        """Raises ValueError (bad JSON, bad UTF-8, pydantic's ValidationError) on a foreign record."""
        if key is None or value is None:
            raise ValueError("an event record has a key and a value")
        data = orjson.loads(value)
        if not isinstance(data, dict):
            raise ValueError("an event record is a JSON object")
        return cls.model_validate({**data, "key": key.decode()})


class ReleaseTick(BaseModel):
    """The shell's timer, on the events topic under a story key: release that key's held stories
    whose group_wait is over. Sent to the key's own partition, so the stories stage writes the
    released stories from the partition they live on."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    release_at: AwareDatetime  # when the timer saw the holds due (the agent releases by its own clock)

    def to_kafka(self) -> tuple[bytes, bytes]:
        return self.key.encode(), self.model_dump_json(exclude={"key"}).encode()

    @classmethod
    def parse(cls, key: bytes | None, value: bytes | None) -> ReleaseTick | None:
        """The tick, or None for anything else (an event record, a foreign record)."""
        if key is None or not value or b'"release_at"' not in value:
            return None
        try:
            data = orjson.loads(value)
            return cls.model_validate({**data, "key": key.decode()}) if isinstance(data, dict) else None
        except (ValueError, ValidationError):
            return None
