"""Where a Slack Web API message of an alert lives: the thread later revisions reply in."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class SlackThread(BaseModel):
    """The parent (top-level) message: its channel id and `ts`, as Slack's answer gave them."""

    model_config = ConfigDict(frozen=True)

    channel: str = Field(min_length=1, max_length=64)
    ts: str = Field(min_length=1, max_length=64)
