"""`tocsin demo`: broker + worker + a signature-verifying webhook receiver + a local news site
whose feed `tocsin ingest` reads (sample pages, and the seed article when present), and the live
page's address.

Every run uses its own topic prefix, so stories from an earlier run never hide this run's alerts.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import secrets
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from agents.core.ingest.extract import article_id
from agents.core.models import Article
from streams.feed_server import FeedServer, demo_site
from streams.local import REPO_ROOT, WorkerProcess, ensure_broker, free_port
from streams.produce import load_articles, send_articles
from streams.receiver import Received, Receiver
from streams.settings import Settings
from streams.topics import ensure_topics

SAMPLES = Path(__file__).resolve().parents[1] / "agents" / "samples"
# The spec directory beside the repository; TOCSIN_SHARED names it when it lives elsewhere (a git
# worktree's parent is not the project's), as the tests read it.
SEED_DIR = Path(os.environ.get("TOCSIN_SHARED") or REPO_ROOT.parent / "shared") / "seed"
IDLE_EXIT_S = 8.0


def demo_files(extra: list[str]) -> list[Path]:
    files = sorted(SAMPLES.glob("*.txt"))
    if SEED_DIR.is_dir():  # read by path, never copied into the repository
        files += sorted(SEED_DIR.glob("*.txt"))
    return files + [Path(p) for p in extra]


async def _ingest_once(feed: str, env: dict[str, str]) -> int:
    """`tocsin ingest --once FEED`, its output shown indented."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "streams.cli", "ingest", "--once", "--loglevel", "warning", feed,
        cwd=REPO_ROOT, env={**os.environ, **env, "TOCSIN_INGEST_ALLOW_PRIVATE": "loopback"},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    assert proc.stdout is not None
    async for line in proc.stdout:
        print("    " + line.decode(errors="replace").rstrip(), flush=True)
    return await proc.wait()


def _show(rec: Received, sent_at: dict[str, float]) -> None:
    if not rec.verified:
        print(f"  !! rejected a request with a bad signature ({rec.headers.get('webhook-id')})")
        return
    msg = rec.json
    alert = msg["data"]
    sev = alert["severity"]
    latency = rec.at - sent_at.get(alert["article"]["id"], rec.at)
    cas = alert["casualties"]
    print(
        f"  [{latency * 1000:6.0f} ms] {sev['level'].upper():8} {sev['score']:3}  {msg['type']:13} "
        f"{alert['event_type']:21} {alert['id']} r{alert['revision']}  {alert['title']}"
        f"  (killed={cas['killed']}, injured={cas['injured']}; signature verified)"
    )
    top = sorted(sev["factors"], key=lambda f: -abs(f["contribution"]))[:4]
    why = [
        f["name"] + ("" if f["value"] is None else f"={f['value']}") + f" ({f['contribution']:+.0f})"
        for f in top
    ]
    print("             why: " + ", ".join(why))


async def run_demo(extra_paths: list[str], *, follow: bool = False, timeout_s: float = 120.0) -> int:
    run_id = time.strftime("%Y%m%d%H%M%S")
    print("1/5 broker:", end=" ", flush=True)
    bootstrap = ensure_broker()
    print(bootstrap)
    secret = "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()
    token = "demo-" + secrets.token_hex(8)
    pages = demo_files([])
    extra: list[Article] = load_articles(extra_paths)  # files named on the command line: produced as they are
    sent_at: dict[str, float] = {}
    workdir = Path(tempfile.mkdtemp(prefix="tocsin-demo-"))

    async with (
        Receiver(secret, on_receive=lambda r: _show(r, sent_at)) as receiver,
        FeedServer(site_name="The Demo Courier") as site,
    ):
        feed = demo_site(site, pages, datetime.now(UTC))
        subs = workdir / "subscriptions.json"
        subs.write_text(json.dumps([{"name": "demo receiver", "url": receiver.url, "secret": secret}]))
        env = {
            "TOCSIN_KAFKA_BOOTSTRAP": bootstrap,
            "TOCSIN_APP_ID": f"tocsin-demo-{run_id}",
            "TOCSIN_TOPIC_PREFIX": f"demo-{run_id}.",
            "TOCSIN_SUBSCRIPTIONS_FILE": str(subs),
            "TOCSIN_ALLOW_PRIVATE_TARGETS": "127.0.0.0/8",
            "TOCSIN_WEB_PORT": str(free_port()),
            "TOCSIN_DATA_DIR": str(workdir / "data"),
            "TOCSIN_ADMIN_TOKEN": token,
        }
        settings = Settings.from_env(env)
        await ensure_topics(settings)
        worker = WorkerProcess(env, workdir / "worker.log")
        print(f"2/5 worker: starting (log: {worker.log_path})", flush=True)
        worker.start()
        try:
            await worker.wait_ready()
            print(f"    live page: http://127.0.0.1:{env['TOCSIN_WEB_PORT']}/  (token: {token})")
            print(f"3/5 receiver: {receiver.url} verifies every Standard Webhooks signature")
            print(f"4/5 news site: {site.base}/ ({len(pages)} pages with their boilerplate), feed {feed}")
            print(f"5/5 tocsin ingest --once {feed}; alerts as they arrive:", flush=True)
            started = time.time()
            for path in pages:
                sent_at[article_id(site.url(f"/news/{path.stem}"))] = started
            for a in extra:
                sent_at[a.article_id] = started
            if extra:
                await send_articles(settings, extra)
            if await _ingest_once(feed, env) != 0:
                print("  !! tocsin ingest could not read the demo feed")
            deadline = time.monotonic() + timeout_s
            last_count, last_change = 0, time.monotonic()
            while follow or time.monotonic() < deadline:
                await asyncio.sleep(0.5)
                if len(receiver.requests) != last_count:
                    last_count, last_change = len(receiver.requests), time.monotonic()
                elif not follow and last_count and time.monotonic() - last_change > IDLE_EXIT_S:
                    break
        finally:
            worker.stop()
        verified = sum(r.verified for r in receiver.requests)
        n = len(pages) + len(extra)
        print(f"done: {n} article(s) in, {verified} signed alert(s) delivered and verified.")
        return 0 if verified else 1
