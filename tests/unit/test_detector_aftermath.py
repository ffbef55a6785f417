"""Issue 8, fourth pass: the aftermath of an attack, comparisons with an earlier year, figures of
speech and speakers' titles. Sentences written for this file (invented people and places); each
negative has a positive of the same shape beside it, so a rule that drops everything fails."""

from __future__ import annotations

import pytest

from agents.core.detector import detect

CASES = [
    # a quoted figure of speech is no killing; a killing called political still is
    ('Premier Ola Brenn accused her rivals of attempting a "political assassination" with attack ads.', []),
    (
        "Police said the shooting of Mayor Ivo Stam outside his home on Monday was a political assassination.",
        ["assassination_attempt"],
    ),
    # the title of a spokesman is the source, not the object of "attacks on army posts"
    (
        "The rebel was wanted for a string of attacks on army posts, army spokesman Colonel Ahmed Rauf said.",
        [],
    ),
    ("Gunmen attacked the convoy of Colonel Ahmed Rauf near the border on Monday.", ["assassination_attempt"]),
    # a comparison with an earlier year opens a background clause
    (
        "The ministry said on Thursday that 6,000 officers would guard the candidates and their rallies,"
        " twice as many as in 2021, when a candidate was shot and wounded at a rally.",
        [],
    ),
    ("A candidate was shot and wounded at a campaign rally on Thursday, police said.", ["assassination_attempt"]),
    # a trial named only as a time reference does not make the attack the court's business
    (
        "Gunmen shot and wounded a state prosecutor on Monday, days before a verdict in the gang trial.",
        ["assassination_attempt"],
    ),
    ("The trial of the man accused of shooting the state prosecutor opened on Monday.", []),
    # "in weeks" is a span of time, not a clause about an earlier event
    (
        "The capital saw its worst violence in weeks after stone-throwing protesters clashed with police"
        " on Friday.",
        ["protest_violence"],
    ),
    (
        "Crowds gathered on Friday, three weeks after protesters clashed with police in the square.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_aftermath_and_figures(text: str, expected: list[str]) -> None:
    assert sorted(e.type for e in detect(None, text)) == expected
