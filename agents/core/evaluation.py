"""Scoring the detector against labelled articles (pure functions; the CLI only does I/O).

Two gold formats are read alike:
- `corpus/dev.jsonl`: `labels` holds one of assassination_attempt, protest_violence,
  peaceful_protest, other_violence, unrelated (the last three: no event);
- `corpus/dev_longform.jsonl`: `labels` is a list of event types that may be empty or hold both;
  `peaceful_protest` marks a peaceful protest and counts as neither.
`casualties` is {killed, injured} (of the labelled event) or null. A gold killed count of 0 is
matched by a predicted 0 or by no count at all (ACLED codes "no reported deaths" as 0).

`split_of(id)` puts every item in a fixed half, `tune` or `check`, by a hash of its id: tune the
rules on one half, report the other.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from agents.core.detector import detect, taxonomy

NEGATIVE_LABELS = ("peaceful_protest", "other_violence", "unrelated", "none")


def event_types() -> tuple[str, ...]:
    """The types the taxonomy's spec list defines, read when scoring (a new spec is a new label)."""
    return tuple(spec.type for spec in taxonomy.EVENT_SPECS)


def gold_labels() -> tuple[str, ...]:
    return (*event_types(), "both", *NEGATIVE_LABELS)


def predicted_sets() -> tuple[str, ...]:
    """Columns of the confusion table: no event, each type alone, more than one type ("both")."""
    return ("none", *event_types(), "both")


EXCERPT_CHARS = 160
SPLITS = ("tune", "check")
LENGTH_BUCKETS = ((1000, "<1KB"), (3000, "1-3KB"), (None, ">3KB"))


def classify_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """One corpus record in, its detections out: {"id", "events": [Event as JSON dict]}."""
    events = detect(record.get("title"), str(record.get("text") or ""), _published(record))
    return {"id": record["id"], "events": [event.model_dump(mode="json") for event in events]}


def _published(record: Mapping[str, Any]) -> datetime | None:
    """The record's `published_at` (ISO 8601), if it has a readable one: it dates "on Tuesday"."""
    value = record.get("published_at")
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def split_of(item_id: object) -> str:
    """The fixed half an item belongs to: `tune` or `check` (~50/50, by a hash of its id)."""
    digest = hashlib.sha256(str(item_id).encode("utf-8")).digest()
    return SPLITS[digest[0] & 1]


def gold_types(record: Mapping[str, Any]) -> frozenset[str]:
    """The event types a gold record expects (empty for every kind of negative)."""
    return frozenset(str(label) for label in record.get("labels") or () if str(label) in event_types())


def gold_label(record: Mapping[str, Any]) -> str:
    """One label for the confusion table: the type, "both", or the kind of negative ("none" if unsaid)."""
    labels = [str(label) for label in record.get("labels") or ()]
    types = gold_types(record)
    if len(types) > 1:
        return "both"
    if types:
        return next(iter(types))
    return labels[0] if labels else "none"


def source_of(record: Mapping[str, Any]) -> str:
    item_id = str(record.get("id") or "")
    return item_id.split(":", 1)[0] if ":" in item_id else str(record.get("source_dataset") or "?")[:20]


def length_bucket(text: str) -> str:
    size = len(text.encode("utf-8"))
    for limit, name in LENGTH_BUCKETS:
        if limit is None or size < limit:
            return name
    return LENGTH_BUCKETS[-1][1]


@dataclass(frozen=True)
class TypeScore:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class ErrorCase:
    id: str
    kind: str  # "miss" | "false alert" | "extra type" | "killed" (count differs from the gold)
    gold: str
    predicted: tuple[str, ...]
    excerpt: str
    evidence: tuple[str, ...] = ()  # the decisive sentences of the wrong or missing-type events


@dataclass(frozen=True)
class GroupScore:
    """Figures for one slice of the items (a source, a length bucket)."""

    items: int
    per_type: dict[str, TypeScore]
    false_alerts: int
    negatives: int

    @property
    def false_alert_rate(self) -> float:
        return self.false_alerts / self.negatives if self.negatives else 0.0

    def summary(self) -> str:
        parts = [f"n={self.items:<4}"]
        for name, s in self.per_type.items():
            short = "".join(w[0] for w in name.split("_"))
            if s.tp + s.fp + s.fn == 0:
                parts.append(f"{short} P/R -/- (0/0/0)")
                continue
            parts.append(f"{short} P/R {s.precision:.2f}/{s.recall:.2f} ({s.tp}/{s.fp}/{s.fn})")
        parts.append(f"false alerts {self.false_alerts}/{self.negatives}")
        return "  ".join(parts)


