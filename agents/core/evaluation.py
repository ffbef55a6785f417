"""Scoring the detector against labelled articles (pure functions; the CLI only does I/O).

Gold lines follow `corpus/dev.jsonl`: `labels` holds one of assassination_attempt,
protest_violence, peaceful_protest, other_violence, unrelated; `casualties` is
{killed, injured} or null. A gold killed count of 0 is matched by a predicted 0 or by no count
at all (ACLED codes "no reported deaths" as 0).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from agents.core.detector import detect

EVENT_TYPES = ("assassination_attempt", "protest_violence")
NEGATIVE_LABELS = ("unrelated", "peaceful_protest", "other_violence")
GOLD_LABELS = ("assassination_attempt", "protest_violence", "peaceful_protest", "other_violence", "unrelated")
PREDICTED_SETS = ("none", "assassination_attempt", "protest_violence", "both")
EXCERPT_CHARS = 160


def classify_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """One corpus record in, its detections out: {"id", "events": [Event as JSON dict]}."""
    events = detect(record.get("title"), str(record.get("text") or ""))
    return {"id": record["id"], "events": [event.model_dump(mode="json") for event in events]}


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

    def to_text(self) -> str:
        lines = [f"items: {self.items}"] + [f"{k:<36} {v}" for k, v in self._rows()]
        lines.append("")
        lines.append("confusion (gold x predicted): " + " ".join(f"{p:>22}" for p in PREDICTED_SETS))
        for gold in GOLD_LABELS:
            row = self.confusion.get(gold, {})
            lines.append(f"{gold:<29} " + " ".join(f"{row.get(p, 0):>22}" for p in PREDICTED_SETS))
        return "\n".join(lines)

    def to_markdown(self) -> str:
        lines = [f"Items: {self.items}", "", "| metric | value |", "| --- | --- |"]
        lines += [f"| {k} | {v} |" for k, v in self._rows()]
        lines += ["", "| gold \\ predicted | " + " | ".join(PREDICTED_SETS) + " |"]
        lines.append("| --- " * (len(PREDICTED_SETS) + 1) + "|")
        for gold in GOLD_LABELS:
            row = self.confusion.get(gold, {})
            lines.append(f"| {gold} | " + " | ".join(str(row.get(p, 0)) for p in PREDICTED_SETS) + " |")
        return "\n".join(lines)

    def errors_text(self) -> str:
        return "\n".join(
            f"{e.kind:<11} {e.id:<24} gold={e.gold:<22} "
            f"predicted={','.join(e.predicted) or 'none':<40} {e.excerpt}"
            for e in self.errors
        )


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
    if {"assassination_attempt", "protest_violence"} <= types:
        return "both"
    for name in EVENT_TYPES:
        if name in types:
            return name
    return "none"


def evaluate(
    gold: Iterable[Mapping[str, Any]], predictions: Mapping[str, Sequence[Mapping[str, Any]]] | None = None
) -> EvalReport:
    """Score detections against gold records; `predictions` maps id -> event dicts (else detect runs)."""
    counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in EVENT_TYPES}
    confusion: dict[str, dict[str, int]] = {g: dict.fromkeys(PREDICTED_SETS, 0) for g in GOLD_LABELS}
    errors: list[ErrorCase] = []
    items = negatives = false_alerts = killed_matches = killed_total = 0
    sev: list[float] = []
    harm: list[float] = []
    for record in gold:
        items += 1
        label = str(record["labels"][0])
        events = predictions[record["id"]] if predictions is not None else classify_record(record)["events"]
        types = {str(e["type"]) for e in events}
        for t in EVENT_TYPES:
            if t in types and label == t:
                counts[t]["tp"] += 1
            elif t in types:
                counts[t]["fp"] += 1
            elif label == t:
                counts[t]["fn"] += 1
        confusion.setdefault(label, dict.fromkeys(PREDICTED_SETS, 0))[_predicted_set(types)] += 1
        excerpt = " ".join(str(record.get("text") or "").split())[:EXCERPT_CHARS]
        if label in NEGATIVE_LABELS:
            negatives += 1
            if types & set(EVENT_TYPES):
                false_alerts += 1
                errors.append(
                    ErrorCase(str(record["id"]), "false alert", label, tuple(sorted(types)), excerpt)
                )
        elif label in EVENT_TYPES and label not in types:
            errors.append(ErrorCase(str(record["id"]), "miss", label, tuple(sorted(types)), excerpt))
        elif label in EVENT_TYPES and types - {label}:
            errors.append(ErrorCase(str(record["id"]), "extra type", label, tuple(sorted(types)), excerpt))
        gold_cas = record.get("casualties") or None
        match = next((e for e in events if e["type"] == label), None)
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
                        f"{label} killed={gold_cas['killed']}",
                        (f"killed={predicted_killed}",),
                        excerpt,
                    )
                )
            sev.append(float(match["severity"]["score"]))
            harm.append(float(gold_cas["killed"]) + 0.5 * float(gold_cas.get("injured") or 0))
    return EvalReport(
        items=items,
        per_type={t: TypeScore(**c) for t, c in counts.items()},
        false_alerts=false_alerts,
        negatives=negatives,
        confusion=confusion,
        killed_matches=killed_matches,
        killed_total=killed_total,
        spearman=spearman(sev, harm),
        spearman_n=len(sev),
        errors=errors,
    )
