"""`tocsin ingest [--once] FEED_URL_OR_FILE ...`: the command around `streams.ingest.Ingester`."""

from __future__ import annotations

import argparse
import asyncio
import logging
from typing import TYPE_CHECKING

from pydantic import ValidationError

from streams.ingest_settings import IngestSettings
from streams.ingest_sources import FeedSource, SourcesError, load_sources

if TYPE_CHECKING:
    from streams.settings import Settings


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("ingest", help="poll RSS/Atom/JSON feeds, fetch their pages, publish articles")
    p.add_argument("sources", nargs="+", help="feed URLs, or files listing one 'URL [INTERVAL_S]' per line")
    p.add_argument("--once", action="store_true", help="poll every feed once, print per-feed counts, exit")
    p.add_argument("--loglevel", default=None, help="default: $TOCSIN_LOG_LEVEL or info")
    p.set_defaults(func=run)


def _settings_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    field = "_".join(str(p) for p in first["loc"]).upper()
    prefix = "TOCSIN_INGEST_" if exc.title == IngestSettings.__name__ else "TOCSIN_"
    return f"tocsin ingest: setting {prefix}{field}: {first['msg']}"


def run(args: argparse.Namespace) -> int:
    from streams.settings import Settings

    try:
        ingest = IngestSettings()
        settings = Settings.from_env()
        sources = load_sources(args.sources, default_interval=ingest.interval_s)
    except ValidationError as exc:
        print(_settings_error(exc))
        return 2
    except SourcesError as exc:
        print(f"tocsin ingest: {exc}")
        return 2
    level = (args.loglevel or settings.log_level).upper()
    logging.basicConfig(level=level, format="[%(asctime)s] %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request drowns the counts
    try:
        return asyncio.run(_main(settings, ingest, sources, once=args.once))
    except OSError as exc:  # e.g. the metrics port is taken
        print(f"tocsin ingest: {exc}")
        return 1


async def _main(settings: Settings, ingest: IngestSettings, sources: list[FeedSource], *, once: bool) -> int:
    from streams.ingest import Ingester

    async with Ingester(settings, ingest, sources) as ingester:
        if once:
            counts = await ingester.run_once()
            for url, c in counts.items():
                print(c.line(url))
            total = sum(sum(c.outcomes.values()) for c in counts.values())
            published = sum(
                n for c in counts.values() for k, n in c.outcomes.items() if k.startswith("published")
            )
            topic = settings.topics.articles
            print(f"done: {len(counts)} feed(s), {total} item(s), {published} published to {topic}")
            return 0 if all(not c.result.startswith("failed") for c in counts.values()) else 1
        if ingest.metrics_port:
            from prometheus_client import start_http_server

            start_http_server(ingest.metrics_port, ingest.metrics_host, registry=ingester.metrics.registry)
            logging.getLogger(__name__).info(
                "ingest: /metrics on http://%s:%d/metrics", ingest.metrics_host, ingest.metrics_port
            )
        await ingester.run_forever(on_poll=lambda url, c: print(c.line(url), flush=True))
    return 0
