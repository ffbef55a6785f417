"""Why an article raised the events it did: every candidate mention, its checks and the verdicts.

`explain(title, text)` runs the same stages as `detect` and reports, per event type, each sentence
that could mention an event (it holds a strong cue or the type's first cue), what the checks said
(bound in one clause, vetoed and by what, dated but narrated), and the document stage's verdict on
each candidate (kept or dropped, salience, reason). `explain_text` renders it for a terminal.
"""

from __future__ import annotations

from typing import Any

import agents.core.detector.taxonomy as taxonomy
from agents.core.detector.rules import (
    EARLIER_DAYS,
    Analysis,
    _owner_of_object,
    _pair_ok,
    analyse,
    blocked,
    bound_at,
    group_at,
    led_by_background,
    narrated_at,
)
from agents.core.detector.salience import decide
from agents.core.detector.taxonomy import PATTERN_NAMES, EventSpec
from agents.core.detector.text import build_document

EXCERPT = 160


def _vetoes(analysis: Analysis, patterns: tuple[str, ...], index: int) -> list[str]:
    return sorted({PATTERN_NAMES.get(p, "veto") for p in patterns if analysis.blocked_at((p,), index)})


def _mention(analysis: Analysis, spec: EventSpec, index: int) -> dict[str, Any] | None:
    strong = analysis.any_at(spec.strong, index)
    first = bool(spec.groups) and group_at(analysis, spec.groups[0], index)
    if not strong and not first:
        return None
    groups = []
    for group in spec.groups[1:]:
        here = group_at(analysis, group, index)
        groups.append(here and bound_at(analysis, spec, group, index))
    vetoes = _vetoes(analysis, spec.blockers + spec.mention_blockers, index)
    if spec.leading_background and led_by_background(analysis, spec, index):
        vetoes.append("background clause (every trigger follows 'after', 'since', 'vigil for' ...)")
    relative = _vetoes(analysis, spec.relative_past, index)
    if relative and analysis.is_news():
        vetoes += [f"{name} in a news report" for name in relative]
    if analysis.earlier_year_at(index):
        vetoes.append("dated by a year the news report's lead does not name")
    if analysis.earlier_day_at(index):
        vetoes.append(f"dated more than {EARLIER_DAYS} days before the dateline's day")
    dated = _vetoes(analysis, spec.dated, index) + ([] if analysis.is_news() else relative)
    narrated = bool(dated) and narrated_at(analysis, spec, index)
    if blocked(analysis, spec, index):
        status = "vetoed: " + ", ".join(vetoes or dated)
    elif strong:
        status = "strong cue"
    elif all(groups):
        status = "bound in one clause"
    else:
        last = len(analysis.doc.sentences) - 1
        near = [
            j
            for j in range(max(0, index - spec.window), min(last, index + spec.window) + 1)
            if j != index
            and all(group_at(analysis, g, j) for g in spec.groups[1:])
            and not blocked(analysis, spec, j)
            and _pair_ok(analysis, spec, index, j)
        ]
        owner = (
            _owner_of_object(analysis, spec, spec.groups[1], index, last, frozenset())
            if not near and spec.needs_target and len(spec.groups) > 1
            else None
        )
        status = (
            f"paired with sentence {near[0]}"
            if near
            else f"its target named later by the same noun (sentence {owner})"
            if owner is not None
            else "unbound: no target/force cue bound to it here or in a neighbouring sentence"
        )
    return {
        "sentence": index,
        "text": analysis.doc.sentences[index][:EXCERPT],
        "status": status,
        "dated_but_narrated": narrated,
    }


def explain(title: str | None, text: str) -> dict[str, Any]:
    doc = build_document(title, text)
    if not doc.sentences:
        return {"sentences": 0, "types": {}}
    analysis = analyse(doc)
    _, verdicts = decide(analysis)
    by_type = {v.candidate.spec.type: v for v in verdicts}
    types: dict[str, Any] = {}
    for spec in taxonomy.EVENT_SPECS:
        mentions = [m for i in sorted(analysis.anchors) if (m := _mention(analysis, spec, i)) is not None]
        verdict = by_type.get(spec.type)
        types[spec.type] = {
            "mentions": mentions,
            "verdict": None
            if verdict is None
            else {
                "kept": verdict.kept,
                "salience": verdict.salience,
                "reason": verdict.reason,
                "evidence": verdict.candidate.evidence,
            },
        }
    return {"sentences": len(doc.sentences), "types": types}


def explain_text(report: dict[str, Any]) -> str:
    lines = [f"sentences: {report['sentences']}"]
    for name, info in report["types"].items():
        verdict = info["verdict"]
        if verdict is None:
            head = "no candidate"
        else:
            head = (
                f"{'KEPT' if verdict['kept'] else 'DROPPED'} ({verdict['salience']}): {verdict['reason']};"
                f" evidence sentences {verdict['evidence']}"
            )
        lines.append(f"{name}: {head}")
        evidence = set(verdict["evidence"]) if verdict is not None and verdict["kept"] else set()
        for m in info["mentions"]:
            extra = " (dated, but narrates the event)" if m["dated_but_narrated"] else ""
            if m["sentence"] in evidence and m["status"].startswith("unbound"):
                extra += " (evidence as a continuation of the event)"
            lines.append(f"  [{m['sentence']}] {m['status']}{extra}: {m['text']}")
        if not info["mentions"]:
            lines.append("  no sentence holds a cue of this type")
    return "\n".join(lines)
