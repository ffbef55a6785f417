from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime, timedelta, timezone

import pytest
from standardwebhooks import Webhook

from agents.core.delivery.signing import WebhookVerificationError, sign, verify

SECRET_BYTES = bytes(range(32))
SECRET = "whsec_" + base64.b64encode(SECRET_BYTES).decode()
MSG_ID = "msg_2b9f0c"
TS = datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)  # 1700000000
BODY = b'{"type":"alert.created","data":{"id":"ev_1"}}'
# Computed once with hmac/sha256 over "msg_2b9f0c.1700000000.<body>"; pinned so a change shows.
EXPECTED_SIG = "v1,MrLEx5MJfv0lR2Oj1RdG7RCI/cPpS0CLYR8XBWZ67tU="


def _independent_signature(secret_bytes: bytes, msg_id: str, ts: int, body: bytes) -> str:
    digest = hmac.new(secret_bytes, f"{msg_id}.{ts}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def test_fixed_vector() -> None:
    headers = sign(MSG_ID, TS, BODY, SECRET)
    assert headers == {
        "webhook-id": MSG_ID,
        "webhook-timestamp": "1700000000",
        "webhook-signature": _independent_signature(SECRET_BYTES, MSG_ID, 1700000000, BODY),
    }
    assert headers["webhook-signature"] == EXPECTED_SIG


def test_standard_webhooks_spec_vector() -> None:
    # The example from the Standard Webhooks specification / reference test-suite.
    ts = datetime.fromtimestamp(1614265330, tz=UTC)
    headers = sign(
        "msg_p5jXN8AQM9LWM0D4loKWxJek", ts, b'{"test": 2432232314}', "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    )
    assert headers["webhook-signature"] == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_non_utc_timestamp_is_converted_not_relabelled() -> None:
    local = TS.astimezone(timezone(timedelta(hours=3)))
    assert sign(MSG_ID, local, BODY, SECRET) == sign(MSG_ID, TS, BODY, SECRET)


def test_naive_timestamp_rejected() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        sign(MSG_ID, datetime(2023, 11, 14), BODY, SECRET)


def test_rotation_sends_one_signature_per_secret() -> None:
    other = "whsec_" + base64.b64encode(b"\x01" * 32).decode()
    sigs = sign(MSG_ID, TS, BODY, [SECRET, other])["webhook-signature"].split(" ")
    assert sigs == [EXPECTED_SIG, _independent_signature(b"\x01" * 32, MSG_ID, 1700000000, BODY)]
    verify(BODY, sign(MSG_ID, TS, BODY, [other, SECRET]), SECRET, now=TS)


def test_verify_round_trip_with_injected_clock() -> None:
    headers = sign(MSG_ID, TS, BODY, SECRET)
    verify(BODY, headers, SECRET, now=TS + timedelta(minutes=4, seconds=59))
    verify(BODY, {k.upper(): v for k, v in headers.items()}, SECRET, now=TS)


def test_reference_library_verifies_our_signature() -> None:
    now = datetime.now(UTC)  # Webhook.verify reads the wall clock itself
    headers = sign(MSG_ID, now, BODY, SECRET)
    assert Webhook(SECRET).verify(BODY, headers) == {"type": "alert.created", "data": {"id": "ev_1"}}


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda h, b: (h, b + b" "), "No matching signature found"),
        (lambda h, b: (h, b.replace(b"ev_1", b"ev_2")), "No matching signature found"),
        (lambda h, b: ({**h, "webhook-id": "msg_other"}, b), "No matching signature found"),
        (lambda h, b: ({**h, "webhook-timestamp": "1700000001"}, b), "No matching signature found"),
        (lambda h, b: ({**h, "webhook-signature": "v2," + h["webhook-signature"][3:]}, b), "No matching"),
        (lambda h, b: ({**h, "webhook-signature": "v1,!!!"}, b), "No matching signature found"),
        (lambda h, b: ({k: v for k, v in h.items() if k != "webhook-id"}, b), "Missing required headers"),
        (lambda h, b: ({**h, "webhook-timestamp": "yesterday"}, b), "Invalid Signature Headers"),
    ],
)
def test_tampering_is_rejected(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    headers, body = mutate(sign(MSG_ID, TS, BODY, SECRET), BODY)
    with pytest.raises(WebhookVerificationError, match=message):
        verify(body, headers, SECRET, now=TS)


def test_wrong_secret_rejected() -> None:
    other = "whsec_" + base64.b64encode(b"\x02" * 32).decode()
    with pytest.raises(WebhookVerificationError, match="No matching signature found"):
        verify(BODY, sign(MSG_ID, TS, BODY, SECRET), other, now=TS)


@pytest.mark.parametrize(
    ("offset", "message"),
    [(timedelta(minutes=5, seconds=1), "too old"), (-timedelta(minutes=5, seconds=1), "too new")],
)
def test_timestamp_window(offset: timedelta, message: str) -> None:
    with pytest.raises(WebhookVerificationError, match=message):
        verify(BODY, sign(MSG_ID, TS, BODY, SECRET), SECRET, now=TS + offset)


def test_non_ascii_body_signs_its_utf8_bytes() -> None:
    body = '{"place":"Baghdad — بغداد"}'.encode()
    headers = sign(MSG_ID, TS, body, SECRET)
    assert headers["webhook-signature"] == _independent_signature(SECRET_BYTES, MSG_ID, 1700000000, body)
    verify(body, headers, SECRET, now=TS)
