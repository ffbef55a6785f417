"""What the figures were measured on: CPU, cores, RAM, Python, Kafka and client versions."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path

from streams.local import REPO_ROOT


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _kafka_version() -> str:
    """The local broker records the version it runs; a remote cluster is described by env."""
    if os.environ.get("TOCSIN_KAFKA_BOOTSTRAP"):
        return os.environ.get("TOCSIN_KAFKA_VERSION", "unknown (external cluster)")
    state = Path(os.environ.get("TOCSIN_KAFKA_STATE_DIR", REPO_ROOT / "deploy" / "kafka" / ".state"))
    marker = state / "kafka-version"
    if marker.exists():
        return marker.read_text().strip()
    return os.environ.get("TOCSIN_KAFKA_VERSION", "4.0.2")


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def describe() -> dict[str, object]:
    return {
        "cpu_model": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gib": _ram_gib(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "kafka": _kafka_version(),
        "faust_streaming": _version("faust-streaming"),
        "aiokafka": _version("aiokafka"),
        "uvloop": _version("uvloop"),
        "orjson": _version("orjson"),
    }
