"""A mistake at the command line is one line on stderr naming what to fix, with its exit code:
2 for the command line and configuration, 1 for a failure at run time; `--debug` for the traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from streams.local import free_port

ROOT = Path(__file__).resolve().parents[2]


def tocsin(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TOCSIN_")}
    return subprocess.run(
        [sys.executable, "-m", "streams.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**clean, **env},
    )


def one_line(proc: subprocess.CompletedProcess[str]) -> str:
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


def test_classify_on_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    proc = tocsin("classify", str(missing))
    assert proc.returncode == 2
    assert one_line(proc) == f"tocsin: {missing}: no such file; check the path"


def test_eval_on_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "gold.jsonl"
    proc = tocsin("eval", "--gold", str(missing))
    assert proc.returncode == 2
    assert str(missing) in one_line(proc)


def test_classify_on_bad_json_lines_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "fine"}\n{oops\n')
    proc = tocsin("classify", str(bad))
    assert proc.returncode == 2
    assert "bad.jsonl:2" in one_line(proc)


def test_produce_with_the_broker_down(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nSome text.\n")
    address = f"127.0.0.1:{free_port()}"  # nothing listens there
    proc = tocsin("produce", str(article), TOCSIN_KAFKA_BOOTSTRAP=address)
    assert proc.returncode == 1
    line = one_line(proc)
    assert line.startswith(f"tocsin: cannot reach the Kafka broker at {address}")
    assert "TOCSIN_KAFKA_BOOTSTRAP" in line
    assert "Unclosed" not in proc.stderr


def test_worker_with_a_bad_partition_count() -> None:
    proc = tocsin("worker", TOCSIN_PARTITIONS="abc")
    assert proc.returncode == 2
    line = one_line(proc)
    assert line.startswith("tocsin: configuration: TOCSIN_PARTITIONS='abc': ")
    assert "integer" in line


def test_a_bad_retry_schedule_fails_at_start_not_at_the_first_delivery() -> None:
    proc = tocsin("worker", TOCSIN_RETRY_SCHEDULE="0,5,soon")
    assert proc.returncode == 2
    assert "TOCSIN_RETRY_SCHEDULE" in one_line(proc)


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    proc = tocsin("--debug", "classify", str(tmp_path / "nope.txt"))
    assert proc.returncode == 1
    assert "Traceback" in proc.stderr and "UsageError" in proc.stderr


def test_a_usage_mistake_is_argparse_exit_2() -> None:
    proc = tocsin("classify", "--no-such-flag")
    assert proc.returncode == 2
    assert "unrecognized arguments: --no-such-flag" in proc.stderr


def test_worker_with_a_missing_subscriptions_file(tmp_path: Path) -> None:
    # Checked before the broker is needed: nothing listens on this bootstrap address.
    missing = tmp_path / "subs.yaml"
    proc = tocsin(
        "worker",
        TOCSIN_SUBSCRIPTIONS_FILE=str(missing),
        TOCSIN_KAFKA_BOOTSTRAP=f"127.0.0.1:{free_port()}",
        TOCSIN_DATA_DIR=str(tmp_path / "data"),
    )
    assert proc.returncode == 2
    assert one_line(proc).startswith(f"tocsin: configuration: TOCSIN_SUBSCRIPTIONS_FILE='{missing}': ")


def test_worker_with_the_broker_down(tmp_path: Path) -> None:
    address = f"127.0.0.1:{free_port()}"
    proc = tocsin("worker", TOCSIN_KAFKA_BOOTSTRAP=address, TOCSIN_DATA_DIR=str(tmp_path / "data"))
    assert proc.returncode == 1
    assert f"cannot reach the Kafka broker at {address}" in proc.stderr.strip().splitlines()[-1]
    assert "Traceback" not in proc.stderr
