"""The benchmark harness in a tiny mode against the real broker: it runs and its results are
well-formed. No performance thresholds here: figures on a shared CI box mean nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from bench.report import render_table
from bench.run import run_bench

pytestmark = pytest.mark.broker


async def test_bench_harness_produces_well_formed_results(bootstrap: str, tmp_path: Path) -> None:
    args = argparse.Namespace(
        partitions=2,
        n_raw=300,
        n_full=40,
        duration_s=2.0,
        drain_s=20.0,
        rates="20",
        keep_topics=False,
        loop="asyncio",
    )
    result = await run_bench(True, args, bootstrap=bootstrap)

    machine = result["machine"]
    for key in ("cpu_model", "cores", "ram_gib", "python", "kafka"):
        assert machine[key], key
    assert result["corpus"]["articles_bytes_min"] >= 3000
    assert 0 < result["corpus"]["alerting_share"] < 0.3

    for phase in ("raw", "passthrough", "detector_alone", "full_pipeline"):
        assert "error" not in result[phase], result[phase]
        assert result[phase]["rate"] > 0, phase
    assert result["raw"]["complete"] and result["passthrough"]["complete"]
    assert result["full_pipeline"]["complete"], result["full_pipeline"]
    assert result["full_pipeline"]["alerts"] >= result["corpus"]["full_pipeline_expected_alerts"] > 0

    [row] = result["latency"]
    assert row["offered_rate"] == 20 and row["articles"] == 40
    assert row["delivered"] > 0
    assert row["p50_ms"] > 0 and row["p99_ms"] >= row["p50_ms"]

    summary = result["summary"]
    assert summary["serial_bound"] > 0
    # Ratios exist; their size means nothing here (300 raw records can be read in a millisecond,
    # which rounds a loaded pass-through's ratio to 0.0).
    assert summary["passthrough_over_raw"] >= 0 and summary["full_over_serial_bound"] > 0
    table = render_table(result)
    assert "| full pipeline" in table and "latency at 20/s" in table
