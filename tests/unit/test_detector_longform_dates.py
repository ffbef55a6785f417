"""`occurred_on`: the event's date where its evidence gives one (sentences written for this repo)."""

from __future__ import annotations

from datetime import date

import pytest

from agents.core.detector import detect
from agents.core.detector.dates import event_date


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On 6 October 1981, gunmen shot the governor.", date(1981, 10, 6)),
        ("The judge was stabbed on March 18, 1977, outside the court.", date(1977, 3, 18)),
        ("Gunmen attacked the convoy on 2019-03-04.", date(2019, 3, 4)),
        ("In March 1968, police fired on marchers.", date(1968, 3, 1)),
        ("In 1983, the mayor was assassinated.", date(1983, 1, 1)),
        ("Gunmen shot the governor on Tuesday.", None),
        ("Protesters may march again; the may 2019 rally was calm.", None),
        ("Riots of the 1960s shaped the city.", None),
    ],
)
def test_event_date(sentence: str, expected: date | None) -> None:
    assert event_date([sentence]) == expected


def test_a_narrated_dated_attempt_is_reported_with_its_date() -> None:
    text = (
        "On 12 May 1984, the interior minister Ruth Alvane was shot and wounded by a gunman outside "
        "her home in the capital. She recovered and returned to office a month later."
    )
    [event] = detect(None, text)
    assert event.type == "assassination_attempt"
    assert event.occurred_on == date(1984, 5, 12)


def test_no_date_in_the_text_gives_none() -> None:
    [event] = detect(None, "Gunmen shot dead the mayor of Eastport as he left his office.")
    assert event.occurred_on is None


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("On March 18, 1977 the president was assassinated.", 1),
        ("Clashes in 2011 left 12 dead.", 12),
        ("At least 1,200 were killed.", 1200),
        ("Police killed 2000 protesters in 2011.", 2000),
    ],
)
def test_a_year_is_not_a_toll(sentence: str, killed: int) -> None:
    from agents.core.detector.casualties import sentence_counts

    assert sentence_counts(sentence)[0] == killed
