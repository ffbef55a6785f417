"""Helpers shared by the broker-backed tests: hand-written alerting articles, secrets, metrics."""

from __future__ import annotations

import base64
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from agents.core.models import Article
from bench.kafka_io import end_offsets, read_all


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


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


async def read_to_end(bootstrap: str, topic: str, timeout_s: float = 30.0) -> list[Any]:
    """Every record `topic` holds now (a fresh test topic: offsets 0..end, nothing deleted), without
    waiting out a timeout to learn that nothing more is coming."""
    held = sum((await end_offsets(bootstrap, topic)).values())
    return await read_all(bootstrap, topic, expect=held, timeout_s=timeout_s)


async def consume(bootstrap: str, topic: str, n: int, timeout_s: float = 60.0) -> list[Any]:
    """Read `n` records from the start of `topic`; fewer if the timeout passes first."""
    return await read_all(bootstrap, topic, expect=n, timeout_s=timeout_s)


# Invented governors' names (syllable pairs) for tests that need more distinct events than SURNAMES.
_FIRST = ("Ada", "Obi", "Eze", "Uche", "Nna", "Ola", "Ife", "Chi")
_SECOND = ("mola", "kanwa", "dike", "nedu", "lowo", "runmi", "gozie", "bueze")
MANY_SURNAMES = tuple(a + b for a in _FIRST for b in _SECOND)


def governor_attack(name: str, tag: str) -> Article:
    """One report of an attack on Governor `name`: one distinct event and one alert per name."""
    return Article(
        id=f"e2e-{tag}-{name}",
        title=f"Gunmen ambush convoy of Governor {name}, two bodyguards wounded",
        text=(
            f"Gunmen opened fire on the convoy of State Governor Samuel {name} on Tuesday evening "
            "as he returned from a town hall meeting near Kaduna, Nigeria, police said. "
            "The governor escaped unhurt, but two of his bodyguards were wounded."
        ),
        source="e2e.test",
        url=f"https://news.example/{tag}/{name}",
        published_at=datetime.now(UTC),
    )


def quiet_article(i: int, tag: str) -> Article:
    """A report that must raise nothing (council business), to pad a stream around the alerting ones."""
    return Article(
        id=f"e2e-{tag}-quiet-{i}",
        title=f"Council approves budget item {i} for the new library",
        text=(
            f"The city council voted {i % 9 + 3} to 2 on Monday to fund item {i} of the new public "
            "library, which will open next spring with a reading room and a children's wing. "
            "The mayor thanked residents for their comments during the consultation."
        ),
        source="e2e.test",
        url=f"https://news.example/{tag}/quiet/{i}",
        published_at=datetime.now(UTC),
    )


def outlet_reports(t0: datetime, rows: list[tuple[str, str, int, str, str]]) -> list[Article]:
    """Hand-written reports of one event by several outlets: (id, outlet, minutes after `t0`,
    title, text) each; the url follows from the outlet and the id."""
    return [
        Article(
            id=article_id,
            source=outlet,
            url=f"https://{outlet.split()[0].lower()}.example/{article_id}",
            published_at=t0 + timedelta(minutes=minutes),
            title=title,
            text=text,
        )
        for article_id, outlet, minutes, title, text in rows
    ]


# One protest told three ways (invented): x (Ibadan) and y (placed only in Nigeria, 30 h later)
# share too little to join alone; z (15 h) links both. Rows for `outlet_reports`.
BRIDGED_PROTEST: list[tuple[str, str, int, str, str]] = [
    (
        "x",
        "Ibadan Tribune",
        0,
        "Police fire tear gas at traders in Ibadan",
        "Police fired tear gas at traders protesting a new market levy in Ibadan on Monday, injuring four.",
    ),
    (
        "y",
        "Continental Times",
        30 * 60,
        "Nigerian markets shut after clashes",
        "Shops at the Bodija market in Nigeria stayed shut a day after protesters clashed with police, "
        "leaving seven people hurt.",
    ),
    (
        "z",
        "Sahel Wire",
        15 * 60,
        "Seven hurt as police break up Ibadan levy protest",
        "Seven traders were injured at Bodija market when police fired tear gas to break up the levy "
        "protest in Ibadan, officials said.",
    ),
]
