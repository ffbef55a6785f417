"""Shared fixtures. The broker fixture starts the project's real Kafka broker (or uses
TOCSIN_KAFKA_BOOTSTRAP); if it cannot be had, tests that need it fail: they are never skipped."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from streams.local import WorkerProcess, free_port
from streams.settings import Settings

# The spec directory beside the repository; TOCSIN_SHARED points elsewhere (a git worktree's
# parent is not the project's).
SHARED = Path(os.environ.get("TOCSIN_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")


def require_shared(rel: str) -> Path:
    """A path under ../shared; skip with a reason in a user's clone, fail in CI."""
    path = SHARED / rel
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is required in CI but missing")
        pytest.skip(f"{path} not present (it sits beside the repository in CI)")
    return path


@pytest.fixture(scope="session")
def bootstrap() -> str:
    from streams.local import ensure_broker

    return ensure_broker()


@pytest.fixture
def unique() -> str:
    return uuid.uuid4().hex[:10]


@pytest.fixture
def seed_path() -> Path:
    return require_shared("seed/000_78f6cbf00fa3014e.txt")


@pytest.fixture
def worker_env(bootstrap: str, unique: str, tmp_path: Path) -> dict[str, str]:
    return {
        "TOCSIN_KAFKA_BOOTSTRAP": bootstrap,
        "TOCSIN_APP_ID": f"e2e-{unique}",
        "TOCSIN_TOPIC_PREFIX": f"e2e-{unique}.",
        "TOCSIN_PARTITIONS": "2",
        "TOCSIN_ALLOW_PRIVATE_TARGETS": "127.0.0.0/8",
        "TOCSIN_WEB_PORT": str(free_port()),
        "TOCSIN_DATA_DIR": str(tmp_path / "data"),
        "TOCSIN_ADMIN_TOKEN": "e2e-token",
        # Tests that count revisions send reports back to back: no hold (tests/integration has its own).
        "TOCSIN_STORY_GROUP_WAIT_S": "0",
    }


@pytest.fixture
def start_worker(worker_env: dict[str, str], tmp_path: Path) -> Iterator[Callable[..., WorkerProcess]]:
    """Start `tocsin worker` subprocesses; all are stopped (and their logs shown on failure) at teardown."""
    workers: list[WorkerProcess] = []

    def _start(subscriptions: list[dict[str, object]] | None = None, **env: str) -> WorkerProcess:
        full = dict(worker_env, **env)
        if subscriptions is not None:
            path = tmp_path / f"subs-{len(workers)}.json"
            path.write_text(json.dumps(subscriptions))
            full["TOCSIN_SUBSCRIPTIONS_FILE"] = str(path)
        w = WorkerProcess(full, tmp_path / f"worker-{len(workers)}.log")
        w.start()
        workers.append(w)
        return w

    yield _start
    for w in workers:
        w.stop()
        text = w.log_text()
        # The tail is the shutdown; what went wrong is in the warnings before it (pytest's temp
        # directories rotate, so the log file itself may be gone by the time anyone looks).
        warnings = [ln for ln in text.splitlines() if "[WARNING]" in ln or "[ERROR]" in ln]
        print(f"--- {w.log_path}: {len(warnings)} warnings/errors (first 60) ---")
        print("\n".join(ln[:400] for ln in warnings[:60]))
        print(f"--- {w.log_path} (tail) ---\n{text[-3000:]}")


@pytest.fixture
def e2e_settings(worker_env: dict[str, str]) -> Settings:
    return Settings.from_env(worker_env)
