from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from agents.core.models import Article
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


# Surnames for hand-written attack reports: the story key of an assassination attempt is its
# target's surname, so each surname is one distinct event and one alert.
SURNAMES = (
    "Okafor",
    "Mensah",
    "Adeyemi",
    "Balogun",
    "Chukwu",
    "Danjuma",
    "Ezeani",
    "Fashola",
    "Garba",
    "Haruna",
    "Ibekwe",
    "Jibrin",
    "Kalu",
    "Lawal",
    "Musa",
    "Nwosu",
    "Obiora",
    "Peters",
    "Quadri",
    "Rufai",
    "Sani",
    "Tijani",
    "Uchenna",
    "Wike",
    "Yakubu",
    "Zubairu",
)


def attack_article(i: int, tag: str = "") -> Article:
    """One report of an attack on a governor; `i` picks the governor, so each `i` is its own alert."""
    name = SURNAMES[i]
    return Article(
        id=f"e2e-{tag}-{i}-{name}",
        title=f"Gunmen ambush convoy of Governor {name}, two bodyguards wounded",
        text=(
            f"Gunmen opened fire on the convoy of State Governor Samuel {name} on Tuesday evening "
            "as he returned from a town hall meeting near Kaduna, Nigeria, police said. "
            "The governor escaped unhurt, but two of his bodyguards were wounded. "
            '"This was a deliberate attempt on the life of the governor," a police spokesman said.'
        ),
        source="e2e.test",
        url=f"https://news.example/{tag}/{i}",
        published_at=datetime.now(UTC),
    )


def attack_articles(n: int, tag: str = "", start: int = 0) -> list[Article]:
    return [attack_article(i, tag) for i in range(start, start + n)]


def surname_of(alert: dict[str, Any]) -> str:
    """The governor an alert (webhook `data`) is about."""
    return str(alert["entities"]["target"]["name"]).split()[-1]


async def scrape_metrics(port: int) -> dict[str, float]:
    """`/metrics` of a worker as {"name{labels}": value} (samples only, no comments)."""
    async with httpx.AsyncClient() as client:
        text = (await client.get(f"http://127.0.0.1:{port}/metrics", timeout=10)).text
    out: dict[str, float] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            out[name] = float(value)
    return out


def metric(samples: dict[str, float], name: str, **labels: str) -> float:
    """Sum of the samples of `name` whose labels include `labels`."""
    total = 0.0
    for key, value in samples.items():
        base, _, rest = key.partition("{")
        if base == name and all(f'{k}="{v}"' in rest for k, v in labels.items()):
            total += value
    return total
