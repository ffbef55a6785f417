"""Standard Webhooks signatures, by wrapping the reference `standardwebhooks` library.

`sign` delegates the HMAC to `standardwebhooks.Webhook.sign`. `verify` does not call
`Webhook.verify` because that reads the wall clock for its ±5 minute window, and the core takes
`now` as an argument; it checks the window against `now` and compares the library's signature in
constant time, accepting any `v1` entry (several are sent during a secret rotation).
"""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from math import floor

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

__all__ = ["DEFAULT_TOLERANCE", "WebhookVerificationError", "sign", "verify"]

DEFAULT_TOLERANCE = timedelta(minutes=5)


def _utc(timestamp: datetime) -> datetime:
    if timestamp.tzinfo is None:
        raise ValueError("timestamp must be timezone-aware")
    # Webhook.sign does `replace(tzinfo=utc)`, which would shift a non-UTC aware time: convert first.
    return timestamp.astimezone(UTC)


def sign(msg_id: str, timestamp: datetime, body: bytes, secret: str | Sequence[str]) -> dict[str, str]:
    """The three Standard Webhooks headers for one attempt; several secrets give several signatures."""
    secrets = [secret] if isinstance(secret, str) else list(secret)
    if not secrets:
        raise ValueError("at least one secret is required")
    ts = _utc(timestamp)
    data = body.decode("utf-8")
    signatures = " ".join(Webhook(s).sign(msg_id=msg_id, timestamp=ts, data=data) for s in secrets)
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(floor(ts.timestamp())),
        "webhook-signature": signatures,
    }


def verify(
    body: bytes,
    headers: Mapping[str, str],
    secret: str,
    *,
    now: datetime,
    tolerance: timedelta = DEFAULT_TOLERANCE,
) -> None:
    """Raise `WebhookVerificationError` unless `headers` sign `body` with `secret` near `now`."""
    lowered = {k.lower(): v for k, v in headers.items()}
    msg_id = lowered.get("webhook-id")
    raw_ts = lowered.get("webhook-timestamp")
    signature_list = lowered.get("webhook-signature")
    if not (msg_id and raw_ts and signature_list):
        raise WebhookVerificationError("Missing required headers")
    try:
        timestamp = datetime.fromtimestamp(int(raw_ts), tz=UTC)
    except (ValueError, OverflowError) as exc:
        raise WebhookVerificationError("Invalid Signature Headers") from exc
    now = _utc(now)
    if timestamp < now - tolerance:
        raise WebhookVerificationError("Message timestamp too old")
    if timestamp > now + tolerance:
        raise WebhookVerificationError("Message timestamp too new")
    try:
        data = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WebhookVerificationError("Body is not UTF-8") from exc
    expected = base64.b64decode(Webhook(secret).sign(msg_id=msg_id, timestamp=timestamp, data=data)[3:])
    for entry in signature_list.split(" "):
        version, _, encoded = entry.partition(",")
        if version != "v1":
            continue
        try:
            candidate = base64.b64decode(encoded, validate=True)
        except binascii.Error:
            continue
        if hmac.compare_digest(expected, candidate):
            return
    raise WebhookVerificationError("No matching signature found")
