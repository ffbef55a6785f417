"""Ratios, issue-5 targets and the Markdown table printed at the end of a run."""

from __future__ import annotations

from typing import Any

TARGETS = {
    "passthrough_over_raw": 0.5,
    "full_over_serial_bound": 0.7,
    "detector_rate": 1000.0,
    "latency": {100: (250.0, 1.0), 300: (1000.0, 1.0)},  # rate: (p99 ms at most, delivered share)
}
# "No unbounded lag growth": the lag right after each commit (the per-second minimum of committed
# lag) must not keep climbing through the second half of the sending window by more than this many
# articles per second of sending.
MAX_LAG_SLOPE = 2.0


def _rate(d: dict[str, Any]) -> float:
    return float(d.get("rate") or 0.0)


def evaluate(r: dict[str, Any]) -> dict[str, Any]:
    raw, pt, det, full = (
        _rate(r["raw"]),
        _rate(r["passthrough"]),
        _rate(r["detector_alone"]),
        _rate(r["full_pipeline"]),
    )
    raw_fwd, consume = _rate(r.get("raw_forward", {})), _rate(r.get("faust_consume", {}))
    bound = 1 / (1 / raw + 1 / det) if raw and det else 0.0
    s: dict[str, Any] = {
        "raw_rate": raw,
        "passthrough_rate": pt,
        "detector_rate": det,
        "full_rate": full,
        "serial_bound": round(bound, 1),
        "passthrough_over_raw": round(pt / raw, 3) if raw else None,
        "raw_forward_rate": raw_fwd,
        "faust_consume_rate": consume,
        "passthrough_over_raw_forward": round(pt / raw_fwd, 3) if raw_fwd else None,
        "faust_consume_over_raw": round(consume / raw, 3) if raw else None,
        "full_over_serial_bound": round(full / bound, 3) if bound else None,
    }
    checks = {
        "passthrough_over_raw": (s["passthrough_over_raw"] or 0) >= TARGETS["passthrough_over_raw"],
        "full_over_serial_bound": (s["full_over_serial_bound"] or 0) >= TARGETS["full_over_serial_bound"]
        and bool(r["full_pipeline"].get("complete")),
        "detector_rate": det >= TARGETS["detector_rate"],
    }
    for row in r["latency"]:
        target = TARGETS["latency"].get(row["offered_rate"])
        if target is None:
            continue
        p99_max, share = target
        ok = row["p99_ms"] is not None and row["p99_ms"] <= p99_max and (row["delivered_share"] or 0) >= share
        if row["offered_rate"] == 300:
            ok = ok and (row["lag_slope_per_s"] or 0) <= MAX_LAG_SLOPE
        checks[f"latency_{row['offered_rate']}"] = ok
    s["checks"] = checks
    return s


def _f(v: Any, fmt: str = "{:,.0f}") -> str:
    return "n/a" if v is None else fmt.format(v)


def _ok(flag: bool | None) -> str:
    return "" if flag is None else ("yes" if flag else "**no**")


def render_table(r: dict[str, Any]) -> str:
    s, c, m, corpus = r["summary"], r["summary"]["checks"], r["machine"], r["corpus"]
    lines = [
        f"Tocsin benchmark {r['run']}{' (quick)' if r['quick'] else ''}: {m['cpu_model']}, "
        f"{m['cores']} cores, {m['ram_gib']} GiB, Python {m['python']}, Kafka {m['kafka']}, "
        f"faust-streaming {m['faust_streaming']}, aiokafka {m['aiokafka']}, loop {r['config'].get('loop')}",
        f"Input: {corpus['articles_bytes_min']}-{corpus['articles_bytes_max']} B per article "
        f"(median {corpus['articles_bytes_median']}), {corpus['alerting_share'] * 100:.1f} % alerting; "
        f"{r['config']['partitions']} partitions",
        "",
        "| measure | value | ratio | target | met |",
        "| --- | ---: | ---: | --- | --- |",
        f"| raw aiokafka consumer + JSON decode | {_f(s['raw_rate'])} articles/s | | ceiling | |",
        f"| raw aiokafka consumer + decode + aiokafka producer (forward) | {_f(s.get('raw_forward_rate'))} "
        "articles/s | | reference for the pass-through | |",
        "| Faust pass-through (decode + forward, `take_events` 100) | "
        f"{_f(s['passthrough_rate'])} articles/s | "
        f"{_f(s['passthrough_over_raw'], '{:.2f}')} of raw; "
        f"{_f(s.get('passthrough_over_raw_forward'), '{:.2f}')} of raw forward | ≥ 0.5 of raw | "
        f"{_ok(c['passthrough_over_raw'])} |",
        f"| Faust consume-only (same agent, decode, forward nothing) | {_f(s.get('faust_consume_rate'))} "
        f"articles/s | {_f(s.get('faust_consume_over_raw'), '{:.2f}')} of raw | | |",
        f"| detector alone, in-process, one core | {_f(s['detector_rate'])} articles/s | | ≥ 1,000/s | "
        f"{_ok(c['detector_rate'])} |",
        f"| full pipeline (decode, detect, score, publish alerts) | {_f(s['full_rate'])} articles/s | "
        f"{_f(s['full_over_serial_bound'], '{:.2f}')} of serial bound {_f(s['serial_bound'])}/s | ≥ 0.7 | "
        f"{_ok(c['full_over_serial_bound'])} |",
    ]
    for row in r["latency"]:
        rate = row["offered_rate"]
        target = {100: "p99 ≤ 250 ms, 100 %", 300: "p99 ≤ 1 s, 100 %, bounded lag"}.get(rate, "")
        share = row["delivered_share"]
        lines.append(
            f"| latency at {rate}/s offered ({row['achieved_send_rate']:.0f}/s sent, "
            f"{row['send_seconds']:.0f} s) | "
            f"p50 {_f(row['p50_ms'])} / p95 {_f(row['p95_ms'])} / p99 {_f(row['p99_ms'])} ms | "
            f"{_f(None if share is None else share * 100, '{:.1f}')} % of {row['expected_alerts']} alerts; "
            f"lag max {row['lag_max']}, floor slope {_f(row['lag_slope_per_s'], '{:+.1f}')}/s, "
            f"after drain {row['lag_after_drain']} | {target} | {_ok(c.get(f'latency_{rate}'))} |"
        )
    full = r["full_pipeline"]
    if not full.get("complete"):
        lines.append(
            f"\nfull pipeline incomplete: {full.get('alerts')} of {full.get('expected_alerts')} alerts"
        )
    for name in ("raw", "raw_forward", "passthrough", "faust_consume"):
        if r.get(name, {}).get("error"):
            lines.append(f"\n{name} failed: {r[name]['error']}")
    return "\n".join(lines)
