"""What the live page shows of an alert: the alert, its revisions so far, and where the trigger
words sit in each evidence sentence (the page marks them; it never parses HTML out of data)."""

from __future__ import annotations

import re
from typing import Any

from agents.core.models import Alert

# Words that make a sentence evidence of an attack or of violence at a protest: highlighted, not
# used for detection (the detector's own cues are in agents/core/detector/taxonomy.py).
TRIGGERS = re.compile(
    r"\b(?:assassinat\w*|attack\w*|ambush\w*|gunm[ae]n|gunfire|gunshots?|shot|shooting|shoot\w*"
    r"|opened fire|fired|stabb\w*|bomb\w*|explosi\w*|explod\w*|grenades?|drones?|rockets?"
    r"|killed|kills?|dead|died|wounded|injur\w*|hurt|unharmed|survived|escaped"
    r"|tear ?gas|live ammunition|rubber bullets|water cannons?|batons?|clash\w*|riot\w*"
    r"|protest\w*|demonstrat\w*|crackdown|storm\w*)\b",
    re.IGNORECASE,
)

MAX_REVISIONS = 50


def trigger_spans(sentence: str) -> list[tuple[int, int]]:
    """[start, end) character offsets of trigger words, in order, non-overlapping."""
    return [m.span() for m in TRIGGERS.finditer(sentence)]


def revision_summary(alert: Alert) -> dict[str, Any]:
    return {
        "revision": alert.revision,
        "reason": alert.reason.value,
        "level": alert.severity.level.value,
        "score": alert.severity.score,
        "killed": alert.casualties.killed,
        "injured": alert.casualties.injured,
        "sources": alert.sources.count,
        "detected_at": alert.detected_at.isoformat(),
    }


def live_entry(alert: Alert, previous: dict[str, Any] | None) -> dict[str, Any] | None:
    """The page's entry for this alert, folding in the revisions seen before; None when `alert`
    is older than what the page already shows (a replayed or out-of-order revision)."""
    revisions = list(previous["revisions"]) if previous else []
    if any(r["revision"] >= alert.revision for r in revisions):
        if any(r["revision"] == alert.revision for r in revisions):
            return None
        # An earlier revision arriving late: list it, keep showing the latest.
        revisions.append(revision_summary(alert))
        revisions.sort(key=lambda r: r["revision"])
        return {**previous, "revisions": revisions[-MAX_REVISIONS:]} if previous else None
    revisions.append(revision_summary(alert))
    return {
        "id": alert.id,
        "alert": alert.model_dump(mode="json"),
        "evidence": [{"text": s, "marks": trigger_spans(s)} for s in alert.evidence],
        "revisions": revisions[-MAX_REVISIONS:],
    }
