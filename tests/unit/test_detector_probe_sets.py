"""The tune probe set (`tests/fixtures/probes/`, text written for this repository) as a regression
guard: its errors were read and fixed, so a rule change that brings false alerts or misses back
fails here. The floors sit just under today's figures. The first hold-out (w10-w11) has been read
since, so it is a guard too; the newest batches are measured, not asserted, and their check half
is never read (`tocsin eval --gold tests/fixtures/probes/probes_w22_23.jsonl --split check`)."""

from __future__ import annotations

import json
from pathlib import Path

from agents.core.evaluation import evaluate

PROBES = Path(__file__).resolve().parent.parent / "fixtures" / "probes"


def _report(name: str):  # type: ignore[no-untyped-def]
    lines = (PROBES / name).read_text(encoding="utf-8").splitlines()
    return evaluate([json.loads(line) for line in lines if line.strip()])


def test_tune_probes_keep_their_precision_and_recall() -> None:
    report = _report("probes_tune.jsonl")
    attempt = report.per_type["assassination_attempt"]
    protest = report.per_type["protest_violence"]
    assert report.items >= 300
    assert attempt.precision >= 0.94 and attempt.recall >= 0.85, attempt
    assert protest.precision >= 0.93 and protest.recall >= 0.94, protest
    assert report.false_alert_rate <= 0.05, (report.false_alerts, report.negatives)


def test_read_hold_out_probes_keep_their_precision_and_recall() -> None:
    report = _report("probes_holdout.jsonl")
    attempt = report.per_type["assassination_attempt"]
    protest = report.per_type["protest_violence"]
    assert report.items >= 100
    assert attempt.precision >= 0.95 and attempt.recall >= 0.88, attempt
    assert protest.precision >= 0.95 and protest.recall >= 0.95, protest
    assert report.false_alert_rate <= 0.03, (report.false_alerts, report.negatives)


def test_every_probe_is_labelled_with_known_types() -> None:
    for name in sorted(p.name for p in PROBES.glob("probes_*.jsonl")):
        for line in (PROBES / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert set(record["labels"]) <= {"assassination_attempt", "protest_violence"}, record["id"]
            assert record["text"].strip(), record["id"]