@dataclass
class EvalReport:
    items: int
    per_type: dict[str, TypeScore]
    false_alerts: int
    negatives: int
    confusion: dict[str, dict[str, int]]
    killed_matches: int
    killed_total: int
    spearman: float | None
    spearman_n: int
    errors: list[ErrorCase] = field(default_factory=list)
    by_source: dict[str, GroupScore] = field(default_factory=dict)
    by_length: dict[str, GroupScore] = field(default_factory=dict)
    split: str | None = None

    @property
    def false_alert_rate(self) -> float:
        return self.false_alerts / self.negatives if self.negatives else 0.0

    @property
    def killed_exact(self) -> float | None:
        return self.killed_matches / self.killed_total if self.killed_total else None

    def _rows(self) -> list[tuple[str, str]]:
        rows = []
        for name, s in self.per_type.items():
            rows.append(
                (
                    f"{name} P/R/F1",
                    f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f} (tp={s.tp} fp={s.fp} fn={s.fn})",
                )
            )
        rows.append(
            ("false-alert rate", f"{self.false_alert_rate:.3f} ({self.false_alerts}/{self.negatives})")
        )
        exact = "n/a" if self.killed_exact is None else f"{self.killed_exact:.3f}"
        rows.append(("killed exact match", f"{exact} ({self.killed_matches}/{self.killed_total})"))
        rho = "n/a" if self.spearman is None else f"{self.spearman:.3f}"
        rows.append(("severity Spearman", f"{rho} (n={self.spearman_n})"))
        return rows

    def _labels(self) -> list[str]:
        known = dict.fromkeys((*gold_labels(), *self.confusion))
        return [g for g in known if any(self.confusion.get(g, {}).values())]

    def _groups(self) -> list[tuple[str, dict[str, GroupScore]]]:
        return [("by source", self.by_source), ("by length", self.by_length)]

    def to_text(self) -> str:
        head = f"items: {self.items}" + (f" (split: {self.split})" if self.split else "")
        lines = [head] + [f"{k:<36} {v}" for k, v in self._rows()]
        lines.append("")
        lines.append("confusion (gold x predicted): " + " ".join(f"{p:>22}" for p in predicted_sets()))
        for gold in self._labels():
            row = self.confusion.get(gold, {})
            lines.append(f"{gold:<29} " + " ".join(f"{row.get(p, 0):>22}" for p in predicted_sets()))
        for title, groups in self._groups():
            if groups:
                lines.append("")
                lines.append(f"{title}:")
                lines += [f"  {name:<12} {g.summary()}" for name, g in groups.items()]
        table = self.error_table()
        if table:
            lines.append("")
            lines.append("errors by kind and gold label:")
            lines += [f"  {kind:<12} {gold:<24} {n}" for (kind, gold), n in table.items()]
        return "\n".join(lines)

    def error_table(self) -> dict[tuple[str, str], int]:
        """How many errors of each kind (miss, false alert, extra type, killed) per gold label."""
        table: dict[tuple[str, str], int] = {}
        for e in self.errors:
            key = (e.kind, e.gold.split(" ")[0])
            table[key] = table.get(key, 0) + 1
        return dict(sorted(table.items()))

    def to_markdown(self) -> str:
        head = f"Items: {self.items}" + (f" (split: {self.split})" if self.split else "")
        lines = [head, "", "| metric | value |", "| --- | --- |"]
        lines += [f"| {k} | {v} |" for k, v in self._rows()]
        lines += ["", "| gold \\ predicted | " + " | ".join(predicted_sets()) + " |"]
        lines.append("| --- " * (len(predicted_sets()) + 1) + "|")
        for gold in self._labels():
            row = self.confusion.get(gold, {})
            lines.append(f"| {gold} | " + " | ".join(str(row.get(p, 0)) for p in predicted_sets()) + " |")
        for title, groups in self._groups():
            if groups:
                lines += ["", f"| {title} | figures |", "| --- | --- |"]
                lines += [f"| {name} | {g.summary()} |" for name, g in groups.items()]
        return "\n".join(lines)

    def errors_text(self) -> str:
        out = []
        for e in self.errors:
            out.append(
                f"{e.kind:<11} {e.id:<24} gold={e.gold:<22} "
                f"predicted={','.join(e.predicted) or 'none':<40} {e.excerpt}"
            )
            out += [f"    > {sentence[:240]}" for sentence in e.evidence]
        return "\n".join(out)


def _average_ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1  # ties share the mean of their ranks
        i = j + 1
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman's rho with average ranks for ties (Pearson correlation of the ranks)."""
    if len(xs) != len(ys) or len(xs) < 2:
        return None
    rx, ry = _average_ranks(xs), _average_ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    return cov / (vx * vy) ** 0.5 if vx and vy else None


