"""`tocsin worker`: create topics, then run the Faust worker until stopped."""

from __future__ import annotations

import asyncio
import logging

from streams.settings import Settings
from streams.topics import ensure_topics


def run_worker(*, loglevel: str | None = None, settings: Settings | None = None) -> int:
    import faust

    settings = settings or Settings.from_env()
    level = loglevel or settings.log_level
    logging.basicConfig(level=level.upper(), format="[%(asctime)s] %(levelname)s %(name)s: %(message)s")
    asyncio.run(ensure_topics(settings))

    from streams.app import create_app

    rt = create_app(settings)
    # faust.Worker owns the loop; it exits on SIGTERM/SIGINT after stopping agents and committing.
    worker = faust.Worker(rt.app, loglevel=level, quiet=True)
    worker.execute_from_commandline()
    return 0
