"""The events topic's record (classify -> track): one detected event, its article and story key.

On the wire the key is the Kafka record key (so every story it could join shares a partition) and
the value is JSON; `to_kafka` / `from_kafka` are the one codec both agents use.
"""

from __future__ import annotations

import orjson
from pydantic import AwareDatetime, BaseModel, ConfigDict

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
