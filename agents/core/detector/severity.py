"""Severity: a 0-100 score that ships with the factors that produced it.

score = base + sum(factor contributions), clamped to 0..100; when clamping or rounding changes
the total, an explicit `adjustment` factor records it so the factors always add up to the score.
Weights follow TAXONOMY.md: PLOVER-style type prior, GTI casualty weights (death 3, injury 0.5)
log-scaled, target prominence, weapon, place, outcome and escalation language.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from agents.core.detector.taxonomy import SeverityWeights
from agents.core.models import Casualties, Factor, Level, Outcome, Severity

BASE = 10.0
PROMINENCE = {"head": 50.0, "minister": 30.0, "senior": 24.0, "local": 14.0, "leader": 10.0, "activist": 10.0}
UNKNOWN_TARGET = 4.0
# The most dangerous weapon decides; explosives and live fire above crowd-control tools.
WEAPON_POINTS = {
    "drone": 8.0,
    "explosives": 8.0,
    "live ammunition": 6.0,
    "firearm": 5.0,
    "incendiary": 4.0,
    "vehicle": 4.0,
    "poison": 4.0,
    "knife": 3.0,
    "rubber bullets": 3.0,
    "tear gas": 2.0,
    "water cannon": 2.0,
    "batons": 2.0,
    "stones": 1.0,
}
OUTCOME_POINTS: dict[str, float] = {
    "killed": 12.0,
    "injured": 6.0,
    "unharmed": 2.0,
    "foiled": 0.0,
    "unknown": 3.0,
}
CAPITAL_POINTS = 4.0
DISTRICT_POINTS = 4.0
PLACE_CAP = 6.0
ESCALATION_POINTS = 5.0
ESCALATION = re.compile(
    r"\b(?:major escalation|dramatic escalation|unprecedented|mass(?:-| )casualt\w+|massacre"
    r"|state of emergency"
    r"|curfew|deadliest|worst violence|bloodiest)\b",
    re.IGNORECASE,
)
# Every ESCALATION match contains one of these (lower-case): the pattern is skipped without them.
_ESCALATION_WORDS = (
    *("escalation", "unprecedented", "casualt", "massacre", "emergency", "curfew", "deadliest"),
    *("worst violence", "bloodiest"),
)
GTI_DEATH, GTI_INJURY = 3.0, 0.5


@dataclass(frozen=True)
class SeverityInput:
    weights: SeverityWeights
    casualties: Casualties
    tier: str | None = None  # target prominence tier, assassinations only
    uses_target: bool = False
    weapons: tuple[str, ...] = ()
    capital: bool = False
    government_district: bool = False
    outcome: Outcome | None = None
    evidence_text: str = ""


def score(inp: SeverityInput) -> Severity:
    factors: list[Factor] = [Factor(name="event_type", value=None, contribution=inp.weights.prior)]
    killed = inp.casualties.killed or 0
    injured = inp.casualties.injured or 0
    weighted = GTI_DEATH * killed + GTI_INJURY * injured
    casualty_points = inp.weights.casualty_log_weight * math.log1p(weighted)
    if killed or injured:
        casualty_points += inp.weights.any_casualty_bonus
    if killed:
        casualty_points += inp.weights.death_bonus
    factors.append(
        Factor(name="casualties", value=f"killed={killed} injured={injured}", contribution=casualty_points)
    )
    if inp.uses_target:
        points = PROMINENCE.get(inp.tier or "", UNKNOWN_TARGET)
        factors.append(Factor(name="target_prominence", value=inp.tier or "unknown", contribution=points))
    if inp.weapons:
        top = max(inp.weapons, key=lambda w: WEAPON_POINTS.get(w, 0.0))
        factors.append(Factor(name="weapon", value=top, contribution=WEAPON_POINTS.get(top, 0.0)))
    place = (CAPITAL_POINTS if inp.capital else 0.0) + (DISTRICT_POINTS if inp.government_district else 0.0)
    if place:
        label = "government district" if inp.government_district else "capital city"
        factors.append(Factor(name="place", value=label, contribution=min(place, PLACE_CAP)))
    if inp.outcome is not None:
        factors.append(Factor(name="outcome", value=inp.outcome, contribution=OUTCOME_POINTS[inp.outcome]))
    lower = inp.evidence_text.lower()
    maybe = any(word in lower for word in _ESCALATION_WORDS) or len(lower) != len(inp.evidence_text)
    escalation = ESCALATION.search(inp.evidence_text) if maybe else None
    if escalation:
        factors.append(
            Factor(name="escalation", value=escalation.group(0).lower(), contribution=ESCALATION_POINTS)
        )
    for f in factors:  # fresh models built above: rounding in place needs no copies
        f.contribution = round(f.contribution, 1)
    raw = BASE + sum(f.contribution for f in factors)
    final = int(min(100, max(0, round(raw))))
    adjustment = round(final - raw, 1)
    if adjustment:
        factors.append(Factor(name="adjustment", value="clamp/rounding", contribution=adjustment))
    factors.insert(0, Factor(name="base", value=None, contribution=BASE))
    return Severity(score=final, level=Level.for_score(final), factors=factors)
