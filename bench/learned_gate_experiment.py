"""Would a text classifier trained on the probe fixtures make a useful veto on the rules' alerts?

Run (scikit-learn is not a Tocsin dependency; install it into a scratch venv or the dev one):
    .venv/bin/pip install scikit-learn==1.9.1
    .venv/bin/python bench/learned_gate_experiment.py [--C 10] [--shared DIR]

Trains one logistic regression per event type on the tune halves of every probe batch in
`tests/fixtures/probes/` (text written for this repository: the only text a shipped model may
learn from). Features: words and word pairs of the headline and the first 600 characters of the
detector's cleaned text, words of the whole of it, L2-normalised. It never trains on the
development corpora; it reads them by path to score the veto: a type the rules raise is dropped
when the model gives it a probability below tau. Per tau, it prints tp/fp/fn per type and false
alerts: for the probes' tune halves out-of-fold (5-fold), and for both halves of `dev.jsonl` and
`dev_longform.jsonl` and the probes' check halves. The finding is in `docs/decisions.md`
("No learned veto: probe-trained text models do not transfer to real long articles").
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from agents.core.detector import detect  # noqa: E402
from agents.core.detector.text import build_document  # noqa: E402
from agents.core.evaluation import event_types, gold_types, split_of  # noqa: E402

WORD = re.compile(r"[a-z]+")
LEAD = 600
TAUS = (0.0, 0.02, 0.05, 0.1, 0.2)


def features(record: dict) -> dict[str, int]:
    doc = build_document(record.get("title"), str(record.get("text") or ""))
    body = " ".join(doc.sentences[1:] if doc.has_title else doc.sentences).lower()
    out: dict[str, int] = {}
    title = WORD.findall(str(record.get("title") or "").lower())
    for prefix, words in (("t", title), ("l", WORD.findall(body[:LEAD]))):
        out.update({f"{prefix}:{w}": 1 for w in words})
        out.update({f"{prefix}:{a}_{b}": 1 for a, b in itertools.pairwise(words)})
    out.update({f"b:{w}": 1 for w in WORD.findall(body)})
    return out


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(items: list[dict], raised: dict[str, set[str]], probs: dict[str, list[float]]) -> str:
    rows = []
    for tau in TAUS:
        tp = dict.fromkeys(event_types(), 0)
        fp, fn, false_alerts = dict(tp), dict(tp), 0
        for k, record in enumerate(items):
            gold = gold_types(record)
            kept = {t for t in raised[record["id"]] if probs[t][k] >= tau}
            for t in event_types():
                tp[t] += t in kept and t in gold
                fp[t] += t in kept and t not in gold
                fn[t] += t in gold and t not in kept
            false_alerts += not gold and bool(kept)
        counts = " ".join(f"{tp[t]}/{fp[t]}/{fn[t]}" for t in event_types())
        rows.append(f"[{tau}] {counts} FA {false_alerts}")
    return "  ".join(rows)


def main() -> None:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict
    from sklearn.preprocessing import Normalizer

    parser = argparse.ArgumentParser()
    parser.add_argument("--C", type=float, default=10.0)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    probes = sorted((ROOT / "tests/fixtures/probes").glob("probes_*.jsonl"))
    pooled = [r for p in probes for r in load(p)]
    sets = {"probes": pooled}
    for name in ("dev.jsonl", "dev_longform.jsonl"):
        sets[name] = load(args.shared / "corpus" / name)
    records = [r for rs in sets.values() for r in rs]
    raised = {r["id"]: {e.type for e in detect(r.get("title"), str(r.get("text") or ""))} for r in records}
    train = [r for r in pooled if split_of(r["id"]) == "tune"]
    vectorizer, normalizer = DictVectorizer(), Normalizer()
    x_train = normalizer.fit_transform(vectorizer.fit_transform([features(r) for r in train]))
    models, out_of_fold = {}, {}
    for t in event_types():
        y = np.array([t in gold_types(r) for r in train])
        models[t] = LogisticRegression(C=args.C, max_iter=5000).fit(x_train, y)
        model = LogisticRegression(C=args.C, max_iter=5000)
        folds = cross_val_predict(model, x_train, y, cv=5, method="predict_proba")
        out_of_fold[t] = list(folds[:, 1])
    print(f"C={args.C}; per tau: tp/fp/fn for {', '.join(event_types())}, then false alerts")
    print("probes tune (out of fold):", score(train, raised, out_of_fold))
    for name, records in sets.items():
        for half in ("tune", "check"):
            items = [r for r in records if split_of(r["id"]) == half]
            if name == "probes" and half == "tune":
                continue
            x = normalizer.transform(vectorizer.transform([features(r) for r in items]))
            probs = {t: list(models[t].predict_proba(x)[:, 1]) for t in event_types()}
            print(f"{name} {half}:", score(items, raised, probs))


if __name__ == "__main__":
    main()
