"""The delivery ledger as a reducer: (how a webhook-id ended, if it did; a record) -> a transition.

The shell keeps two tables keyed by webhook-id: `delivery_pending` (tasks waiting for an attempt)
and `delivery_ledger` (how each delivery ended). `step` decides what one record does to them:

    Schedule  -> Open      unless the delivery already ended: a re-read alert after a crash must
                           not send again what was delivered or dead-lettered
    Replay    -> Open      reopening (`reopened`) anything that ended without being delivered, so
                           running `tocsin redeliver` twice sends nothing twice
    Done      -> Close     pending entry removed, the ending remembered (with its Slack thread)
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from agents.core.delivery.records import DeliveryRecord, Done, Replay, Schedule
from agents.core.delivery.tasks import DeliveryTask, Final
from agents.core.delivery.thread import SlackThread


class Ending(BaseModel):
    """A ledger table value."""

    model_config = ConfigDict(frozen=True)

    final: Final
    attempts: int = Field(ge=0)
    at: AwareDatetime
    thread: SlackThread | None = None  # where a later revision of the alert replies (slack_api)


@dataclass(frozen=True, slots=True)
class Open:
    task: DeliveryTask
    reopened: bool = False  # the ledger entry is forgotten as well


@dataclass(frozen=True, slots=True)
class Close:
    ending: Ending


@dataclass(frozen=True, slots=True)
class Keep:
    why: str


Transition = Open | Close | Keep


def step(ended: Ending | None, record: DeliveryRecord) -> Transition:
    if isinstance(record, Done):
        return Close(Ending(final=record.final, attempts=record.attempts, at=record.at, thread=record.thread))
    if ended is None:
        return Open(record.task)
    if isinstance(record, Schedule):
        return Keep(f"already ended {ended.final.value}")
    assert isinstance(record, Replay)
    if ended.final is Final.DELIVERED:
        return Keep("delivered: a replay never sends it again")
    return Open(record.task, reopened=True)
