"""The generic rule engine: reads `EventSpec`s, finds the sentences that raise each type.

Every regex runs once over the whole (masked) article and its hits are mapped to sentence
indices, so the cost is linear in article length whatever the number of sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from agents.core.detector.taxonomy import (
    EVENT_SPECS,
    MASKS,
    ROLE_TIERS,
    SOURCE_AFTER_ROLE,
    SOURCE_BEFORE_ROLE,
    EventSpec,
)
from agents.core.detector.text import Document

TARGET_GROUP = "@target"
_FLAGS = re.IGNORECASE


@lru_cache(maxsize=512)
def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


@lru_cache(maxsize=512)
def compiled_lower(pattern: str) -> re.Pattern[str]:
    # Matching lower-cased text without IGNORECASE is several times faster in `re`.
    return re.compile(pattern)


_MASK_RE = re.compile("|".join(f"(?:{m})" for m in MASKS))
_ROLE_SOURCE = r"\b(?:" + "|".join(f"(?P<{tier}>{pattern})" for tier, pattern in ROLE_TIERS.items()) + r")\b"
ROLE_RE = re.compile(_ROLE_SOURCE, _FLAGS)
_ROLE_LOWER = re.compile(_ROLE_SOURCE)
# Bare ranks ("Major", "Captain") are roles only as a title before a name.
_BARE_RANK = re.compile(r"(?:sergeant(?: major)?|inspector|captain|lieutenant|major)$")
_NAME_NEXT = re.compile(r" [A-Z]")
_SOURCE_AFTER = re.compile(SOURCE_AFTER_ROLE, _FLAGS)
_SOURCE_BEFORE = re.compile(SOURCE_BEFORE_ROLE, _FLAGS)
# Plural rank-and-file titles name anonymous victims ("25 police officers"), never a target.
_ANONYMOUS_PLURAL = re.compile(r"(?:officials|officers|generals|commanders|chiefs)$", _FLAGS)


@dataclass(frozen=True)
class RoleHit:
    sentence: int
    tier: str
    start: int  # offsets inside the document text
    end: int
    text: str


@dataclass
class Analysis:
    """Per-document cache of pattern hits, shared by every event type."""

    doc: Document
    masked: str
    lower: str
    _hits: dict[str, frozenset[int]] = field(default_factory=dict)
    _local: dict[tuple[str, int], bool] = field(default_factory=dict)
    roles: list[RoleHit] = field(default_factory=list)

    def hits(self, pattern: str) -> frozenset[int]:
        cached = self._hits.get(pattern)
        if cached is None:
            if len(self.lower) == len(self.masked):
                matches = compiled_lower(pattern).finditer(self.lower)
            else:  # lower() changed some lengths (rare scripts): fall back to case-insensitive matching
                matches = compiled(pattern).finditer(self.masked)
            starts = self.doc.starts
            found: set[int] = set()
            for m in matches:
                found.add(bisect_right(starts, m.start()) - 1)
            cached = frozenset(found)
            self._hits[pattern] = cached
        return cached

    def matches_at(self, pattern: str, index: int) -> bool:
        """One sentence only: vetoes and continuations are checked where they matter, not everywhere."""
        key = (pattern, index)
        cached = self._local.get(key)
        if cached is None:
            start = self.doc.starts[index]
            end = start + len(self.doc.sentences[index])
            if len(self.lower) == len(self.masked):
                cached = compiled_lower(pattern).search(self.lower, start, end) is not None
            else:
                cached = compiled(pattern).search(self.masked, start, end) is not None
            self._local[key] = cached
        return cached

    def blocked_at(self, patterns: tuple[str, ...], index: int) -> bool:
        return any(self.matches_at(p, index) for p in patterns)

    def any_hits(self, patterns: tuple[str, ...]) -> frozenset[int]:
        out: set[int] = set()
        for pattern in patterns:
            out |= self.hits(pattern)
        return frozenset(out)

    def target_sentences(self) -> frozenset[int]:
        return frozenset(r.sentence for r in self.roles)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def mask(text: str) -> str:
    """Blank out figurative and negated phrases, keeping offsets (and the original case)."""
    lower = text.lower()
    source = lower if len(lower) == len(text) else text
    pieces: list[str] = []
    last = 0
    for m in _MASK_RE.finditer(source):
        pieces.append(text[last : m.start()])
        pieces.append(" " * (m.end() - m.start()))
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)


def target_roles(text: str) -> Iterator[re.Match[str]]:
    """Role mentions that can be a victim: not a quoted source, not an anonymous plural."""
    lower = text.lower()
    found = _ROLE_LOWER.finditer(lower) if len(lower) == len(text) else ROLE_RE.finditer(text)
    for m in found:
        if _BARE_RANK.match(m.group(0).lower()) and not _NAME_NEXT.match(text, m.end()):
            continue
        after = text[m.end() : m.end() + 60]
        before = text[max(0, m.start() - 40) : m.start()]
        if _SOURCE_AFTER.match(after) or _SOURCE_BEFORE.search(before):
            continue
        if _ANONYMOUS_PLURAL.search(m.group(0)):
            continue
        yield m


def analyse(doc: Document) -> Analysis:
    masked = mask(doc.text)
    analysis = Analysis(doc=doc, masked=masked, lower=masked.lower())
    for m in target_roles(masked):
        tier = m.lastgroup or "leader"
        analysis.roles.append(RoleHit(doc.sentence_at(m.start()), tier, m.start(), m.end(), m.group(0)))
    return analysis


@dataclass
class Candidate:
    spec: EventSpec
    evidence: list[int]  # sentence indices, sorted
    strong: bool
    core: frozenset[int]


def _group_hits(analysis: Analysis, group: tuple[str, ...]) -> frozenset[int]:
    if group == (TARGET_GROUP,):
        return analysis.target_sentences()
    return analysis.any_hits(group)


def _article_vetoed(analysis: Analysis, spec: EventSpec) -> bool:
    total = len(analysis.doc.sentences)
    for pattern in spec.article_vetoes:
        n = len(analysis.hits(pattern))
        if n >= 3 and n >= 0.3 * total:
            return True
    return False


def strong_hits(analysis: Analysis, spec: EventSpec) -> frozenset[int]:
    hits = analysis.any_hits(spec.strong)
    return frozenset(i for i in hits if not analysis.blocked_at(spec.blockers, i))


def _pair_ok(analysis: Analysis, spec: EventSpec, anchor: int, other: int) -> bool:
    """A victim named in one sentence and attacked in the next must really be the same story:
    the attack sentence names someone (not a headline), or the role sentence reports harm."""
    if anchor == other or not spec.needs_target:
        return True
    named = _has_name(analysis, anchor) and not (anchor == 0 and analysis.doc.has_title)
    return named or analysis.matches_at(spec.continuation, other)


def find_candidate(
    analysis: Analysis, spec: EventSpec, claimed: frozenset[int] = frozenset()
) -> Candidate | None:
    """`claimed`: sentences that are strong evidence of another type, unusable for combinations here."""
    strong = strong_hits(analysis, spec)
    if not strong and spec.groups and not _group_hits(analysis, spec.groups[0]):
        return None  # cheap exit: most articles never mention the anchor cue
    evidence: set[int] = set(strong)
    groups: list[frozenset[int]] = []
    for group in spec.groups:
        groups.append(
            frozenset(
                i
                for i in _group_hits(analysis, group)
                if i not in claimed and not analysis.blocked_at(spec.blockers, i)
            )
        )
        if not groups[-1] and not strong:
            return None
    if groups:
        for anchor in sorted(groups[0]):
            picked = {anchor}
            for other in groups[1:]:
                if anchor in other:
                    continue
                close = [
                    j for j in other if abs(j - anchor) <= spec.window and _pair_ok(analysis, spec, anchor, j)
                ]
                if not close:
                    picked = set()
                    break
                picked.add(min(close, key=lambda j: abs(j - anchor)))
            evidence |= picked
    if not evidence or _article_vetoed(analysis, spec):
        return None
    return Candidate(spec=spec, evidence=sorted(evidence), strong=bool(strong), core=frozenset(evidence))


_NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:[- ](?:al-|el-|bin |de |van )?[A-Z][\w'\u2019-]+)+")


def _has_name(analysis: Analysis, index: int) -> bool:
    sentence = analysis.doc.sentences[index]
    # Skip the first word: sentence-initial capitals are not evidence of a name.
    return any(m.start() > 0 for m in _NAME_RE.finditer(sentence))


def extend(analysis: Analysis, candidate: Candidate, others: frozenset[int], reach: int = 2) -> None:
    """Add the sentences right after the evidence that still report this event (counts, aftermath)."""
    spec = candidate.spec
    chosen = set(candidate.evidence)
    for start in sorted(candidate.core):
        j, gap = start + 1, 0
        while j < len(analysis.doc.sentences) and gap < reach:
            if j in others and j not in candidate.core:
                break
            if analysis.matches_at(spec.continuation, j) and not analysis.blocked_at(spec.blockers, j):
                chosen.add(j)
                gap = 0
            else:
                gap += 1
            j += 1
    candidate.evidence = sorted(chosen)


def find_candidates(analysis: Analysis) -> list[Candidate]:
    strong = {spec.type: strong_hits(analysis, spec) for spec in EVENT_SPECS}
    found = []
    for spec in EVENT_SPECS:
        claimed: frozenset[int] = frozenset()
        for other_type, hits in strong.items():
            if other_type != spec.type:
                claimed |= hits
        candidate = find_candidate(analysis, spec, claimed - strong[spec.type])
        if candidate is not None:
            found.append(candidate)
    for candidate in found:
        others: frozenset[int] = frozenset()
        for other in found:
            if other is not candidate:
                others |= other.core
        extend(analysis, candidate, others)
    return found
