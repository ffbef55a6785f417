"""`occurred_on`: the event's date where its evidence gives one (sentences written for this repo)."""

from __future__ import annotations

from datetime import UTC, date, datetime

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


# Relative dates, resolved against the publication time (Thursday 3 December 2026 here).
_PUBLISHED = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen shot the governor on Tuesday.", date(2026, 12, 1)),
        ("Police fired tear gas at protesters last night.", date(2026, 12, 2)),
        ("The mayor was shot dead yesterday outside his home.", date(2026, 12, 2)),
        ("A bomb hit the judge's car this morning.", date(2026, 12, 3)),
        ("The mayor was shot on Thursday morning.", date(2026, 12, 3)),  # the day of publication
        ("Protesters clashed with police last Friday.", date(2026, 11, 27)),
        ("Gunmen shot the editor three days ago.", date(2026, 11, 30)),
        ("On 6 October 1981, a Tuesday, gunmen shot the president.", date(1981, 10, 6)),  # explicit wins
        ("Marchers remembered Bloody Sunday with a silent walk.", None),  # a name, not a date
        ("Rioting spread through the city last week.", None),  # too vague to date
    ],
)
def test_relative_dates_resolve_against_publication(sentence: str, expected: date | None) -> None:
    assert event_date([sentence], _PUBLISHED) == expected


def test_detect_passes_the_publication_time_to_occurred_on() -> None:
    text = "Gunmen shot dead the mayor of Eastport on Tuesday, police said."
    (event,) = detect(None, text, _PUBLISHED)
    assert event.type == "assassination_attempt" and event.occurred_on == date(2026, 12, 1)
    (undated,) = detect(None, text)
    assert undated.occurred_on is None  # no publication time, no guess


def test_classify_record_reads_published_at() -> None:
    from agents.core.evaluation import classify_record

    record = {
        "id": "x",
        "text": "Police fired tear gas at protesters in Westport yesterday.",
        "published_at": "2026-12-03T09:30:00Z",
    }
    (event,) = classify_record(record)["events"]
    assert event["occurred_on"] == "2026-12-02"
