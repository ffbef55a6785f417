"""Run a big regex only where a match can start.

Python's `re` tries every alternative of a pattern at every character, so a pattern with
hundreds of alternatives (the target roles, the number words before a casualty verb) costs
~100-200 ns per character scanned whatever the text says. When every match is known to begin
with one of a few literal strings, C-speed `str.find` locates those starts and the pattern is
tried only there, with `match` (which still sees the text before the start, so a leading `\\b`
keeps its meaning). The matches are exactly those of `pattern.finditer(text)` as long as the
literal starts are complete; `tests/unit/test_detector_prefilters.py` checks that they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

# Words as the starts are written: runs of letters, and single digits (so "250" offers "2").
_TOKEN = re.compile(r"[a-z]+|[0-9]")


@lru_cache(maxsize=256)
def words_of(text: str) -> frozenset[str]:
    """The words of a text, computed once however many anchored patterns read it."""
    return frozenset(_TOKEN.findall(text))


_HEAD = 3


@lru_cache(maxsize=256)
def heads_of(text: str) -> frozenset[str]:
    """The first three letters of each word: the gate for bare-prefix starts."""
    return frozenset(word[:_HEAD] for word in words_of(text))


class AnchoredPattern:
    """`pattern` (for lower-case text) whose every match begins with one of `starts`.

    Each start is a literal whose first word is a whole word of the text where a match begins
    ("president", "prime minister", "a dozen", "7"); list inflected forms as starts of their own.
    Finding the candidate words costs one C-speed word split and a set intersection. A start
    ending in "*" is a bare prefix ("cyber*" for "cyberattack", "cyber-attack") of the word where a
    match begins, looked for only when some word of the text begins with its first three letters.
    """

    def __init__(self, pattern: re.Pattern[str], starts: Iterable[str]) -> None:
        self.pattern = pattern
        by_word: dict[str, set[str]] = {}
        prefixes: set[str] = set()
        for start in starts:
            if start.endswith("*"):
                prefixes.add(start[:-1])
                continue
            first = _TOKEN.match(start)
            if first is None:
                raise ValueError(f"a start must begin with a lower-case word or a digit: {start!r}")
            by_word.setdefault(first.group(), set()).add(start)
        self._by_word = {word: tuple(group) for word, group in by_word.items()}
        self._words = frozenset(by_word)
        by_head: dict[str, list[str]] = {}
        ungated: list[str] = []
        for prefix in sorted(prefixes):
            head = _TOKEN.match(prefix)
            if head is None or len(head.group()) < _HEAD:
                ungated.append(prefix)
            else:
                by_head.setdefault(head.group()[:_HEAD], []).append(prefix)
        self._by_head = {head: tuple(group) for head, group in by_head.items()}
        self._heads = frozenset(by_head)
        self._ungated = tuple(ungated)

    def positions(self, text: str) -> list[int]:
        found: set[int] = set()
        starts = [start for word in self._words.intersection(words_of(text)) for start in self._by_word[word]]
        if self._by_head:
            starts += [p for head in self._heads.intersection(heads_of(text)) for p in self._by_head[head]]
        for start in (*starts, *self._ungated):
            i = text.find(start)
            while i != -1:
                found.add(i)
                i = text.find(start, i + 1)
        return sorted(found)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The same matches as `pattern.finditer(text)`, trying only the possible starts."""
        end = 0
        match = self.pattern.match
        for pos in self.positions(text):
            if pos < end:
                continue
            m = match(text, pos)
            if m is not None:
                yield m
                end = max(m.end(), pos + 1)

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)
