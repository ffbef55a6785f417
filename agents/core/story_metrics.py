"""How well stories match real events: one alert per event, no merges, copies recognised.

Pure functions over rows the caller builds (no I/O, no clock): for every article of a gold file,
the gold event it reports, the story (alert) id the system gave that event, whether it alerted and
whether it recognised the article as a wire copy. `measure(rows)` returns a `StoryMetrics`;
`load_gold(lines)` parses the gold format (`tests/fixtures/stories_dev.jsonl`).

Conventions:
- A gold event is a non-null `gold` id. An article with `gold=None` is a negative: it must raise no
  alert. Each negative is its own group (two negatives put in one story are a wrong merge too).
- `alerts_per_event` is the mean, over all gold events, of the number of distinct story ids their
  articles got (1.0 is ideal); an event missed entirely counts 0 there and is counted in
  `events_missed`, so read the two together.
- B-cubed (Bagga and Baldwin 1998) is computed over the articles that got a story id, against the
  gold grouping restricted to those same articles; missed articles show in `events_missed` and
  `negatives_alerted`, not in B-cubed.
- `story_id` is the story the article ends in (after any merge); `opened` says the article's event
  opened a story, i.e. an `alert.created` went out. `created_per_event` counts those per gold event:
  a story later merged into another still cost its subscribers an alert.
- Final casualties: a gold event's main story (the one holding most of its articles) must end with
  the highest killed and injured any of its articles reports (gold `killed`/`injured`, null when an
  article does not say); only events with some gold toll are checked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from agents.core.models import EventType

__all__ = ["GoldArticle", "StoryMetrics", "StoryRow", "load_gold", "measure", "row_for"]

_NEGATIVE = "\x00negative:"


class GoldArticle(BaseModel):
    """One line of a stories gold file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    gold: str | None = Field(description="Gold event id; null for a negative that must raise no alert.")
    title: str
    text: str = Field(min_length=1)
    url: str
    source: str = Field(min_length=1, description="Outlet name.")
    published_at: AwareDatetime
    copy_of: str | None = Field(
        default=None, description="Id of the original when this is a word-for-word wire copy, else null."
    )
    type: EventType | None = Field(default=None, description="The gold event's type (null for negatives).")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 of the gold event.")
    occurred_on: date | None = Field(default=None, description="Local calendar day of the gold event.")
    killed: int | None = Field(default=None, ge=0, description="Killed the article reports (null: not said).")
    injured: int | None = Field(
        default=None, ge=0, description="Injured the article reports (null: not said)."
    )


