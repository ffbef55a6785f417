from __future__ import annotations

import pytest

from agents.core.detector.casualties import count_casualties, sentence_counts
from agents.core.detector.numbers import parse_number
from agents.core.detector.text import build_document


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("7", 7),
        ("1,250", 1250),
        ("seven", 7),
        ("twenty-one", 21),
        ("two dozen", 24),
        ("a dozen", 12),
        ("several", 3),
        ("some", 3),
        ("a few", 3),
        ("many", 10),
        ("scores of", 10),
        ("dozens", 12),
        ("dozens of", 12),
        ("hundreds", 100),
        ("three hundred", 300),
        ("banana", None),
    ],
)
def test_parse_number(phrase: str, value: int | None) -> None:
    assert parse_number(phrase) == value


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Seven of the minister's bodyguards were injured in the blast.", None, 7),
        ("The attack killed two people and wounded 11 others.", 2, 11),
        ("Two dozen protesters were hurt.", None, 24),
        ("Several demonstrators were wounded.", None, 3),
        ("In addition to the bomber, four people were killed.", 5, None),
        ("The explosion killed the bomber and six others.", 7, None),
        ("A gunman shot and killed the judge outside the court.", 1, None),
        ("The councillor and his son were killed.", 2, None),
        ("No casualties were reported.", 0, 0),
        ("Police said 3 dead and 40 injured.", 3, 40),
    ],
)
def test_sentence_counts(sentence: str, killed: int | None, injured: int | None) -> None:
    assert sentence_counts(sentence) == (killed, injured)


def test_repeated_totals_take_the_largest_not_the_sum() -> None:
    counts = count_casualties(["Five people were killed in the attack.", "The five dead included a child."])
    assert counts.killed == 5


def test_furniture_is_stripped() -> None:
    doc = build_document(
        "Headline here",
        "First real sentence about the council.\nALSO READ: Another Story Entirely\nRelated: more links\n"
        "Share this article\nPlease enter your comment!\nSecond real sentence.",
    )
    assert doc.sentences == [
        "Headline here",
        "First real sentence about the council.",
        "Second real sentence.",
    ]


def test_abbreviations_do_not_split_sentences() -> None:
    doc = build_document(None, "Gen. Ali Hassan met Dr. Smith on Monday. They spoke for an hour.")
    assert len(doc.sentences) == 2
