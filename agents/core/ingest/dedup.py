"""Never publish the same article twice: by canonical URL, and by content for one page under two URLs.

The seen keys live in a compacted topic (`tocsin.ingest.seen.v1`), read whole at start, so a
restarted ingester or a second one knows what was published before. Two ingesters polling one
feed at once agree through claims on that topic: each writes a claim for a new item and fetches it
only if its claim is the first live one the log holds for that URL.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

_WORDS = re.compile(r"\w+")


class Seen(StrEnum):
    NEW = "new"
    SAME_URL = "same_url"
    SAME_CONTENT = "same_content"


def content_key(title: str | None, text: str) -> str:
    """Hash of the words of title + text, case- and punctuation-folded: a re-rendered page with
    other whitespace or quotes is the same content."""
    folded = unicodedata.normalize("NFKC", f"{title or ''}\n{text}").casefold()
    words = " ".join(_WORDS.findall(folded))
    return "text:" + hashlib.sha256(words.encode()).hexdigest()[:32]


def seen_before(url_keys: Iterable[str], seen: Container[str]) -> Seen:
    """Before fetching: any spelling of the item's URL (feed link, final URL) already published?"""
    return Seen.SAME_URL if any(k in seen for k in url_keys) else Seen.NEW


def decide(url_keys: Iterable[str], text_key: str, seen: Container[str]) -> Seen:
    """After extracting: publish only if neither the URL nor the content was published before."""
    if (by_url := seen_before(url_keys, seen)) is not Seen.NEW:
        return by_url
    return Seen.SAME_CONTENT if text_key in seen else Seen.NEW


# A claim not followed by the article within this long is taken to be from an ingester that died
# mid-item; another may then claim the item again.
CLAIM_LEASE_S = 600.0


@dataclass(frozen=True, slots=True)
class Claim:
    owner: str  # one id per running ingester
    at: datetime


def first_claim(current: Claim | None, new: Claim, *, lease_s: float = CLAIM_LEASE_S) -> Claim:
    """Claims in log order (the seen topic has one partition): the first live one holds the item.

    Every ingester reads the same log, so every ingester agrees on who holds it."""
    if current is None or (new.at - current.at).total_seconds() > lease_s:
        return new
    return current


def may_take(current: Claim | None, owner: str, *, now: datetime, lease_s: float = CLAIM_LEASE_S) -> bool:
    """Before claiming: not while another ingester's claim is live."""
    return current is None or current.owner == owner or (now - current.at).total_seconds() > lease_s
