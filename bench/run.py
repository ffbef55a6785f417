"""`python -m bench.run [--quick]`: every figure of issue 5, measured side by side in one run.

Prints a Markdown table and writes JSON (figures, ratios, targets, machine) to
bench/results/<timestamp>.json. Needs the local broker (`make bench` starts it) or
TOCSIN_KAFKA_BOOTSTRAP.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from bench import pipeline
from bench.corpus import BenchArticle, generate
from bench.kafka_io import create_topics, delete_topics, prefill
from bench.machine import describe
from bench.report import evaluate, render_table
from streams.local import ensure_broker

RESULTS = Path(__file__).resolve().parent / "results"
# The pass-through agent iterates like Tocsin's classify agent: `stream.take_events(n, within=...)`
# (measured +10-15 % over `async for` per event; Faust still handles every message one by one).
PASSTHROUGH_BATCH = 100


def progress(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def detector_alone(articles: list[BenchArticle], budget_s: float) -> dict[str, Any]:
    """detect(title, text) in this process on one core, over distinct articles of the benchmark mix
    (never the same one twice: repeats run warm and flatter the figure), for about `budget_s`."""
    from agents.core.detector import detect

    docs = [(r.get("title"), r["text"]) for r in (orjson.loads(a.payload) for a in articles)]
    # The first event loads the gazetteer (about 0.3 s): not part of the steady state. Warm up on
    # an alerting article, then time the rest.
    warm = next((i for i, a in enumerate(articles) if a.alerting), len(docs) - 1)
    detect(*docs.pop(warm))
    n, t0 = 0, time.perf_counter()
    for title, text in docs:
        detect(title, text)
        n += 1
        if time.perf_counter() - t0 >= budget_s and n >= 20:
            break
    seconds = time.perf_counter() - t0
    return {
        "articles": n,
        "seconds": round(seconds, 3),
        "rate": round(n / seconds, 1),
        "mean_ms": round(seconds / n * 1000, 2),
    }


def expected_events(articles: list[BenchArticle]) -> tuple[int, int]:
    """Events the detector raises on the alerting articles, and alerting articles it misses."""
    from agents.core.detector import detect

    events = misses = 0
    for a in articles:
        if a.alerting:
            r = orjson.loads(a.payload)
            found = len(detect(r.get("title"), r["text"]))
            events += found
            misses += found == 0
    return events, misses


async def child_phase(args: list[str], log: Path, timeout_s: float) -> dict[str, Any]:
    with log.open("ab") as err:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bench.phases",
            *args,
            stdout=asyncio.subprocess.PIPE,
            stderr=err,
        )
        try:
            out, _ = await asyncio.wait_for(proc.communicate(), timeout_s)
        except TimeoutError:
            proc.kill()
            await proc.wait()
            return {"error": f"timed out after {timeout_s:.0f} s (log: {log})", "rate": 0.0}
    lines = out.decode().strip().splitlines()
    if proc.returncode != 0 or not lines:
        return {"error": f"exit {proc.returncode} (log: {log})", "rate": 0.0}
    return dict(json.loads(lines[-1]))


def config(quick: bool, args: argparse.Namespace) -> dict[str, Any]:
    c: dict[str, Any] = {
        "partitions": 4,
        "n_raw": 20000,
        "n_full": 16000,
        "detector_budget_s": 5.0,
        "rates": [20, 100, 300],
        "duration_s": 60.0,
        "drain_s": 30.0,
        "alert_share": 0.075,
    }
    if quick:
        c.update(n_raw=1000, n_full=120, detector_budget_s=1.0, rates=[20, 100], duration_s=3.0, drain_s=10.0)
    for key in ("partitions", "n_raw", "n_full", "duration_s", "drain_s"):
        if getattr(args, key, None) is not None:
            c[key] = getattr(args, key)
    if args.rates:
        c["rates"] = [int(r) for r in args.rates.split(",")]
    return c


async def run_bench(quick: bool, args: argparse.Namespace, bootstrap: str | None = None) -> dict[str, Any]:
    cfg = config(quick, args)
    loop = getattr(args, "loop", "uvloop")
    # The worker's event loop: `tocsin worker` runs uvloop unless FAUST_LOOP says otherwise
    # (streams/worker.py); "aio" is Faust's name for asyncio's own loop.
    worker_env = {"FAUST_LOOP": "uvloop" if loop == "uvloop" else "aio"}
    parts = cfg["partitions"]
    started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    run = time.strftime("%Y%m%d%H%M%S") + "-" + secrets.token_hex(2)
    workdir = Path(tempfile.mkdtemp(prefix=f"tocsin-bench-{run}-"))
    progress(f"run {run}; logs in {workdir}")
    bootstrap = bootstrap or ensure_broker()
    made_topics: list[str] = []

    # Input, generated and checked against the detector before anything is timed.
    tp_in, tp_out = f"bench-{run}.passthrough.in", f"bench-{run}.passthrough.out"
    through = generate(cfg["n_raw"], seed=1, prefix=f"{run}-t-", alert_share=cfg["alert_share"])
    full = generate(
        cfg["n_full"],
        seed=2,
        prefix=f"{run}-f-",
        alert_share=cfg["alert_share"],
        first_alerting=parts,
        last_alerting=parts,
    )
    want, missed = expected_events(full)
    sizes = sorted(len(a.payload) for a in through)
    corpus = {
        "articles_bytes_min": sizes[0],
        "articles_bytes_median": sizes[len(sizes) // 2],
        "articles_bytes_max": sizes[-1],
        "alerting_share": round(sum(a.alerting for a in through) / len(through), 4),
        "full_pipeline_expected_alerts": want,
        "detector_missed_alerting": missed,
    }
    await create_topics(bootstrap, [tp_in, tp_out], parts)
    made_topics += [tp_in, tp_out]
    progress(f"pre-filling {len(through)} articles ({sum(sizes) / 1e6:.0f} MB)")
    await prefill(bootstrap, tp_in, through, parts)

    progress("detector alone (in-process, one core)")
    det = detector_alone(through, cfg["detector_budget_s"])
    progress("raw aiokafka consumer")
    common = [
        "--bootstrap",
        bootstrap,
        "--topic",
        tp_in,
        "-n",
        str(len(through)),
        "--partitions",
        str(parts),
        "--loop",
        loop,
    ]
    raw = await child_phase(["raw", *common, "--timeout", "120"], workdir / "raw.log", 180)
    progress("raw aiokafka consumer + producer (forward)")
    raw_fwd = await child_phase(
        ["raw_forward", *common, "--out-topic", tp_out, "--timeout", "120"], workdir / "raw_forward.log", 180
    )
    progress("Faust pass-through")
    pt_args = ["--out-topic", tp_out, "--batch", str(PASSTHROUGH_BATCH), "--timeout", "180"]
    passthrough = await child_phase(["passthrough", *common, *pt_args], workdir / "passthrough.log", 240)
    progress("Faust consume-only (decode, forward nothing)")
    faust_consume = await child_phase(
        ["passthrough", *common, *pt_args, "--no-forward"], workdir / "faust_consume.log", 240
    )
    progress(f"full pipeline: {len(full)} articles, {want} alerts expected")
    full_res = await pipeline.full_pipeline(
        bootstrap,
        full,
        want,
        run=run,
        partitions=parts,
        workdir=workdir,
        detector=det,
        env=worker_env,
    )
    made_topics += list(full_res.pop("topics").values())
    lat = await pipeline.latency(
        bootstrap,
        run=run,
        rates=cfg["rates"],
        duration_s=cfg["duration_s"],
        drain_s=cfg["drain_s"],
        partitions=parts,
        workdir=workdir,
        seed=3,
        alert_share=cfg["alert_share"],
        progress=progress,
        env=worker_env,
    )
    made_topics += list(lat.pop("topics").values())
    if not args.keep_topics:
        await delete_topics(bootstrap, made_topics)

    result: dict[str, Any] = {
        "run": run,
        "started": started,
        "quick": quick,
        "config": {**cfg, "loop": loop},
        "machine": describe(),
        "corpus": corpus,
        "detector_alone": det,
        "raw": raw,
        "raw_forward": raw_fwd,
        "passthrough": passthrough,
        "faust_consume": faust_consume,
        "full_pipeline": full_res,
        "latency": lat["rates"],
        "latency_bad_requests": lat["bad_requests"],
        "workdir": str(workdir),
    }
    result["summary"] = evaluate(result)
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="tiny smoke run (well under a minute)")
    p.add_argument("--rates", default="", help="comma-separated offered rates, articles/s")
    p.add_argument("--duration", dest="duration_s", type=float, default=None, help="seconds per rate")
    p.add_argument(
        "--drain", dest="drain_s", type=float, default=None, help="max wait for alerts after a rate"
    )
    p.add_argument("--partitions", type=int, default=None)
    p.add_argument("--n-raw", dest="n_raw", type=int, default=None, help="articles for raw and pass-through")
    p.add_argument("--n-full", dest="n_full", type=int, default=None, help="articles for the full pipeline")
    p.add_argument(
        "--loop",
        choices=["asyncio", "uvloop"],
        default="uvloop",
        help="event loop for the workers and child phases (default: what `tocsin worker` runs)",
    )
    p.add_argument("--keep-topics", action="store_true", help="leave the benchmark topics on the broker")
    p.add_argument(
        "--out", type=Path, default=None, help="JSON path (default bench/results/<timestamp>.json)"
    )
    args = p.parse_args(argv)
    result = asyncio.run(run_bench(args.quick, args))
    out = args.out or RESULTS / f"{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(render_table(result))
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
