"""Candidate index of one partition key's open stories: decide() scores a few stories, not all.

A story can only be joined if its identity score leaves room for time and text to reach the join
threshold (assemble.py), so the candidates of a report are exactly the stories that could score
that much, found through small inverted indexes instead of a scan:

    attempt naming a target   stories whose target shares the surname (either way round), or whose
                              surname is a close spelling (rapidfuzz over the key's distinct
                              surnames), and stories with no named target
    attempt naming a role     stories whose surname its text mentions, stories with that role or
                              no role or no named target, stories of another role in its city
    protest in a city         stories in that city and stories with no city
    anything else             every open story of the key (a report with neither target nor city)
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from rapidfuzz import fuzz, process

from agents.core.stories.model import StoryState

FUZZY_SURNAME_MIN = 80  # surname ratio above which a story is scored for a close spelling


class Index:
    def __init__(self) -> None:
        self.by_token: dict[str, set[str]] = defaultdict(set)  # any token of a target name
        self.by_surname: dict[str, set[str]] = defaultdict(set)  # a target name's last token
        self.by_role: dict[str, set[str]] = defaultdict(set)
        self.by_city: dict[str, set[str]] = defaultdict(set)
        self.unnamed: set[str] = set()
        self.roleless: set[str] = set()
        self.cityless: set[str] = set()
        self._keys: dict[str, list[tuple[dict[str, set[str]] | set[str], str | None]]] = {}
        self._surnames: list[str] | None = None  # by_surname's keys, for one rapidfuzz call

    def add(self, s: StoryState) -> None:
        keys: list[tuple[dict[str, set[str]] | set[str], str | None]] = []
        for alias in s.aliases:
            tokens = alias.split()
            keys += [(self.by_token, t) for t in tokens]
            keys.append((self.by_surname, tokens[-1]))
        keys += [(self.by_role, r) for r in s.roles] + [(self.by_city, c) for c in s.cities]
        for flag, bucket in ((s.aliases, self.unnamed), (s.roles, self.roleless), (s.cities, self.cityless)):
            if not flag:
                keys.append((bucket, None))
        for where, k in keys:
            if isinstance(where, set):
                where.add(s.story_id)
            else:
                if where is self.by_surname and k not in where:
                    self._surnames = None
                where[k or ""].add(s.story_id)
        self._keys[s.story_id] = keys

    def remove(self, story_id: str) -> None:
        for where, k in self._keys.pop(story_id, []):
            if isinstance(where, set):
                where.discard(story_id)
            else:
                bucket = where.get(k or "")
                if bucket is not None:
                    bucket.discard(story_id)
                    if not bucket:
                        del where[k or ""]
                        if where is self.by_surname:
                            self._surnames = None

    def _named(self, tokens: tuple[str, ...]) -> set[str]:
        out = set(self.by_token.get(tokens[-1], ()))  # the report's name within the story's
        for t in tokens:  # the story's name within the report's
            out |= self.by_surname.get(t, set())
        surname = tokens[-1]
        if len(surname) > 3:
            if self._surnames is None:
                self._surnames = list(self.by_surname)
            for other, _, _ in process.extract(
                surname, self._surnames, scorer=fuzz.ratio, score_cutoff=FUZZY_SURNAME_MIN, limit=None
            ):
                out |= self.by_surname[other]
        return out

    def candidates(
        self,
        *,
        attempt: bool,
        tokens: tuple[str, ...],
        role: str,
        city: Iterable[str],
        mentions: Iterable[str],
        everything: Iterable[str],
    ) -> set[str]:
        cities = set(city)
        if attempt and tokens:
            return self._named(tokens) | self.unnamed
        if attempt and role:
            out = set(self.unnamed) | self.by_role.get(role, set()) | self.roleless
            for m in mentions:
                out |= self.by_surname.get(m, set())
            for c in cities:  # another role: only a shared city leaves room to join
                out |= self.by_city.get(c, set())
            return out
        if not attempt and cities:
            out = set(self.cityless)
            for c in cities:
                out |= self.by_city.get(c, set())
            return out
        return set(everything)


class Stories:
    """The open stories under one partition key (event type + country), in memory, with their
    candidate index. `decide` only reads it; `apply` changes it in place."""

    __slots__ = ("_by_article", "_expiry", "_index", "by_id", "held", "newest")

    def __init__(self, stories: Iterable[StoryState] = ()) -> None:
        self.by_id: dict[str, StoryState] = {}
        self.newest: datetime | None = None  # the latest report time seen: the key's own clock
        self._index: Index | None = None
        self._by_article: dict[str, str] = {}
        self._expiry: list[tuple[datetime, str]] = []  # (last_seen_at, story_id), stale entries skipped
        self.held: dict[str, datetime] = {}  # story id -> until when its first alert is held
        for s in stories:
            self.put(s)

    @property
    def stories(self) -> list[StoryState]:
        return list(self.by_id.values())

    @property
    def index(self) -> Index:
        if self._index is None:  # built on first use (a table rebuilt after a restart adds many)
            self._index = Index()
            for s in self.by_id.values():
                self._index.add(s)
        return self._index

    def story_of(self, article_id: str) -> StoryState | None:
        story_id = self._by_article.get(article_id)
        return self.by_id.get(story_id) if story_id else None

    def put(self, s: StoryState) -> None:
        self.drop(s.story_id)
        self.by_id[s.story_id] = s
        for m in s.members:
            self._by_article[m.article_id] = s.story_id
        if s.held_until is not None:
            self.held[s.story_id] = s.held_until
        heapq.heappush(self._expiry, (s.last_seen_at, s.story_id))
        if self.newest is None or s.last_seen_at > self.newest:
            self.newest = s.last_seen_at
        if self._index is not None:
            self._index.add(s)

    def drop(self, story_id: str) -> None:
        old = self.by_id.pop(story_id, None)
        self.held.pop(story_id, None)
        if old is None:
            return
        for m in old.members:
            if self._by_article.get(m.article_id) == story_id:
                del self._by_article[m.article_id]
        if self._index is not None:
            self._index.remove(story_id)

    def expire(self, keep: timedelta) -> list[str]:
        """Drop the stories whose last report is more than `keep` before the newest (on the reports'
        own time axis, so replayed old news works too); the ids dropped."""
        closed: list[str] = []
        kept: list[tuple[datetime, str]] = []
        while self.newest is not None and self._expiry and self.newest - self._expiry[0][0] > keep:
            seen, story_id = heapq.heappop(self._expiry)
            s = self.by_id.get(story_id)
            if s is not None and s.last_seen_at == seen:
                if story_id in self.held:  # old news held for its first alert: released first
                    kept.append((seen, story_id))
                    continue
                self.drop(story_id)
                closed.append(story_id)
        for entry in kept:
            heapq.heappush(self._expiry, entry)
        return closed

    def due(self, now: datetime) -> list[str]:
        """Held stories whose wait is over, oldest deadline first (ties by id: any order the same)."""
        return sorted((i for i, t in self.held.items() if t <= now), key=lambda i: (self.held[i], i))
