"""The tune probe set (`tests/fixtures/probes/`, text written for this repository) as a regression
guard: its errors were read and fixed, so a rule change that brings false alerts or misses back
fails here. The floors sit just under today's figures. The first hold-out (w10-w11) has been read
since, so it is a guard too; the newest batches are measured, not asserted, and their check half
is never read (`tocsin eval --gold tests/fixtures/probes/probes_w22_23.jsonl --split check`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agents.core.evaluation import evaluate

PROBES = Path(__file__).resolve().parent.parent / "fixtures" / "probes"


def _report(name: str):  # type: ignore[no-untyped-def]
    lines = (PROBES / name).read_text(encoding="utf-8").splitlines()
    return evaluate([json.loads(line) for line in lines if line.strip()])


# file, least items, attempt P / R, protest P / R, most false alerts: the sets whose errors were read
READ_SETS = [
    ("probes_tune.jsonl", 300, 0.94, 0.85, 0.93, 0.94, 0.05),
    ("probes_holdout.jsonl", 100, 0.95, 0.88, 0.95, 0.95, 0.03),
]


@pytest.mark.parametrize(("name", "items", "aa_p", "aa_r", "pv_p", "pv_r", "false_alerts"), READ_SETS)
def test_read_probe_sets_keep_their_precision_and_recall(
    name: str, items: int, aa_p: float, aa_r: float, pv_p: float, pv_r: float, false_alerts: float
) -> None:
    report = _report(name)
    attempt = report.per_type["assassination_attempt"]
    protest = report.per_type["protest_violence"]
    assert report.items >= items
    assert attempt.precision >= aa_p and attempt.recall >= aa_r, attempt
    assert protest.precision >= pv_p and protest.recall >= pv_r, protest
    assert report.false_alert_rate <= false_alerts, (report.false_alerts, report.negatives)


def test_every_probe_is_labelled_with_known_types() -> None:
    for name in sorted(p.name for p in PROBES.glob("probes_*.jsonl")):
        for line in (PROBES / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert set(record["labels"]) <= {"assassination_attempt", "protest_violence"}, record["id"]
            assert record["text"].strip(), record["id"]
