"""One article the detector fails on is isolated: the rest of its batch is still detected."""

from __future__ import annotations

import pytest

from agents import classify
from agents.core.models import Event


def test_a_failing_article_returns_its_error_and_spares_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    real = classify.detect

    def flaky(title: str | None, text: str, published: object = None) -> list[Event]:
        if "poison pill" in text:
            raise IndexError("list index out of range")
        return real(title, text)

    monkeypatch.setattr(classify, "detect", flaky)
    out = classify.detect_many(
        [
            (None, "Police fired tear gas at protesters in Nairobi, Kenya; five people were injured.", None),
            (None, "A poison pill for the detector.", None),
            (None, "The chipmaker's shares rose 9% after record revenue.", None),
        ]
    )
    assert out[1] == "IndexError: list index out of range"
    assert isinstance(out[0], list) and [e.type for e in out[0]] == ["protest_violence"]
    assert out[2] == []
