"""Run a big regex only where a match can start.

Python's `re` tries every alternative of a pattern at every character, so a pattern with
hundreds of alternatives (the target roles, the number words before a casualty verb) costs
~100-200 ns per character scanned whatever the text says. When every match is known to begin
with one of a few literal strings, C-speed `str.find` locates those starts and the pattern is
tried only there, with `match` (which still sees the text before the start, so a leading `\\b`
keeps its meaning). The matches are exactly those of `pattern.finditer(text)` as long as the
literal starts are complete, so the starts are derived from the pattern itself (`derive_starts`,
reading the parsed pattern), never kept by hand beside it.
"""

from __future__ import annotations

import re
import re._constants as _c  # type: ignore[import-not-found]
import re._parser as _p  # type: ignore[import-not-found]
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

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

    def _starts(self, text: str) -> list[str]:
        """The literal starts worth looking for in `text` (its words and heads), then the ungated."""
        starts = [start for word in self._words.intersection(words_of(text)) for start in self._by_word[word]]
        if self._by_head:
            starts += [p for head in self._heads.intersection(heads_of(text)) for p in self._by_head[head]]
        return [*starts, *self._ungated]

    def positions(self, text: str) -> list[int]:
        found: set[int] = set()
        for start in self._starts(text):
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

    def exists(self, text: str) -> bool:
        """Whether any match exists: the same answer as `search`, without ordering the starts."""
        words = self._words.intersection(words_of(text))
        if not words and not self._ungated and not self._by_head:
            return False  # the usual answer, and the hot path: no list is built for it
        match = self.pattern.match
        for start in self._starts(text):
            i = text.find(start)
            while i != -1:
                if match(text, i) is not None:
                    return True
                i = text.find(start, i + 1)
        return False


# Deriving the starts from the pattern itself, so a word added to a pattern can never be missing
# from its start list (one source of truth). `re._parser` is CPython's own regex parser.

_MAX_STARTS = 4000
_STOP: tuple[Any, Any] = ("stop", None)  # a repeat matched once and may go on: the word is not complete here


class _Unanchorable(Exception):
    """Some match can begin with something other than a literal word or digit."""


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The characters a small, positive character class can match; None if it may match a word
    character it does not list (categories, negation, wide ranges)."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av).lower())
        elif op is _c.RANGE:
            lo, hi = av
            if hi - lo > 12:
                return None
            chars.update(chr(i).lower() for i in range(lo, hi + 1))
        elif op is _c.CATEGORY and av in (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD):
            chars.add(" ")
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.update("0123456789")
        else:
            return None
    return chars


def _word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _walk(items: list[tuple[Any, Any]], prefix: str, out: set[str], done: bool = False) -> None:
    """Collect the literal starts of `items` after `prefix`. `done`: the first word is complete
    (a boundary or a non-word character followed it); literal characters after it still lengthen
    the start ("a riot of" rather than "a", which `str.find` would meet in every other word)."""
    for k, (op, av) in enumerate(items):
        rest = items[k + 1 :]
        if done:
            if op is _c.LITERAL:
                prefix += chr(av).lower()
                continue
            if op is _c.AT or op in (_c.ASSERT, _c.ASSERT_NOT):
                continue
            out.add(prefix)
            return
        if op is _STOP[0]:
            break
        if op is _c.AT:
            if prefix and av in (_c.AT_BOUNDARY, _c.AT_END, _c.AT_END_STRING):
                _walk(list(rest), prefix, out, done=True)
                return
            continue
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            continue  # lookarounds consume nothing
        if op is _c.LITERAL:
            ch = chr(av).lower()
            if ch.isascii() and ch.isalpha():
                prefix += ch
                continue
            if ch.isascii() and ch.isdigit():
                # digits are words of one character for `words_of`; letters before them end a word
                out.add(prefix or ch)
                return
            if not prefix:
                raise _Unanchorable
            _walk(list(rest), prefix + ch, out, done=True)  # a space, hyphen or apostrophe ends the word
            return
        if op is _c.IN:
            chars = _class_chars(av)
            if chars is None:
                break
            if not any(_word_char(ch) for ch in chars):
                if not prefix:
                    raise _Unanchorable
                out.add(prefix)
                return
            for ch in chars:
                _walk([(_c.LITERAL, ord(ch)), *rest], prefix, out)
            return
        if op is _c.BRANCH:
            for alternative in av[1]:
                _walk([*alternative, *rest], prefix, out)
            return
        if op is _c.SUBPATTERN:
            _walk([*av[3], *rest], prefix, out)
            return
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            if lo == 0:
                _walk(list(rest), prefix, out)
            if hi == 1:
                _walk([*sub, *rest], prefix, out)
            else:
                _walk([*sub, _STOP], prefix, out)
            if len(out) > _MAX_STARTS:
                raise _Unanchorable
            return
        break  # ANY, NOT_LITERAL, group references...: the word may go on with anything
    if done:
        out.add(prefix)
        return
    # The pattern (or what could be read of it) ended inside a word: a bare prefix.
    if not prefix:
        raise _Unanchorable
    out.add(prefix + "*")


@lru_cache(maxsize=512)
def derive_starts(pattern: str) -> tuple[str, ...] | None:
    """Every literal a match of `pattern` (for lower-case text) can begin with, as
    `AnchoredPattern` reads starts ("x*" for a bare prefix), or None when some match can begin
    with a class of letters, punctuation or a space (then scan the pattern in full)."""
    out: set[str] = set()
    try:
        _walk(list(_p.parse(pattern)), "", out)
    except _Unanchorable:
        return None
    if len(out) > _MAX_STARTS:
        return None
    # a start that a bare prefix already covers adds nothing
    prefixes = [s[:-1] for s in out if s.endswith("*")]
    return tuple(sorted(s for s in out if s.endswith("*") or not any(s.startswith(p) for p in prefixes)))


def anchored(pattern: str, flags: int = 0) -> AnchoredPattern | re.Pattern[str]:
    """`pattern` compiled, prefiltered by its derived starts when every match has one."""
    compiled = re.compile(pattern, flags)
    starts = derive_starts(pattern)
    return compiled if starts is None else AnchoredPattern(compiled, starts)
