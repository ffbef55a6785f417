"""Page HTML -> main text and metadata (trafilatura), and the choice between the page's text and
the feed's summary. Pure: the HTML is handed in, and the latest plausible date is `now`."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import trafilatura
from trafilatura.settings import Document

from agents.core.ingest.feeds import FeedItem
from agents.core.ingest.urls import canonical_url
from agents.core.models import Article

# Below this a page's text is a teaser, a paywall or a cookie wall, not the article.
MIN_PAGE_CHARS = 200
# A summary this short ("Read more") carries no event worth alerting on.
MIN_SUMMARY_CHARS = 40


class TextFrom(StrEnum):
    PAGE = "page"
    SUMMARY = "summary"


@dataclass(frozen=True, slots=True)
class PageText:
    text: str
    title: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Chosen:
    text: str
    source: TextFrom


def _date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)


def _html_lang(html: str) -> str | None:
    match = _LANG.search(html[:4096])
    return match.group(1).lower() if match else None


def extract_page(html: str, *, url: str, now: datetime) -> PageText | None:
    """The page's main text without navigation, ads, related links and comments; None if none."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # htmldate would otherwise take today's date from the machine's clock as the upper bound.
        # Markup only (no guessing from "© 2026" in a footer), and never a date after `now`.
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "max_date": now.date().isoformat(),
        },
    )
    if not isinstance(doc, Document):  # None: nothing found (a dict comes only with as_dict=True)
        return None
    text = (doc.text or "").strip()
    if not text:
        return None
    return PageText(
        text=text,
        title=doc.title or None,
        author=doc.author or None,
        published_at=_date(doc.date),
        language=doc.language or _html_lang(html),
    )


def choose_text(page: PageText | None, item: FeedItem) -> Chosen | None:
    """The page's text when it reads as an article, else the feed's summary, else nothing."""
    summary = (item.summary or "").strip()
    if page is not None and len(page.text) >= max(MIN_PAGE_CHARS, len(summary)):
        return Chosen(page.text, TextFrom.PAGE)
    if len(summary) >= MIN_SUMMARY_CHARS:
        return Chosen(summary, TextFrom.SUMMARY)
    if page is not None and len(page.text) >= MIN_SUMMARY_CHARS:
        return Chosen(page.text, TextFrom.PAGE)
    return None


def article_id(url: str) -> str:
    """Stable per canonical URL, so two ingesters' copies of one page are one article downstream."""
    return "a_" + hashlib.sha256(canonical_url(url).encode()).hexdigest()[:24]


def build_article(
    item: FeedItem, chosen: Chosen, page: PageText | None, *, site: str, html: str | None
) -> Article:
    """The feed's title and date first (a page's <title> often carries the site name), the page's
    where the feed has none."""
    return Article(
        id=article_id(item.url),
        title=item.title or (page.title if page else None),
        text=chosen.text,
        url=item.url,
        source=site,
        published_at=item.published_at or (page.published_at if page else None),
        language=(page.language if page and page.language else "en")[:16],
        html=html,
    )