class StoryRow(BaseModel):
    """What the system did with one gold article."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    gold: str | None
    story_id: str | None = Field(description="Story/alert id given to the article's event; None: no alert.")
    alerted: bool = False
    copy_of: str | None = None
    marked_copy: bool = False
    opened: bool = False
    gold_killed: int | None = None
    gold_injured: int | None = None
    story_killed: int | None = None  # the final story's tolls
    story_injured: int | None = None


class StoryMetrics(BaseModel):
    """Story-level scores of one run over a gold file."""

    articles: int
    gold_events: int
    stories: int = Field(description="Distinct story ids given to any article.")
    alerts_per_event: float | None = Field(description="Mean distinct story ids per gold event; 1.0 ideal.")
    created_per_event: float | None = Field(default=None, description="Mean alert.created per gold event.")
    split_events: int = Field(description="Gold events whose articles got more than one story id.")
    merged_stories: int = Field(description="Story ids whose articles come from more than one gold group.")
    bcubed_precision: float | None
    bcubed_recall: float | None
    bcubed_f1: float | None
    negatives: int
    negatives_alerted: int = Field(description="Negative articles that got a story id or alerted.")
    events_missed: int = Field(description="Gold events none of whose articles got a story id.")
    copies: int = Field(description="Articles that are wire copies (copy_of set).")
    copies_recognised: int = Field(description="Of those, how many the system marked as copies.")
    false_copies: int = Field(description="Articles marked as copies that are not copies.")
    casualties_checked: int = 0
    casualties_right: int = Field(default=0, description="Events whose main story ends at the highest toll.")

    def render(self) -> str:
        """A small Markdown table."""

        def num(value: float | None) -> str:
            return "n/a" if value is None else f"{value:.3f}"

        rows: Sequence[tuple[str, str]] = (
            ("articles", str(self.articles)),
            ("gold events", str(self.gold_events)),
            ("stories (distinct ids)", str(self.stories)),
            ("alerts per gold event (1.0 ideal)", num(self.alerts_per_event)),
            ("alert.created per gold event", num(self.created_per_event)),
            ("split gold events", str(self.split_events)),
            ("wrongly merged stories", str(self.merged_stories)),
            ("B-cubed precision", num(self.bcubed_precision)),
            ("B-cubed recall", num(self.bcubed_recall)),
            ("B-cubed F1", num(self.bcubed_f1)),
            ("negatives alerted", f"{self.negatives_alerted} / {self.negatives}"),
            ("gold events missed", f"{self.events_missed} / {self.gold_events}"),
            ("copies recognised", f"{self.copies_recognised} / {self.copies}"),
            ("false copies", str(self.false_copies)),
            ("final casualties = highest reported", f"{self.casualties_right} / {self.casualties_checked}"),
        )
        lines = ["| metric | value |", "| --- | ---: |"]
        lines += [f"| {name} | {value} |" for name, value in rows]
        return "\n".join(lines)


def row_for(
    article: GoldArticle,
    *,
    story_id: str | None,
    alerted: bool = False,
    marked_copy: bool = False,
    opened: bool = False,
    tolls: tuple[int | None, int | None] = (None, None),
) -> StoryRow:
    """The row for one gold article, given what the system did with it (`tolls`: its final story's
    killed and injured)."""
    return StoryRow(
        article_id=article.id,
        gold=article.gold,
        story_id=story_id,
        alerted=alerted,
        copy_of=article.copy_of,
        marked_copy=marked_copy,
        opened=opened,
        gold_killed=article.killed,
        gold_injured=article.injured,
        story_killed=tolls[0],
        story_injured=tolls[1],
    )


def _casualties(items: Sequence[StoryRow]) -> tuple[int, int]:
    by_event: dict[str, list[StoryRow]] = defaultdict(list)
    for r in items:
        if r.gold is not None:
            by_event[r.gold].append(r)
    checked = right = 0
    for rows in by_event.values():
        killed = max((r.gold_killed for r in rows if r.gold_killed is not None), default=None)
        injured = max((r.gold_injured for r in rows if r.gold_injured is not None), default=None)
        if killed is None and injured is None:
            continue
        checked += 1
        sizes: dict[str, int] = defaultdict(int)
        for r in rows:
            if r.story_id is not None:
                sizes[r.story_id] += 1
        if not sizes:
            continue
        main = min(sizes, key=lambda s: (-sizes[s], s))
        row = next(r for r in rows if r.story_id == main)
        right += (row.story_killed or 0, row.story_injured or 0) == (killed or 0, injured or 0)
    return checked, right


def _group(row: StoryRow) -> str:
    return row.gold if row.gold is not None else _NEGATIVE + row.article_id


def _bcubed(rows: Sequence[StoryRow]) -> tuple[float | None, float | None, float | None]:
    pairs = [(r.story_id, _group(r)) for r in rows if r.story_id is not None]
    if not pairs:
        return None, None, None
    by_story: dict[str, int] = defaultdict(int)
    by_group: dict[str, int] = defaultdict(int)
    by_pair: dict[tuple[str, str], int] = defaultdict(int)
    for story, group in pairs:
        by_story[story] += 1
        by_group[group] += 1
        by_pair[(story, group)] += 1
    precision = sum(by_pair[p] / by_story[p[0]] for p in pairs) / len(pairs)
    recall = sum(by_pair[p] / by_group[p[1]] for p in pairs) / len(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def measure(rows: Iterable[StoryRow]) -> StoryMetrics:
    """Score one run. Raises ValueError if an article id appears twice."""
    items = list(rows)
    seen: set[str] = set()
    for r in items:
        if r.article_id in seen:
            raise ValueError(f"duplicate article id {r.article_id!r}")
        seen.add(r.article_id)

    stories_of_event: dict[str, set[str]] = defaultdict(set)
    groups_of_story: dict[str, set[str]] = defaultdict(set)
    negatives = negatives_alerted = 0
    for r in items:
        if r.gold is not None:
            ids = stories_of_event[r.gold]  # every gold event is listed, even one that got no story
            if r.story_id is not None:
                ids.add(r.story_id)
        else:
            negatives += 1
            if r.story_id is not None or r.alerted:
                negatives_alerted += 1
        if r.story_id is not None:
            groups_of_story[r.story_id].add(_group(r))

    gold_events = len(stories_of_event)
    per_event = [len(ids) for ids in stories_of_event.values()]
    precision, recall, f1 = _bcubed(items)
    copies = [r for r in items if r.copy_of is not None]
    created: dict[str, int] = defaultdict(int)
    for r in items:
        if r.gold is not None:
            created[r.gold] += r.opened
    checked, right = _casualties(items)
    return StoryMetrics(
        articles=len(items),
        gold_events=gold_events,
        stories=len(groups_of_story),
        alerts_per_event=sum(per_event) / gold_events if gold_events else None,
        created_per_event=sum(created.values()) / gold_events if gold_events else None,
        split_events=sum(1 for n in per_event if n > 1),
        merged_stories=sum(1 for groups in groups_of_story.values() if len(groups) > 1),
        bcubed_precision=precision,
        bcubed_recall=recall,
        bcubed_f1=f1,
        negatives=negatives,
        negatives_alerted=negatives_alerted,
        events_missed=sum(1 for n in per_event if n == 0),
        copies=len(copies),
        copies_recognised=sum(1 for r in copies if r.marked_copy),
        false_copies=sum(1 for r in items if r.copy_of is None and r.marked_copy),
        casualties_checked=checked,
        casualties_right=right,
    )


def load_gold(lines: Iterable[str]) -> list[GoldArticle]:
    """Parse gold JSON lines (blank lines skipped). Raises ValueError, naming the line, on a malformed
    line, a duplicate id, or a `copy_of` that names no article of the file."""
    articles: list[GoldArticle] = []
    ids: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            article = GoldArticle.model_validate_json(line)
        except ValidationError as exc:
            raise ValueError(f"line {number}: {exc}") from exc
        if article.id in ids:
            raise ValueError(f"line {number}: duplicate id {article.id!r}")
        ids.add(article.id)
        articles.append(article)
    for article in articles:
        if article.copy_of is not None and article.copy_of not in ids:
            raise ValueError(f"{article.id}: copy_of {article.copy_of!r} names no article in the file")
    return articles
