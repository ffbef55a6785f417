from __future__ import annotations

import pytest

from agents.core.evaluation import classify_record, evaluate, spearman


def test_classify_record_contract() -> None:
    out = classify_record(
        {
            "id": "x1",
            "title": None,
            "text": "Police fired tear gas at protesters outside the ministry; two demonstrators were hurt.",
        }
    )
    assert out["id"] == "x1"
    event = out["events"][0]
    assert event["type"] == "protest_violence"
    for key in ("type", "confidence", "severity", "casualties", "evidence"):
        assert key in event
    assert set(event["severity"]) >= {"score", "level", "factors"}
    assert event["casualties"] == {"killed": None, "injured": 2}


def test_spearman_with_ties() -> None:
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    # Ties get average ranks: x ranks 1, 2.5, 2.5, 4.
    assert spearman([1, 2, 2, 3], [1, 2, 3, 4]) == pytest.approx(0.9486833, rel=1e-6)
    assert spearman([1], [1]) is None


def _gold(i: str, label: str, killed: int | None = None) -> dict[str, object]:
    cas = None if killed is None else {"killed": killed, "injured": None}
    return {"id": i, "text": f"text {i}", "labels": [label], "casualties": cas}


def _event(kind: str, killed: int | None, score: int) -> dict[str, object]:
    return {"type": kind, "casualties": {"killed": killed, "injured": None}, "severity": {"score": score}}


def test_evaluate_with_predictions() -> None:
    gold = [
        _gold("a", "assassination_attempt", 1),
        _gold("b", "assassination_attempt", 3),
        _gold("c", "protest_violence", 0),
        _gold("d", "unrelated"),
        _gold("e", "peaceful_protest"),
        _gold("f", "protest_violence"),
    ]
    predictions = {
        "a": [_event("assassination_attempt", 1, 50)],
        "b": [_event("assassination_attempt", 2, 70)],
        "c": [_event("protest_violence", None, 30)],
        "d": [],
        "e": [_event("protest_violence", None, 30)],
        "f": [],
    }
    report = evaluate(gold, predictions=predictions)
    aa, pv = report.per_type["assassination_attempt"], report.per_type["protest_violence"]
    assert (aa.tp, aa.fp, aa.fn) == (2, 0, 0)
    assert (pv.tp, pv.fp, pv.fn) == (1, 1, 1)
    assert report.false_alerts == 1 and report.negatives == 2
    assert report.killed_total == 3 and report.killed_matches == 2  # None matches a gold 0
    assert report.confusion["peaceful_protest"]["protest_violence"] == 1
    assert {e.id for e in report.errors if e.kind != "killed"} == {"e", "f"}
    assert {e.id for e in report.errors if e.kind == "killed"} == {"b"}
    assert "false-alert rate" in report.to_text()
    assert report.to_markdown().count("|") > 10
    assert "miss" in report.errors_text()


def test_errors_list_killed_counts_that_differ_from_the_gold() -> None:
    from agents.core.evaluation import evaluate

    gold = [
        {
            "id": "k1",
            "labels": ["assassination_attempt"],
            "casualties": {"killed": 3, "injured": None},
            "text": "Gunmen shot dead the mayor of a border town and two of his guards.",
        }
    ]
    event = {"type": "assassination_attempt", "casualties": {"killed": 1}, "severity": {"score": 50}}
    report = evaluate(gold, predictions={"k1": [event]})
    assert report.killed_matches == 0
    assert [(e.kind, e.gold, e.predicted) for e in report.errors] == [
        ("killed", "assassination_attempt killed=3", ("killed=1",))
    ]
    assert "killed=1" in report.errors_text()


def test_longform_labels_lists_may_be_empty_or_hold_both() -> None:
    from agents.core.evaluation import gold_label, gold_types

    gold = [
        {"id": "n", "text": "x", "labels": []},
        {"id": "p", "text": "x", "labels": ["peaceful_protest"]},
        {"id": "b", "text": "x", "labels": ["assassination_attempt", "protest_violence"]},
        {"id": "a", "text": "x" * 1500, "labels": ["assassination_attempt"]},
    ]
    assert gold_types(gold[0]) == frozenset() and gold_label(gold[0]) == "none"
    assert gold_types(gold[1]) == frozenset() and gold_label(gold[1]) == "peaceful_protest"
    assert gold_label(gold[2]) == "both"
    predictions = {
        "n": [_event("protest_violence", None, 30)],
        "p": [],
        "b": [_event("assassination_attempt", 0, 80)],
        "a": [_event("assassination_attempt", 0, 80)],
    }
    report = evaluate(gold, predictions=predictions)
    aa, pv = report.per_type["assassination_attempt"], report.per_type["protest_violence"]
    assert (aa.tp, aa.fp, aa.fn) == (2, 0, 0)
    assert (pv.tp, pv.fp, pv.fn) == (0, 1, 1)
    assert (report.false_alerts, report.negatives) == (1, 2)
    assert report.confusion["both"]["assassination_attempt"] == 1
    assert {e.kind for e in report.errors if e.id == "b"} == {"miss"}
    assert set(report.by_length) == {"<1KB", "1-3KB"}
    assert report.by_length["1-3KB"].items == 1


def test_split_is_fixed_and_roughly_half() -> None:
    from agents.core.evaluation import split_of

    halves = [split_of(f"item:{i}") for i in range(400)]
    assert split_of("item:7") == split_of("item:7")
    assert 150 < halves.count("tune") < 250
    gold = [_gold(f"item:{i}", "unrelated") for i in range(40)]
    tune = evaluate(gold, predictions={g["id"]: [] for g in gold}, split="tune")
    check = evaluate(gold, predictions={g["id"]: [] for g in gold}, split="check")
    assert tune.items + check.items == 40
    with pytest.raises(ValueError):
        evaluate(gold, predictions={}, split="train")


def test_errors_carry_the_decisive_sentences() -> None:
    gold = [{"id": "f", "text": "x", "labels": []}]
    event = {
        "type": "protest_violence",
        "casualties": {},
        "severity": {"score": 20},
        "evidence": ["Police fired tear gas at the crowd."],
    }
    report = evaluate(gold, predictions={"f": [event]})
    assert report.errors[0].evidence == ("Police fired tear gas at the crowd.",)
    assert "> Police fired tear gas" in report.errors_text()
    assert report.error_table() == {("false alert", "none"): 1}
    assert "errors by kind and gold label" in report.to_text()
