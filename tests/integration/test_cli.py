"""The offline contract of `tocsin classify` and `tocsin schema`, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def tocsin(*args: str, stdin: str | None = None) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "streams.cli", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return proc.stdout


def test_classify_jsonl_contract() -> None:
    lines = [
        {
            "id": "riot",
            "title": "Police fire tear gas at protesters",
            "text": "Riot police fired tear gas and rubber bullets at thousands of protesters in Lagos, "
            "Nigeria on Monday. Three demonstrators were killed and dozens were injured, witnesses said.",
        },
        {
            "id": "match",
            "text": "The striker's attack on goal in the final minute won the cup for the home side.",
        },
    ]
    out = tocsin("classify", "--jsonl", "-", stdin="\n".join(json.dumps(x) for x in lines))
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == ["riot", "match"]
    assert results[1]["events"] == []
    [event] = results[0]["events"]
    assert event["type"] == "protest_violence"
    assert 0 < event["confidence"] <= 1
    assert set(event["severity"]) >= {"score", "level", "factors"}
    assert event["severity"]["level"] in {"medium", "high", "critical"}
    assert event["casualties"] == {"killed": 3, "injured": 12}
    assert any("tear gas" in s for s in event["evidence"])


def test_classify_txt_uses_first_line_as_title(tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text(
        "Mayor shot dead outside city hall\n\nGunmen shot dead the mayor of a town in Guerrero, Mexico, "
        "as he left city hall on Tuesday, police said.\n"
    )
    [result] = [json.loads(line) for line in tocsin("classify", str(f)).splitlines()]
    assert result["id"] == "story"
    assert [e["type"] for e in result["events"]] == ["assassination_attempt"]
    assert result["events"][0]["outcome"] == "killed"


def test_schema_prints_json_schema() -> None:
    schema = json.loads(tocsin("schema", "alert"))
    assert {"id", "revision", "severity", "casualties", "evidence"} <= set(schema["properties"])
    assert "text" in json.loads(tocsin("schema", "article"))["required"]
