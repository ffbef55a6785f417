from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from agents.core.models import Article, Event, Level, Severity
from agents.core.recency import is_recent

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def ev(occurred_on: date | None) -> Event:
    return Event(
        type="assassination_attempt",
        confidence=0.9,
        severity=Severity(score=70, level=Level.HIGH),
        occurred_on=occurred_on,
    )


def art(published: datetime | None) -> Article:
    return Article(id="a", text="x", published_at=published)


def test_an_event_dated_long_before_the_article_is_history() -> None:
    assert not is_recent(ev(date(1981, 5, 13)), art(NOW), now=NOW, max_age_days=14)
    assert is_recent(ev(date(2026, 11, 20)), art(NOW), now=NOW, max_age_days=14)
    assert not is_recent(ev(date(2026, 11, 16)), art(NOW), now=NOW, max_age_days=14)


def test_age_is_relative_to_the_article_not_to_our_clock() -> None:
    old_article = art(datetime(2007, 3, 2, tzinfo=UTC))
    assert is_recent(ev(date(2007, 3, 1)), old_article, now=NOW, max_age_days=14)
    # a publication date ahead of our clock is not trusted
    assert not is_recent(ev(date(2026, 11, 1)), art(NOW + timedelta(days=30)), now=NOW, max_age_days=14)


def test_no_date_in_the_text_is_the_article_s_own_news() -> None:
    assert is_recent(ev(None), art(None), now=NOW, max_age_days=0)
