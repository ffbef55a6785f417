from __future__ import annotations

import pytest

from agents.core.intake import Rejection, RejectReason, decode_article
from agents.core.models import Article


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (None, RejectReason.EMPTY),
        (b"", RejectReason.EMPTY),
        (b"x" * 2000, RejectReason.OVERSIZE),
        (b"\xc3\x28 bad", RejectReason.NOT_UTF8),
        (b"{oops", RejectReason.INVALID_JSON),
        (b'"a string"', RejectReason.NOT_AN_OBJECT),
        (b'{"title": "t"}', RejectReason.SCHEMA),
        (b'{"text": ""}', RejectReason.SCHEMA),
        (b'{"text": "t", "published_at": "2026-01-01T00:00:00"}', RejectReason.SCHEMA),  # naive time
    ],
)
def test_rejections_say_why(raw: bytes | None, reason: RejectReason) -> None:
    result = decode_article(raw, max_bytes=1024)
    assert isinstance(result, Rejection)
    assert result.reason is reason
    assert result.detail


def test_schema_detail_names_the_field() -> None:
    result = decode_article(b'{"text": 5}', max_bytes=1024)
    assert isinstance(result, Rejection) and result.detail.startswith("text:")


def test_id_derived_from_url_then_content() -> None:
    a = decode_article(b'{"text": "body", "url": "https://ex.com/a"}', max_bytes=1024)
    b = decode_article(b'{"text": "other body", "url": "https://ex.com/a"}', max_bytes=1024)
    c = decode_article(b'{"text": "body"}', max_bytes=1024)
    assert isinstance(a, Article) and isinstance(b, Article) and isinstance(c, Article)
    assert a.id == b.id != c.id
    assert a.article_id.startswith("a_")


def test_given_id_is_kept() -> None:
    a = decode_article(b'{"id": "wire-42", "text": "body"}', max_bytes=1024)
    assert isinstance(a, Article) and a.id == "wire-42"
