"""Raw Kafka bytes -> `Article`, or a `Rejection` that says why (the DLQ reason).

Decoding lives in the core, not in a Faust codec, so that every kind of bad input is handled
in one place and a worker never dies of one message.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import orjson
from pydantic import ValidationError

from agents.core.models import Article


class RejectReason(StrEnum):
    EMPTY = "empty"
    OVERSIZE = "oversize"
    NOT_UTF8 = "not_utf8"
    INVALID_JSON = "invalid_json"
    NOT_AN_OBJECT = "not_an_object"
    SCHEMA = "schema"
    DETECTOR_ERROR = "detector_error"  # valid input the detector failed on: kept for a fix and a replay


@dataclass(frozen=True, slots=True)
class Rejection:
    reason: RejectReason
    detail: str


def decode_article(raw: bytes | None, *, max_bytes: int) -> Article | Rejection:
    if not raw:
        return Rejection(RejectReason.EMPTY, "message has no value")
    if len(raw) > max_bytes:
        return Rejection(RejectReason.OVERSIZE, f"{len(raw)} bytes > limit {max_bytes}")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejection(RejectReason.NOT_UTF8, f"invalid UTF-8 at byte {exc.start}")
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return Rejection(RejectReason.INVALID_JSON, str(exc)[:500])
    if not isinstance(obj, dict):
        return Rejection(RejectReason.NOT_AN_OBJECT, f"top-level JSON is {type(obj).__name__}")
    try:
        return Article.model_validate(obj)
    except ValidationError as exc:
        errors = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '<root>'}: {e['msg']}" for e in exc.errors()
        )
        return Rejection(RejectReason.SCHEMA, errors[:1000])
