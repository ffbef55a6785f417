"""The deliveries topic's records (keyed by webhook-id) and their codec.

    Schedule(task)  attempt `task` at `task.not_before` (fan-out, or a retry after an attempt)
    Replay(task)    `tocsin redeliver`: reopen a delivery that ended without success
    Done(final)     the delivery ended (delivered, gave up, disabled, exhausted, skipped), with the
                    Slack thread it posted in (`slack_api`)

`agents/track_deliveries.py` folds them into the pending and ledger tables (`ledger.step`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter

from agents.core.delivery.tasks import DeliveryTask, Final
from agents.core.delivery.thread import SlackThread


class Schedule(BaseModel):
    model_config = ConfigDict(frozen=True)

    op: Literal["schedule"] = "schedule"
    task: DeliveryTask


class Replay(BaseModel):
    model_config = ConfigDict(frozen=True)

    op: Literal["replay"] = "replay"
    task: DeliveryTask


class Done(BaseModel):
    model_config = ConfigDict(frozen=True)

    op: Literal["done"] = "done"
    final: Final
    attempts: int = Field(ge=0)
    at: AwareDatetime
    # Slack Web API: the thread this delivery posted or replied in (later revisions reply there).
    thread: SlackThread | None = None


DeliveryRecord = Schedule | Replay | Done
_RECORD: TypeAdapter[DeliveryRecord] = TypeAdapter(Annotated[DeliveryRecord, Field(discriminator="op")])


def encode(record: DeliveryRecord) -> bytes:
    return record.model_dump_json().encode()


def decode(raw: bytes) -> DeliveryRecord:
    """Raises ValueError (pydantic's ValidationError) on a record that is none of the three."""
    return _RECORD.validate_json(raw)


class DeadLetter(BaseModel):
    """A delivery that ended without success, on the deliveries DLQ (`tocsin redeliver` reads it)."""

    model_config = ConfigDict(frozen=True)

    final: Final
    reason: str
    task: DeliveryTask

    def encode(self) -> bytes:
        return self.model_dump_json().encode()

    @classmethod
    def decode(cls, raw: bytes) -> DeadLetter:
        return cls.model_validate_json(raw)
