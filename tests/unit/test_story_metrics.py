from __future__ import annotations

from collections import defaultdict
from datetime import UTC
from pathlib import Path

import pytest

from agents.core.story_metrics import GoldArticle, StoryRow, load_gold, measure, row_for

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "stories_dev.jsonl"
CHECK = FIXTURE.with_name("stories_check.jsonl")


def _row(article_id: str, gold: str | None, story_id: str | None, **kw: object) -> StoryRow:
    return StoryRow.model_validate(
        {"article_id": article_id, "gold": gold, "story_id": story_id, "alerted": story_id is not None, **kw}
    )


def test_perfect_clustering_scores_one_everywhere() -> None:
    rows = [
        _row("a1", "evA", "s1"),
        _row("a2", "evA", "s1"),
        _row("a3", "evA", "s1", copy_of="a2", marked_copy=True),
        _row("b1", "evB", "s2"),
        _row("b2", "evB", "s2"),
        _row("n1", None, None),
    ]
    m = measure(rows)
    assert m.alerts_per_event == 1.0
    assert (m.bcubed_precision, m.bcubed_recall, m.bcubed_f1) == (1.0, 1.0, 1.0)
    assert (m.split_events, m.merged_stories, m.events_missed, m.negatives_alerted) == (0, 0, 0, 0)
    assert (m.copies_recognised, m.copies, m.false_copies) == (1, 1, 0)
    assert (m.articles, m.gold_events, m.stories, m.negatives) == (6, 2, 2, 1)
    table = m.render()
    assert table.splitlines()[0] == "| metric | value |"
    assert "| B-cubed F1 | 1.000 |" in table
    assert "| copies recognised | 1 / 1 |" in table


def test_a_split_event() -> None:
    # evA is split over two stories (a report after midnight opened a new one); evB is fine.
    rows = [
        _row("a1", "evA", "s1"),
        _row("a2", "evA", "s1"),
        _row("a3", "evA", "s9"),
        _row("b1", "evB", "s2"),
    ]
    m = measure(rows)
    assert m.split_events == 1
    assert m.merged_stories == 0
    assert m.alerts_per_event == pytest.approx(1.5)
    assert m.bcubed_precision == 1.0
    # Recall: a1, a2 see 2 of their 3 event-mates, a3 sees 1 of 3, b1 1 of 1.
    assert m.bcubed_recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)


def test_a_wrong_merge_and_negatives() -> None:
    # Siblings evA and evB end in one story; two negatives share another; a third alerts alone.
    rows = [
        _row("a1", "evA", "s1"),
        _row("b1", "evB", "s1"),
        _row("n1", None, "s2"),
        _row("n2", None, "s2"),
        _row("n3", None, "s3"),
        _row("n4", None, None, alerted=False),
    ]
    m = measure(rows)
    assert m.merged_stories == 2  # s1 (two events) and s2 (two different negatives)
    assert m.split_events == 0
    assert m.alerts_per_event == 1.0
    assert m.negatives_alerted == 3
    assert m.negatives == 4
    assert m.bcubed_recall == 1.0
    assert m.bcubed_precision == pytest.approx((1 / 2 + 1 / 2 + 1 / 2 + 1 / 2 + 1) / 5)


def test_bcubed_textbook_example() -> None:
    # Gold: A = {1..5}, B = {6, 7}; the system puts all seven in one story.
    # Precision: five items at 5/7 and two at 2/7 -> (25/7 + 4/7) / 7 = 29/49; recall 1.
    # F1 = 2 * (29/49) / (1 + 29/49) = 29/39.
    rows = [_row(str(i), "A" if i <= 5 else "B", "s") for i in range(1, 8)]
    m = measure(rows)
    assert m.bcubed_precision == pytest.approx(29 / 49)
    assert m.bcubed_recall == 1.0
    assert m.bcubed_f1 == pytest.approx(29 / 39)
    # Gold: A = {1, 2, 3}, B = {4, 5}; stories S1 = {1, 2}, S2 = {3, 4, 5}.
    # Precision (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = 11/15; recall (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = 11/15.
    rows = [_row("1", "A", "S1"), _row("2", "A", "S1"), _row("3", "A", "S2")]
    rows += [_row("4", "B", "S2"), _row("5", "B", "S2")]
    m = measure(rows)
    assert m.bcubed_precision == pytest.approx(11 / 15)
    assert m.bcubed_recall == pytest.approx(11 / 15)
    assert m.bcubed_f1 == pytest.approx(11 / 15)


def test_missed_events_copies_and_empty_runs() -> None:
    rows = [
        _row("a1", "evA", "s1"),
        _row("a2", "evA", "s1", copy_of="a1", marked_copy=False),
        _row("b1", "evB", None),
        _row("b2", "evB", None, copy_of="b1"),
        _row("c1", "evC", "s2", marked_copy=True),
    ]
    m = measure(rows)
    assert m.events_missed == 1
    assert m.alerts_per_event == pytest.approx(2 / 3)
    assert (m.copies_recognised, m.copies, m.false_copies) == (0, 2, 1)
    assert m.bcubed_f1 == 1.0  # over the articles with a story id only
    empty = measure([_row("n1", None, None)])
    assert empty.alerts_per_event is None and empty.bcubed_f1 is None
    assert "| B-cubed F1 | n/a |" in empty.render()
    with pytest.raises(ValueError, match="duplicate"):
        measure([_row("a1", "evA", "s1"), _row("a1", "evA", "s1")])


