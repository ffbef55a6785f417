"""The live page in a real headless browser (Playwright driving Debian's chromium) against a real
worker and broker: sign-in, an alert produced to the broker appearing within 2 s, filters kept in
the URL, details, and a hostile title rendered as text."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer
from playwright.async_api import Browser, Page, async_playwright, expect

from agents.core.models import Alert
from streams.local import WorkerProcess
from streams.settings import Settings
from streams.topics import ensure_topics
from tests.unit.status_table import make_alert

HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>Mayor shot'


def browser_path() -> str:
    """Debian's chromium: Playwright's own browser download cannot work here. Missing = failure."""
    path = os.environ.get("TOCSIN_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("chromium is not installed: `make setup` installs it (apt-get install -y chromium)")
    return path


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as pw:
        b = await pw.chromium.launch(executable_path=browser_path(), headless=True)
        yield b
        await b.close()


def alert(n: int, later_s: float = 0.0, **overrides: Any) -> Alert:
    now = datetime.now(UTC)
    return make_alert(
        id=f"evt_live_{n}",
        detected_at=now + timedelta(seconds=later_s),  # the page orders by it: no ties within a millisecond
        first_seen_at=now,
        article_published_at=now - timedelta(minutes=n + 2),
        **overrides,
    )


async def produce(settings: Settings, *alerts: Alert) -> float:
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, acks="all")
    await producer.start()
    try:
        for a in alerts:
            await producer.send_and_wait(
                settings.topics.alerts, key=a.id.encode(), value=a.model_dump_json().encode()
            )
    finally:
        await producer.stop()
    return time.monotonic()


async def sign_in(page: Page, base: str, token: str, query: str = "") -> None:
    await page.goto(base + "/" + query)
    await expect(page.locator("#login")).to_be_visible()
    await page.fill("#token", token)
    await page.click("#login button")
    await expect(page.locator("#status")).to_have_text("live", timeout=10_000)


async def test_live_page_in_a_real_browser(
    browser: Browser,
    e2e_settings: Settings,
    worker_env: dict[str, str],
    start_worker: Callable[..., WorkerProcess],
) -> None:
    await ensure_topics(e2e_settings)
    worker = start_worker()
    await worker.wait_ready()
    base = f"http://127.0.0.1:{worker_env['TOCSIN_WEB_PORT']}"
    page = await browser.new_page(viewport={"width": 1200, "height": 760})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # A wrong token is refused and the prompt comes back; the right one opens the stream.
    await page.goto(base + "/")
    await page.fill("#token", "wrong")
    await page.click("#login button")
    await expect(page.locator("#login-error")).to_have_text("That token was refused.", timeout=10_000)
    await sign_in(page, base, worker_env["TOCSIN_ADMIN_TOKEN"])

    # An alert produced to the broker appears within 2 s.
    first = alert(1)
    sent = await produce(e2e_settings, first)
    row = page.locator(f'li[data-id="{first.id}"]')
    await expect(row).to_be_visible(timeout=2_000)
    appeared_s = time.monotonic() - sent
    assert appeared_s < 2.0
    await expect(row).to_have_class("alert critical")
    for shown in (
        "critical 91",
        "Mustafa al-Kadhimi",
        "Baghdad (IQ)",
        "0 killed, 7 injured",
        "1 source(s)",
        "min ago",
    ):
        await expect(row).to_contain_text(shown)

    # A revision replaces the row; its details show factors, marked evidence, revisions and the link.
    revised = alert(1, revision=2, reason="casualties_rose", casualties={"killed": 1, "injured": 9},
                    severity={"score": 95, "level": "critical", "factors": [
                        {"name": "casualties", "value": "killed=1 injured=9", "contribution": 35.0},
                        {"name": "target_prominence", "value": "head", "contribution": 50.0}]})  # fmt: skip
    protest = alert(2, later_s=1, event_type="protest_violence",
                    title="Police fire tear gas at marchers in Nairobi",
                    severity={"score": 56, "level": "medium", "factors": []},
                    entities={"places": [{"name": "Nairobi", "country_code": "KE"}]},
                    casualties={"killed": None, "injured": 14},
                    evidence=["Police fired tear gas at marchers in Nairobi, Kenya on Monday."])  # fmt: skip
    await produce(e2e_settings, revised, protest)
    await expect(page.locator("#alerts > li")).to_have_count(2, timeout=5_000)
    await expect(page.locator("#alerts > li").first).to_have_attribute("data-id", protest.id)  # newest first
    await row.locator("button.row").click()
    details = row.locator(".details")
    await expect(details).to_contain_text("target_prominence")
    await expect(details.locator("mark")).to_have_text(["injured", "attack"])
    await expect(details.locator(".revisions tr")).to_have_count(2)
    await expect(details.locator("a")).to_have_attribute("href", "https://news.example/pm-drone")

    # Filters hide what they exclude and live in the URL, so a reload keeps them.
    await page.select_option("#f-type", "protest_violence")
    await expect(row).to_be_hidden()
    await expect(page.locator(f'li[data-id="{protest.id}"]')).to_be_visible()
    assert "type=protest_violence" in page.url
    await page.select_option("#f-type", "")
    await page.select_option("#f-level", "high")
    await expect(page.locator(f'li[data-id="{protest.id}"]')).to_be_hidden()
    await page.select_option("#f-level", "")
    await page.fill("#f-country", "ke")
    await expect(row).to_be_hidden()
    await page.reload()
    await expect(page.locator("#status")).to_have_text(
        "live", timeout=10_000
    )  # the token is kept for the tab
    assert await page.input_value("#f-country") == "KE"
    await expect(page.locator("#alerts > li")).to_have_count(1)
    await page.fill("#f-country", "")

    # A hostile title is text, never markup.
    link = {"id": "a_x", "title": HOSTILE, "url": "javascript:alert(1)"}
    hostile = alert(3, later_s=2, title=HOSTILE, article=link)
    await produce(e2e_settings, hostile)
    bad = page.locator(f'li[data-id="{hostile.id}"]')
    await expect(bad.locator(".title")).to_have_text(HOSTILE, timeout=5_000)
    assert await bad.locator("img, script").count() == 0
    await bad.locator("button.row").click()
    assert await bad.locator(".details a").count() == 0  # a javascript: link is not made a link
    assert await page.evaluate("window.__pwned") is None

    # A story merged into another leaves the page: the survivor's row tells the event.
    merged = alert(2, later_s=3, revision=2, reason="merged", merged_into=first.id,
                   event_type="protest_violence", title="Police fire tear gas at marchers in Nairobi",
                   severity={"score": 56, "level": "medium", "factors": []})  # fmt: skip
    await produce(e2e_settings, merged)
    await expect(page.locator(f'li[data-id="{protest.id}"]')).to_have_count(0, timeout=5_000)
    await expect(page.locator("#alerts > li")).to_have_count(2)
    assert errors == []

    if shot := os.environ.get("TOCSIN_LIVE_SCREENSHOT"):  # docs/live-page.png is made this way
        await bad.locator("button.row").click()
        await row.locator("button.row").click()
        await page.set_viewport_size({"width": 1200, "height": 640})
        await page.screenshot(path=str(Path(shot)), full_page=True)
