from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from streams.local import WorkerProcess, free_port
from streams.settings import Settings


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


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
        print(f"--- {w.log_path} (tail) ---\n{w.log_text()[-3000:]}")


@pytest.fixture
def e2e_settings(worker_env: dict[str, str]) -> Settings:
    return Settings.from_env(worker_env)
