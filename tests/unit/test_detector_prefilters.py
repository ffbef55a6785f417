"""The fast paths (anchor prefilter, weapon stems, casualty stems) must not change answers."""

from __future__ import annotations

import pytest

from agents.core.detector import detect
from agents.core.detector.casualties import sentence_counts
from agents.core.detector.entities import WEAPONS, weapons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police fired rubber bullets and tear gas at the crowd.", ["firearm", "tear gas", "rubber bullets"]),
        ("Troops used live bullets against the marchers.", ["live ammunition"]),
        ("The gunman opened fire before a grenade exploded.", ["explosives", "firearm"]),
        ("Attackers set the office on fire and stabbed a guard.", ["knife", "incendiary"]),
        ("The envoy was poisoned with a nerve agent.", ["poison"]),
    ],
)
def test_weapon_labels(text: str, expected: list[str]) -> None:
    assert weapons([text]) == expected


def test_every_weapon_label_is_reachable_through_its_stems() -> None:
    samples = {
        "drone": "a drone",
        "explosives": "an ied",
        "live ammunition": "live rounds",
        "firearm": "ak-47s",
        "knife": "knives",
        "tear gas": "teargas",
        "water cannon": "water cannons",
        "rubber bullets": "plastic-coated bullets",
        "batons": "lathis",
        "stones": "rocks",
        "incendiary": "arson",
        "vehicle": "plowed into",
        "poison": "novichok",
    }
    assert set(samples) == {label for label, _ in WEAPONS}
    for label, sample in samples.items():
        assert label in weapons([f"They used {sample} there."])


def test_sentence_without_casualty_words_has_no_counts() -> None:
    assert sentence_counts("Seven ministers met in the capital on Tuesday.") == (None, None)
    assert sentence_counts("Gunmen killed two guards.") == (2, None)


def test_anchor_in_one_sentence_does_not_leak_into_the_next() -> None:
    text = (
        "The council approved the budget on Monday after a long debate.\n\n"
        "Dozens of students marched to the ministry and police fired tear gas to disperse them."
    )
    events = detect("Budget passes", text)
    assert [e.type for e in events] == ["protest_violence"]
    assert all("budget" not in s.lower() for s in events[0].evidence)
