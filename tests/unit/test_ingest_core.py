"""The pure parts of `tocsin ingest`: URL identity, dedup, poll timing, feed parsing, text choice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from agents.core.ingest.dedup import (
    CLAIM_LEASE_S,
    Claim,
    Seen,
    content_key,
    decide,
    first_claim,
    may_take,
    seen_before,
)
from agents.core.ingest.extract import (
    MIN_PAGE_CHARS,
    PageText,
    TextFrom,
    article_id,
    build_article,
    choose_text,
    extract_page,
)
from agents.core.ingest.feeds import FeedError, FeedItem, parse_feed
from agents.core.ingest.polling import FeedState, PollPolicy, PollResult, after_poll, classify_status
from agents.core.ingest.urls import canonical_url, site_of, url_key
from agents.core.live_view import live_entry, trigger_spans
from streams.feed_server import Story, atom, json_feed, render_page, rss
from tests.unit.status_table import make_alert

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


# --- canonical URL ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "HTTPS://News.Example.org:443/World/Story?b=2&a=1#top",
            "https://news.example.org/World/Story?a=1&b=2",
        ),
        ("https://news.example.org/x?utm_source=rss&utm_medium=feed&id=7", "https://news.example.org/x?id=7"),
        ("https://news.example.org/x?fbclid=abc&gclid=def", "https://news.example.org/x"),
        ("http://news.example.org:80", "http://news.example.org/"),
        ("https://news.example.org/caf%c3%a9", "https://news.example.org/caf%C3%A9"),
    ],
)
def test_one_page_one_canonical_url(a: str, b: str) -> None:
    assert canonical_url(a) == canonical_url(b)
    assert url_key(a) == url_key(b)
    assert article_id(a) == article_id(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://news.example.org/World/Story", "https://news.example.org/world/story"),  # path case kept
        ("https://news.example.org/x?id=7", "https://news.example.org/x?id=8"),
        ("http://news.example.org:8080/x", "http://news.example.org/x"),
    ],
)
def test_different_pages_stay_different(a: str, b: str) -> None:
    assert url_key(a) != url_key(b)


def test_site_is_the_host_without_www() -> None:
    assert site_of("https://WWW.Courier.example/news/1") == "courier.example"


# --- dedup --------------------------------------------------------------------------------------


def test_dedup_by_url_then_by_content() -> None:
    url = url_key("https://a.example/story?utm_source=x")
    text = content_key("Title", "Body text.")
    assert seen_before([url], set()) is Seen.NEW
    assert decide([url], text, set()) is Seen.NEW
    assert decide([url_key("https://a.example/story")], text, {url}) is Seen.SAME_URL
    # The same story under another URL (a syndicated copy re-rendered): same words, other spacing.
    assert (
        decide([url_key("https://b.example/other")], content_key("title", "Body   text"), {text})
        is Seen.SAME_CONTENT
    )
    assert content_key("Title", "Body text.") != content_key("Title", "Other body text.")


# --- polling ------------------------------------------------------------------------------------


def test_ok_and_not_modified_wait_one_interval_and_keep_validators() -> None:
    s = after_poll(
        FeedState(), PollResult.OK, now=NOW, interval_s=300, jitter=0, etag='"v1"', last_modified="x"
    )
    assert (s.etag, s.last_modified, s.failures, s.next_at) == ('"v1"', "x", 0, NOW + timedelta(seconds=300))
    s2 = after_poll(s, PollResult.NOT_MODIFIED, now=NOW, interval_s=300, jitter=1)
    assert s2.etag == '"v1"' and s2.next_at == NOW + timedelta(seconds=300)
    assert not s2.due(NOW) and s2.due(NOW + timedelta(seconds=300))


def test_failures_back_off_exponentially_to_a_cap() -> None:
    policy = PollPolicy(max_backoff_s=1000)
    s, delays = FeedState(), []
    for _ in range(5):
        s = after_poll(s, PollResult.FAILED, now=NOW, interval_s=100, jitter=0, policy=policy)
        assert s.next_at is not None
        delays.append((s.next_at - NOW).total_seconds())
    assert delays == [200, 400, 800, 1000, 1000]
    s = after_poll(s, PollResult.OK, now=NOW, interval_s=100, jitter=0)
    assert s.failures == 0


def test_jitter_moves_a_backoff_by_at_most_ten_percent() -> None:
    hi = after_poll(FeedState(), PollResult.FAILED, now=NOW, interval_s=100, jitter=1)
    lo = after_poll(FeedState(), PollResult.FAILED, now=NOW, interval_s=100, jitter=-1)
    assert hi.next_at == NOW + timedelta(seconds=220) and lo.next_at == NOW + timedelta(seconds=180)
    with pytest.raises(ValueError):
        after_poll(FeedState(), PollResult.FAILED, now=NOW, interval_s=100, jitter=2)


@pytest.mark.parametrize(
    ("header", "expected_s"),
    [
        ("900", 900),  # longer than the backoff: honoured
        ("10", 200),  # shorter: the backoff (2 intervals) still holds
        ("Mon, 30 Nov 2026 13:00:00 GMT", 3600),  # an HTTP date
        ("999999", 6 * 3600),  # clamped
        ("soon", 200),  # unreadable: backoff
        (None, 200),
    ],
)
def test_throttled_honours_retry_after(header: str | None, expected_s: float) -> None:
    s = after_poll(FeedState(), PollResult.THROTTLED, now=NOW, interval_s=100, jitter=0, retry_after=header)
    assert s.next_at == NOW + timedelta(seconds=expected_s)


def test_status_classes() -> None:
    assert [classify_status(c) for c in (200, 304, 429, 503, 404, 500)] == [
        PollResult.OK,
        PollResult.NOT_MODIFIED,
        PollResult.THROTTLED,
        PollResult.THROTTLED,
        PollResult.FAILED,
        PollResult.FAILED,
    ]


# --- feeds --------------------------------------------------------------------------------------

STORIES = [
    Story(
        "one",
        "Crowd & police clash <b>downtown</b>",
        ["p"],
        summary="Police fired <i>tear gas</i>.",
        published=NOW,
    ),
    Story("two", "Second story", ["p"], summary="", published=None),
]
LINKS = [("https://courier.example/news/one", STORIES[0]), ("/news/two", STORIES[1])]


@pytest.mark.parametrize("render", [rss, atom, json_feed])
def test_each_feed_format_gives_the_same_items(render) -> None:  # type: ignore[no-untyped-def]
    feed = parse_feed(render("https://www.courier.example/", LINKS), feed_url="https://courier.example/feed")
    assert feed.site == "courier.example"
    one, two = feed.items
    assert one.url == "https://courier.example/news/one"
    assert two.url == "https://courier.example/news/two"  # relative links resolved against the feed
    assert (
        one.title == "Crowd & police clash <b>downtown</b>"
    )  # text, still to be escaped by whoever shows it
    assert one.summary == "Police fired tear gas."  # the summary's markup stripped
    assert one.published_at == NOW
    assert two.published_at is None


def test_not_a_feed_is_a_feed_error() -> None:
    with pytest.raises(FeedError):
        parse_feed(b"<html><body>hello</body></html>", feed_url="https://x.example/")
    with pytest.raises(FeedError):
        parse_feed(b'{"items": []}', feed_url="https://x.example/", content_type="application/json")


# --- extraction and the page-or-summary choice --------------------------------------------------

BODY = [
    "Riot police fired tear gas at hundreds of traders who marched on the market authority on Monday.",
    "Witnesses said at least four people were hurt when officers charged the crowd near the bus station.",
    "The traders were protesting a new levy on stalls that they say doubles their monthly costs.",
]


def test_extraction_drops_the_boilerplate() -> None:
    html = render_page(Story("s", "Traders clash with police", BODY, published=NOW), site_name="The Courier")
    page = extract_page(html, url="https://courier.example/news/s", now=NOW)
    assert page is not None
    for sentence in BODY:
        assert sentence in page.text
    for furniture in (
        "Most read",
        "cookie",
        "Sign up",
        "Related stories",
        "All rights reserved",
        "Post comment",
    ):
        assert furniture not in page.text
    assert page.language == "en"
    assert page.published_at is not None and page.published_at.date() == NOW.date()  # trafilatura: a day


def test_no_date_is_guessed_from_the_footer() -> None:
    html = render_page(Story("s", "Traders clash with police", BODY), site_name="The Courier")
    page = extract_page(html, url="https://courier.example/news/s", now=NOW)
    assert page is not None and page.published_at is None  # "(c) 2026" is not a publication date


def test_choice_prefers_a_real_page_then_the_summary() -> None:
    item = FeedItem(
        "https://x.example/a", title="T", summary="Police fired tear gas at marchers in the city centre."
    )
    full = PageText("x" * MIN_PAGE_CHARS)
    teaser = PageText("Subscribe to read the full story.")
    assert (
        choose_text(full, item) == choose_text(full, item) and choose_text(full, item).source is TextFrom.PAGE
    )  # type: ignore[union-attr]
    chosen = choose_text(teaser, item)
    assert chosen is not None and chosen.source is TextFrom.SUMMARY and chosen.text == item.summary
    assert choose_text(None, item).source is TextFrom.SUMMARY  # type: ignore[union-attr]
    assert choose_text(None, FeedItem("https://x.example/a", summary="Read more")) is None
    assert choose_text(teaser, FeedItem("https://x.example/a")) is None


def test_article_takes_the_feed_title_and_keeps_the_html() -> None:
    item = FeedItem("https://x.example/a?utm_source=rss", title="Feed title", published_at=NOW)
    page = PageText("text " * 50, title="Feed title | Site", language="fr")
    chosen = choose_text(page, item)
    assert chosen is not None
    article = build_article(item, chosen, page, site="x.example", html="<html>raw</html>")
    assert (article.title, article.source, article.language, article.html) == (
        "Feed title",
        "x.example",
        "fr",
        "<html>raw</html>",
    )
    assert article.id == article_id("https://x.example/a")


# --- live page entries --------------------------------------------------------------------------


def test_trigger_spans_mark_whole_words() -> None:
    s = "Gunmen opened fire on the convoy; two guards were wounded. Protesters were unharmed."
    assert [s[a:b] for a, b in trigger_spans(s)] == [
        "Gunmen",
        "opened fire",
        "wounded",
        "Protesters",
        "unharmed",
    ]
    assert trigger_spans("A quiet council meeting.") == []


def test_live_entry_keeps_revisions_and_ignores_replays() -> None:
    r1 = make_alert(revision=1)
    r2 = make_alert(revision=2, reason="casualties_rose", casualties={"killed": 0, "injured": 9})
    e1 = live_entry(r1, None)
    assert e1 is not None and [r["revision"] for r in e1["revisions"]] == [1]
    e2 = live_entry(r2, e1)
    assert (
        e2 is not None and e2["alert"]["revision"] == 2 and [r["revision"] for r in e2["revisions"]] == [1, 2]
    )
    assert live_entry(r2, e2) is None  # the same revision again (at-least-once): nothing new
    late = live_entry(r1, live_entry(r2, None))
    assert (
        late is not None
        and late["alert"]["revision"] == 2
        and [r["revision"] for r in late["revisions"]] == [1, 2]
    )


def test_the_first_live_claim_holds_an_item() -> None:
    a, b = Claim("a", NOW), Claim("b", NOW + timedelta(seconds=1))
    assert first_claim(None, a) == a
    assert first_claim(a, b) == a  # b came second in the log: a holds it
    late = Claim("b", NOW + timedelta(seconds=CLAIM_LEASE_S + 1))
    assert first_claim(a, late) == late  # a never finished: its lease ran out
    assert may_take(None, "b", now=NOW) and may_take(a, "a", now=NOW)
    assert not may_take(a, "b", now=NOW + timedelta(seconds=5))
    assert may_take(a, "b", now=NOW + timedelta(seconds=CLAIM_LEASE_S + 1))
