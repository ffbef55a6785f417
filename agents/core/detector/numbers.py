"""Read counts from text: digits, number words and ACLED's vague quantities."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "no": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "lone": 1,
    "two": 2,
    "both": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
}
# ACLED conventions for vague quantities (TAXONOMY.md, extraction conventions).
VAGUE = {
    "several": 3,
    "some": 3,
    "a few": 3,
    "few": 3,
    "a number of": 3,
    "many": 10,
    "scores of": 10,
    "scores": 10,
    "dozens of": 12,
    "dozens": 12,
    "hundreds of": 100,
    "hundreds": 100,
    "thousands of": 1000,
    "thousands": 1000,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNIT_WORDS = sorted(
    (w for w in _UNITS if " " not in w and w not in ("no", "a", "an")), key=len, reverse=True
)

# One alternation for any quantity expression; longest alternatives first so "two dozen" wins
# over "two" and "a few" over "a".
NUMBER_PATTERN = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)"
    r"|(?:(?:" + _TENS + r")[- ](?:one|two|three|four|five|six|seven|eight|nine))"
    r"|(?:(?:" + "|".join(_UNIT_WORDS) + r"|a) (?:dozen|hundred|thousand))"
    r"|(?:a couple(?: of)?|a few|a number of|scores of|dozens of|hundreds of|thousands of|a dozen)"
    r"|(?:" + "|".join(_UNIT_WORDS) + r"|several|some|many|dozens|hundreds|thousands|scores|few)"
)
_NUMBER_RE = re.compile(r"^(?:" + NUMBER_PATTERN + r")$", re.IGNORECASE)


def parse_number(phrase: str) -> int | None:
    """Value of one quantity phrase ("7", "1,200", "seven", "two dozen", "dozens"), else None."""
    words = " ".join(phrase.lower().replace("-", " ").split())
    if not words or not _NUMBER_RE.match(phrase.strip()):
        return None
    if words.replace(",", "").isdigit():
        return int(words.replace(",", ""))
    if words in VAGUE:
        return VAGUE[words]
    if words in _UNITS:
        return _UNITS[words]
    parts = words.split()
    if len(parts) == 2:
        first, second = parts
        if second in _SCALES or second == "dozen":
            scale = _SCALES.get(second, 12)
            return _UNITS.get(first, 1) * scale
        if first in _UNITS and second in _UNITS:
            return _UNITS[first] + _UNITS[second]
    return None
