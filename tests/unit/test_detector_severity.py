from __future__ import annotations

import pytest

from agents.core.detector import detect
from agents.core.detector.severity import SeverityInput, score
from agents.core.detector.taxonomy import ASSASSINATION, PROTEST_VIOLENCE
from agents.core.models import Casualties, Level


@pytest.mark.parametrize("spec", [ASSASSINATION, PROTEST_VIOLENCE])
def test_severity_is_monotonic_in_casualties(spec: object) -> None:
    weights = ASSASSINATION.severity if spec is ASSASSINATION else PROTEST_VIOLENCE.severity
    previous = -1
    for killed, injured in [(0, 0), (0, 1), (0, 5), (1, 5), (3, 10), (10, 40), (50, 200)]:
        sev = score(SeverityInput(weights=weights, casualties=Casualties(killed=killed, injured=injured)))
        assert sev.score >= previous
        previous = sev.score
    assert previous > 60


def test_factors_sum_to_score() -> None:
    for inp in [
        SeverityInput(
            weights=PROTEST_VIOLENCE.severity,
            casualties=Casualties(killed=2, injured=9),
            weapons=("tear gas", "live ammunition"),
            capital=True,
        ),
        SeverityInput(
            weights=ASSASSINATION.severity,
            casualties=Casualties(killed=0, injured=7),
            tier="head",
            uses_target=True,
            weapons=("drone",),
            government_district=True,
            outcome="unharmed",
            evidence_text="a major escalation",
        ),
    ]:
        sev = score(inp)
        assert sum(f.contribution for f in sev.factors) == pytest.approx(sev.score, abs=1e-6)
        assert sev.level == Level.for_score(sev.score)


def test_prominence_orders_targets() -> None:
    def attempt(tier: str) -> int:
        return score(
            SeverityInput(
                weights=ASSASSINATION.severity,
                casualties=Casualties(killed=0),
                tier=tier,
                uses_target=True,
                outcome="unharmed",
            )
        ).score

    assert attempt("head") > attempt("minister") > attempt("senior") > attempt("local") >= attempt("activist")
    assert Level.for_score(attempt("head")) == Level.CRITICAL


def test_outcome_killed_scores_above_unharmed() -> None:
    base = {"weights": ASSASSINATION.severity, "tier": "local", "uses_target": True}
    killed = score(SeverityInput(casualties=Casualties(killed=1), outcome="killed", **base))  # type: ignore[arg-type]
    unharmed = score(SeverityInput(casualties=Casualties(killed=0), outcome="unharmed", **base))  # type: ignore[arg-type]
    foiled = score(SeverityInput(casualties=Casualties(killed=0), outcome="foiled", **base))  # type: ignore[arg-type]
    assert killed.score > unharmed.score > foiled.score


def test_detected_event_factors_sum() -> None:
    events = detect(
        None, "Police fired tear gas and rubber bullets at protesters in Nairobi; 5 were injured."
    )
    assert events
    for event in events:
        assert sum(f.contribution for f in event.severity.factors) == pytest.approx(event.severity.score)