def test_load_gold_rejects_bad_files() -> None:
    line = (
        '{"id": "x", "gold": "ev1", "title": "t", "text": "Police fired tear gas.", "url": "https://a.example/x",'
        ' "source": "A", "published_at": "2026-11-10T10:00:00+03:00", "copy_of": null}'
    )
    (article,) = load_gold([line, ""])
    assert row_for(article, story_id="s1", alerted=True) == StoryRow(
        article_id="x", gold="ev1", story_id="s1", alerted=True, copy_of=None, marked_copy=False
    )
    with pytest.raises(ValueError, match="duplicate id"):
        load_gold([line, line])
    with pytest.raises(ValueError, match="copy_of"):
        load_gold([line.replace('"copy_of": null', '"copy_of": "nope"')])
    with pytest.raises(ValueError, match="line 1"):
        load_gold([line.replace("+03:00", "")])  # a naive timestamp


def test_dev_set_invariants() -> None:
    articles = load_gold(FIXTURE.read_text(encoding="utf-8").splitlines())
    by_id = {a.id: a for a in articles}
    assert len(by_id) == len(articles)  # ids unique
    events: dict[str, list[GoldArticle]] = defaultdict(list)
    for a in articles:
        if a.gold is not None:
            events[a.gold].append(a)
            assert a.type is not None and a.country is not None and a.occurred_on is not None, a.id
        else:
            assert a.type is None, a.id
        assert 3 <= a.text.count(". ") + 1 <= 12, a.id
    assert len(events) >= 10
    assert 40 <= len(articles) <= 80
    negatives = [a for a in articles if a.gold is None]
    assert 4 <= len(negatives) <= 6

    copies = [a for a in articles if a.copy_of is not None]
    assert len(copies) >= 2
    for copy in copies:
        original = by_id[copy.copy_of or ""]
        assert original.copy_of is None and original.gold == copy.gold, copy.id
        assert (copy.source, copy.url, copy.title) != (original.source, original.url, original.title)
        assert copy.source != original.source and copy.url != original.url, copy.id
        body = copy.text.split("\n")[0]  # word for word, maybe abridged, maybe with page furniture after
        assert original.text.startswith(body), copy.id

    for gold, items in events.items():
        assert 3 <= len(items) <= 6, gold
        assert any(a.killed is not None or a.injured is not None for a in items), gold  # gold tolls
        assert len({a.source for a in items if a.copy_of is None}) >= 3, gold
        assert len({(a.type, a.country, a.occurred_on) for a in items}) == 1, gold
        span = max(a.published_at for a in items) - min(a.published_at for a in items)
        assert span.days <= 3, gold
    assert {items[0].type for items in events.values()} == {"assassination_attempt", "protest_violence"}

    # Siblings: two events of one type, in one country, on one day.
    keys = [(items[0].type, items[0].country, items[0].occurred_on) for items in events.values()]
    siblings = {key for key in keys if keys.count(key) > 1}
    assert len(siblings) >= 1
    # Reports after midnight UTC and in several offsets.
    assert any(len({a.published_at.astimezone(UTC).date() for a in items}) > 1 for items in events.values())
    assert len({a.published_at.utcoffset() for a in articles}) >= 5


def test_alerts_created_and_final_casualties() -> None:
    # evA: its articles end in one story (s1) after a merge, but two of them opened stories on the
    # way (two alert.created). Its articles report up to 2 killed and 9 injured; s1 ends at (2, 9).
    # evB's story ends at 4 killed where its articles say at most 3: wrong. evC reports no toll.
    rows = [
        _row("a1", "evA", "s1", opened=True, gold_killed=1, gold_injured=4, story_killed=2, story_injured=9),
        _row(
            "a2", "evA", "s1", opened=True, gold_killed=2, gold_injured=None, story_killed=2, story_injured=9
        ),
        _row("a3", "evA", "s1", gold_killed=None, gold_injured=9, story_killed=2, story_injured=9),
        _row("b1", "evB", "s2", opened=True, gold_killed=3, story_killed=4),
        _row("c1", "evC", "s3", opened=True),
        _row("n1", None, None),
    ]
    m = measure(rows)
    assert m.alerts_per_event == 1.0
    assert m.created_per_event == pytest.approx(4 / 3)
    assert (m.casualties_right, m.casualties_checked) == (1, 2)
    assert "| final casualties = highest reported | 1 / 2 |" in m.render()
    assert "| alert.created per gold event | 1.333 |" in m.render()


def test_check_set_invariants() -> None:
    """The second, separately written set (other countries, names and wordings), never tuned on."""
    articles = load_gold(CHECK.read_text(encoding="utf-8").splitlines())
    by_id = {a.id: a for a in articles}
    dev_sources = {a.source for a in load_gold(FIXTURE.read_text(encoding="utf-8").splitlines())}
    events: dict[str, list[GoldArticle]] = defaultdict(list)
    for a in articles:
        if a.gold is not None:
            events[a.gold].append(a)
    assert len(events) >= 6 and len([a for a in articles if a.gold is None]) >= 3
    countries = {items[0].country for items in events.values()}
    assert len(countries) >= 5 and not countries & {"NG", "IQ", "MX", "KE", "BD", "CL", "GE", "ID"}
    assert len({a.source for a in articles} & dev_sources) <= 2
    copies = [a for a in articles if a.copy_of is not None]
    assert len(copies) >= 2
    for copy in copies:
        original = by_id[copy.copy_of or ""]
        assert original.gold == copy.gold and copy.source != original.source, copy.id
        assert original.text.startswith(copy.text.split("\n")[0].rsplit(".", 1)[0]), copy.id
    for gold, items in events.items():
        assert len({a.source for a in items if a.copy_of is None}) >= 3, gold
        assert any(a.killed is not None or a.injured is not None for a in items), gold
    keys = [(items[0].type, items[0].country, items[0].occurred_on) for items in events.values()]
    assert len({k for k in keys if keys.count(k) > 1}) >= 2  # sibling pairs of both types
