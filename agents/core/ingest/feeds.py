"""Feed bytes -> items: RSS and Atom through feedparser, JSON Feed (1.0/1.1) read here, since
feedparser does not read it. Pure: the bytes are handed in (feedparser is given a stream, never a
string it could take for a URL or a file name)."""

from __future__ import annotations

import calendar
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser  # type: ignore[import-untyped]
import orjson

from agents.core.documents import html_to_text
from agents.core.ingest.urls import site_of


@dataclass(frozen=True, slots=True)
class FeedItem:
    url: str
    title: str | None = None
    summary: str | None = None  # plain text (the feed's HTML stripped)
    published_at: datetime | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    site: str  # the publisher's site (the feed's <link>), stamped as each article's `source`
    title: str | None
    items: tuple[FeedItem, ...]


class FeedError(ValueError):
    """The body is not a feed we can read; the message says why."""


def _plain(html: str | None) -> str | None:
    if not html:
        return None
    return html_to_text(html)[1] or None


def _from_struct(value: Any) -> datetime | None:
    # feedparser normalises every date it understands to a UTC struct_time.
    if not value:
        return None
    return datetime.fromtimestamp(calendar.timegm(value), UTC)


def _from_iso(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _site(link: Any, feed_url: str) -> str:
    return site_of(link) if isinstance(link, str) and site_of(link) else site_of(feed_url)


def _is_json_feed(body: bytes, content_type: str | None) -> bool:
    ct = (content_type or "").split(";")[0].strip().lower()
    return ct in ("application/feed+json", "application/json") or body.lstrip()[:1] == b"{"


def _json_feed(body: bytes, feed_url: str) -> ParsedFeed:
    try:
        doc = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise FeedError(f"invalid JSON Feed: {exc}") from exc
    if not isinstance(doc, dict) or "jsonfeed.org" not in str(doc.get("version", "")):
        raise FeedError("JSON without a jsonfeed.org version is not a JSON Feed")
    items = []
    for raw in doc.get("items") or []:
        if not isinstance(raw, dict):
            continue
        link = raw.get("url") or raw.get("external_url")
        if not isinstance(link, str) or not link:
            continue
        authors = raw.get("authors") or ([raw["author"]] if isinstance(raw.get("author"), dict) else [])
        author = next((a.get("name") for a in authors if isinstance(a, dict) and a.get("name")), None)
        summary = raw.get("summary") or _plain(raw.get("content_html")) or raw.get("content_text")
        items.append(
            FeedItem(
                url=urljoin(feed_url, link),
                title=raw.get("title") or None,
                summary=_plain(summary) if isinstance(summary, str) else None,
                published_at=_from_iso(raw.get("date_published") or raw.get("date_modified")),
                author=author,
            )
        )
    return ParsedFeed(_site(doc.get("home_page_url"), feed_url), doc.get("title") or None, tuple(items))


def parse_feed(body: bytes, *, feed_url: str, content_type: str | None = None) -> ParsedFeed:
    """Items with absolute URLs, newest first as the feed lists them. Raises FeedError."""
    if _is_json_feed(body, content_type):
        return _json_feed(body, feed_url)
    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": feed_url})
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom document found"
        raise FeedError(f"not a feed: {reason}")
    items = []
    for e in parsed.entries:
        link = e.get("link")
        if not link:
            continue
        summary = e.get("summary") or next((c.get("value") for c in e.get("content") or []), None)
        items.append(
            FeedItem(
                url=urljoin(feed_url, link),
                title=e.get("title") or None,
                summary=_plain(summary),
                published_at=_from_struct(e.get("published_parsed") or e.get("updated_parsed")),
                author=e.get("author") or None,
            )
        )
    return ParsedFeed(
        _site(parsed.feed.get("link"), feed_url), parsed.feed.get("title") or None, tuple(items)
    )
