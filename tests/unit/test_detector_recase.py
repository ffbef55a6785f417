"""Wire copy in capitals gets ordinary case back before names are looked for (`recase`), and a
day of the month in a dateline is no casualty figure. Sentences written for this file."""

from __future__ import annotations

from agents.core.detector import detect
from agents.core.detector.casualties import sentence_counts
from agents.core.detector.recase import is_shouting, recase


def test_a_shouting_sentence_keeps_its_names_capitalised_and_its_length() -> None:
    sentence = "ODILE MARSH WAS SHOT DEAD BY TWO GUNMEN AS SHE LEFT A CAFE IN THE TOWN OF BRELL, POLICE SAID."
    out = recase(sentence)
    assert len(out) == len(sentence)
    assert out.startswith("Odile Marsh was shot dead by two gunmen")
    assert "Brell, police said." in out


def test_ordinary_and_short_sentences_are_left_alone() -> None:
    assert recase("Police said the NATO summit went ahead.") == "Police said the NATO summit went ahead."
    assert not is_shouting("UN HQ")


def test_upper_case_wire_with_the_role_given_later_raises_the_attempt() -> None:
    text = (
        "BRELL, MAY 9 (TOCSIN WIRE) - ODILE MARSH WAS SHOT DEAD BY TWO GUNMEN AS SHE LEFT A CAFE IN BRELL, "
        "POLICE SAID.\n\nWITNESSES SAID THE GUNMEN ESCAPED ON A MOTORCYCLE.\n\nMARSH, 44, WAS THE MAYOR OF "
        "BRELL AND HAD CAMPAIGNED AGAINST LAND GRABS."
    )
    (event,) = detect(None, text)
    assert event.type == "assassination_attempt"
    assert event.casualties.killed == 1


def test_a_day_of_the_month_is_no_toll() -> None:
    assert sentence_counts("Brell, May 9 - Odile Marsh was shot dead, police said.")[0] == 1
    assert sentence_counts("On 9 May three people were killed.")[0] == 3
    assert sentence_counts("On May 3 people were killed.")[0] == 3
