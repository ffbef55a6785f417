"""Glue for the offline commands (`tocsin classify`, `tocsin eval`): files in, JSON lines out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import orjson

from agents.core.documents import parse_article_file
from streams.errors import UsageError
from streams.files import read_input


def _read_records(path: str, *, force_jsonl: bool) -> list[dict[str, Any]]:
    if path == "-":
        data, name = sys.stdin.buffer.read(), "stdin.jsonl"
    else:
        data, name = read_input(Path(path)), path
    if force_jsonl and not name.endswith(".jsonl"):
        name += ".jsonl"
    try:
        return parse_article_file(name, data)
    except ValueError as exc:  # bad content: the message names the file and line
        raise UsageError(f"{exc}; fix the file") from None


def classify_command(path: str, *, force_jsonl: bool = False, explain: bool = False) -> int:
    from agents.core.evaluation import classify_record

    out = sys.stdout.buffer
    for record in _read_records(path, force_jsonl=force_jsonl):
        record.setdefault("id", None)
        result = classify_record(record)
        if explain:
            from agents.core.detector.explain import explain as explain_article
            from agents.core.detector.explain import explain_text

            report = explain_article(record.get("title"), str(record.get("text") or ""))
            events = ", ".join(f"{e['type']} ({e['severity']['level']})" for e in result["events"]) or "none"
            text = f"== {record.get('id')}: events: {events}\n{explain_text(report)}\n"
            out.write(text.encode("utf-8"))
        else:
            out.write(orjson.dumps(result) + b"\n")
    out.flush()
    return 0


def eval_command(gold: str, *, report: str | None, errors: bool, split: str | None = None) -> int:
    from agents.core.evaluation import evaluate

    records = _read_records(gold, force_jsonl=True)
    result = evaluate(records, split=split)
    print(result.to_text())
    if errors:
        print(result.errors_text())
    if report:
        Path(report).write_text(result.to_markdown())
        print(f"report written to {report}")
    return 0
