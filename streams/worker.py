"""`tocsin worker`: create topics, then run the Faust worker until stopped."""

from __future__ import annotations

import asyncio
import logging
import os

from aiokafka.errors import KafkaError

from streams.errors import BrokerUnavailable
from streams.runtime import utcnow
from streams.settings import Settings, load_settings
from streams.subscriptions_file import load_subscriptions
from streams.topics import ensure_topics

# Measured with `python -m bench.run` (docs/performance.md): uvloop cuts Faust's per-message cost
# (a task, futures and an `asyncio.wait` per message) by 10-25 %. `FAUST_LOOP=aio` (or `-L aio`,
# which Faust reads at import) keeps asyncio's own loop; uvloop is not built for Windows.
DEFAULT_LOOP = "uvloop" if os.name != "nt" else "aio"


def event_loop_name() -> str:
    return os.environ.get("FAUST_LOOP") or os.environ.get("F_LOOP") or DEFAULT_LOOP


def run_worker(*, loglevel: str | None = None, settings: Settings | None = None) -> int:
    import faust
    import mode.loop

    # Before any loop exists: ensure_topics and faust.Worker below both get a loop of this kind.
    loop = event_loop_name()
    if loop != "aio":
        mode.loop.use(loop)
    settings = settings or load_settings()
    if settings.subscriptions_file:  # a mistake in it fails now, before the broker is needed
        load_subscriptions(settings.subscriptions_file, now=utcnow())
    level = loglevel or settings.log_level
    logging.basicConfig(level=level.upper(), format="[%(asctime)s] %(levelname)s %(name)s: %(message)s")
    logging.getLogger(__name__).info("event loop: %s", loop)
    try:
        asyncio.run(ensure_topics(settings))
    except KafkaError as exc:
        raise BrokerUnavailable(settings.bootstrap, type(exc).__name__) from exc

    from streams.app import create_app

    rt = create_app(settings)
    # faust.Worker owns the loop; it exits on SIGTERM/SIGINT after stopping agents and committing.
    worker = faust.Worker(rt.app, loglevel=level, quiet=True)
    worker.execute_from_commandline()
    return 0