def _predicted_set(types: set[str]) -> str:
    found = [name for name in event_types() if name in types]
    if len(found) > 1:
        return "both"
    return found[0] if found else "none"


class _Tally:
    def __init__(self) -> None:
        self.items = self.negatives = self.false_alerts = 0
        self.types = event_types()
        self.counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in self.types}

    def add(self, expected: frozenset[str], types: set[str]) -> None:
        self.items += 1
        for t in self.types:
            if t in types and t in expected:
                self.counts[t]["tp"] += 1
            elif t in types:
                self.counts[t]["fp"] += 1
            elif t in expected:
                self.counts[t]["fn"] += 1
        if not expected:
            self.negatives += 1
            if types & set(event_types()):
                self.false_alerts += 1

    def score(self) -> GroupScore:
        return GroupScore(
            items=self.items,
            per_type={t: TypeScore(**c) for t, c in self.counts.items()},
            false_alerts=self.false_alerts,
            negatives=self.negatives,
        )


def evaluate(
    gold: Iterable[Mapping[str, Any]],
    predictions: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    *,
    split: str | None = None,
) -> EvalReport:
    """Score detections against gold records; `predictions` maps id -> event dicts (else detect runs).

    `split` ("tune" or "check") keeps only the items of that half (`split_of`)."""
    if split is not None and split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    total = _Tally()
    by_source: dict[str, _Tally] = {}
    by_length: dict[str, _Tally] = {name: _Tally() for _, name in LENGTH_BUCKETS}
    confusion: dict[str, dict[str, int]] = {g: dict.fromkeys(predicted_sets(), 0) for g in gold_labels()}
    errors: list[ErrorCase] = []
    killed_matches = killed_total = 0
    sev: list[float] = []
    harm: list[float] = []
    for record in gold:
        if split is not None and split_of(record["id"]) != split:
            continue
        expected = gold_types(record)
        label = gold_label(record)
        events = predictions[record["id"]] if predictions is not None else classify_record(record)["events"]
        types = {str(e["type"]) for e in events}
        text = str(record.get("text") or "")
        total.add(expected, types)
        by_source.setdefault(source_of(record), _Tally()).add(expected, types)
        by_length[length_bucket(text)].add(expected, types)
        confusion.setdefault(label, dict.fromkeys(predicted_sets(), 0))[_predicted_set(types)] += 1
        excerpt = " ".join(text.split())[:EXCERPT_CHARS]
        predicted = tuple(sorted(types))

        def evidence_of(wrong: set[str], events: Sequence[Mapping[str, Any]] = events) -> tuple[str, ...]:
            return tuple(str(s) for e in events if e["type"] in wrong for s in (e.get("evidence") or ())[:3])

        if not expected:
            if types & set(event_types()):
                errors.append(
                    ErrorCase(str(record["id"]), "false alert", label, predicted, excerpt, evidence_of(types))
                )
        elif expected - types:
            errors.append(ErrorCase(str(record["id"]), "miss", label, predicted, excerpt))
        elif types - expected:
            extra = types - expected
            errors.append(
                ErrorCase(str(record["id"]), "extra type", label, predicted, excerpt, evidence_of(extra))
            )
        gold_cas = record.get("casualties") or None
        main = next((str(t) for t in record.get("labels") or () if str(t) in expected), None)
        match = next((e for e in events if e["type"] == main), None)
        if gold_cas and match is not None and gold_cas.get("killed") is not None:
            killed_total += 1
            predicted_killed = (match.get("casualties") or {}).get("killed")
            if predicted_killed == gold_cas["killed"] or (
                gold_cas["killed"] == 0 and predicted_killed is None
            ):
                killed_matches += 1
            else:
                errors.append(
                    ErrorCase(
                        str(record["id"]),
                        "killed",
                        f"{main} killed={gold_cas['killed']}",
                        (f"killed={predicted_killed}",),
                        excerpt,
                    )
                )
            sev.append(float(match["severity"]["score"]))
            harm.append(float(gold_cas["killed"]) + 0.5 * float(gold_cas.get("injured") or 0))
    overall = total.score()
    return EvalReport(
        items=overall.items,
        per_type=overall.per_type,
        false_alerts=overall.false_alerts,
        negatives=overall.negatives,
        confusion=confusion,
        killed_matches=killed_matches,
        killed_total=killed_total,
        spearman=spearman(sev, harm),
        spearman_n=len(sev),
        errors=errors,
        by_source={name: t.score() for name, t in sorted(by_source.items())},
        by_length={name: t.score() for name, t in by_length.items() if t.items},
        split=split,
    )
