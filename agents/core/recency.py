"""Whether a detected event is news: the worker alerts only on events recent relative to the article.

The detector reports what a text narrates, whatever its date (an encyclopedia section about a 1981
attempt reports that attempt); subscribers want what just happened. An event whose text gives its
date (`occurred_on`) more than `max_age_days` before the article's publication is history, not an
alert. With no date in the text the event counts as the article's own news.
"""

from __future__ import annotations

from datetime import datetime

from agents.core.models import Article, Event


def is_recent(event: Event, article: Article, *, now: datetime, max_age_days: int) -> bool:
    if event.occurred_on is None:
        return True
    # A publisher's clock ahead of ours is not trusted (as for stories).
    published = article.published_at if article.published_at and article.published_at <= now else now
    return (published.date() - event.occurred_on).days <= max_age_days
