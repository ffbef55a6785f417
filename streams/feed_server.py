"""A real local site (aiohttp) that serves feeds and article pages: for `make demo` and the tests.

Pages are rendered the way news sites ship them: navigation, a cookie banner, share buttons,
"most read" and related links, a newsletter form, comments and a footer around the article, so
extraction is tested against boilerplate. Each route can answer with any status, headers, delay
or body, and honours If-None-Match / If-Modified-Since when it has validators.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

import orjson
from aiohttp import web

from streams.receiver import LocalServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    etag: str | None = None
    last_modified: str | None = None
    chunked: bool = False  # stream the body without a Content-Length (a huge page must be cut off)


@dataclass(frozen=True)
class Hit:
    path: str
    headers: dict[str, str]


@dataclass(frozen=True)
class Story:
    """One article of the site: its page and its feed entry."""

    slug: str
    title: str
    paragraphs: Sequence[str]
    summary: str = ""
    published: datetime | None = None
    author: str = "Staff Reporter"


class FeedServer(LocalServer):
    def __init__(self, port: int = 0, site_name: str = "The Local Courier") -> None:
        super().__init__(port)
        self.site_name = site_name
        self.routes_by_path: dict[str, Route] = {}
        self.hits: list[Hit] = self.records

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route) -> str:
        self.routes_by_path[path] = route
        return self.url(path)

    def add_story(self, story: Story, **route: object) -> str:
        body = render_page(story, site_name=self.site_name).encode()
        return self.add(f"/news/{story.slug}", Route(body=body, **route))  # type: ignore[arg-type]

    def hits_of(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path == path]

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        route = self.routes_by_path.get(request.path)
        self.hits.append(Hit(request.path_qs, dict(request.headers)))
        await self.arrived()
        if route is None:
            return web.Response(status=404, text="not found")
        if route.delay_s:
            await asyncio.sleep(route.delay_s)
        headers = dict(route.headers)
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        fresh = (route.etag and request.headers.get("If-None-Match") == route.etag) or (
            route.last_modified and request.headers.get("If-Modified-Since") == route.last_modified
        )
        if fresh:
            return web.Response(status=304, headers=headers)
        if route.chunked:
            response = web.StreamResponse(status=route.status, headers=headers)
            response.content_type = route.content_type.split(";")[0]
            response.enable_chunked_encoding()
            await response.prepare(request)
            for i in range(0, len(route.body), 64 * 1024):
                await response.write(route.body[i : i + 64 * 1024])
            await response.write_eof()
            return response
        headers["Content-Type"] = route.content_type
        return web.Response(status=route.status, body=route.body, headers=headers)

    def routes(self, app: web.Application) -> None:
        app.router.add_route("GET", "/{tail:.*}", self._handle)


# --- rendering ---------------------------------------------------------------------------------

_E = html.escape

_CHROME_TOP = """<header class="masthead"><div class="logo">{site}</div>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
<div class="cookie-banner" role="dialog">We use cookies to improve your experience and to show you
personalised advertising. By continuing to browse you agree to our cookie policy.
<button>Accept all</button> <button>Manage preferences</button></div>
<div class="ad ad-leaderboard">Advertisement</div></header>"""

_CHROME_SIDE = """<aside class="sidebar"><h2>Most read</h2><ol>
<li><a href="/sport/cup-final">Ten things we learned from the cup final</a></li>
<li><a href="/business/rates">Central bank holds rates for a third month</a></li>
<li><a href="/life/recipes">Five quick dinners for busy weeknights</a></li>
<li><a href="/tech/phones">The best budget phones of the year, tested</a></li></ol>
<div class="newsletter"><h3>Get the morning briefing</h3><p>The day's top stories in your inbox
every morning, free.</p><form><input type="email" placeholder="Your email address">
<button>Sign up</button></form></div><div class="ad ad-mpu">Advertisement</div></aside>"""

_CHROME_BOTTOM = """<section class="related"><h2>Related stories</h2><ul>
<li><a href="/world/summit">Leaders gather for regional summit on trade</a></li>
<li><a href="/world/floods">Floods cut off villages after days of rain</a></li>
<li><a href="/politics/budget">Parliament debates the new budget late into the night</a></li></ul></section>
<section class="comments"><h2>Comments</h2><p>Please enter your comment!</p><p>Please enter your name here</p>
<form><textarea></textarea><button>Post comment</button></form></section>
<footer class="site-footer"><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
<li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>
<p>&copy; 2026 {site}. All rights reserved. Reproduction without permission is prohibited.</p></footer>
<script>window.dataLayer = window.dataLayer || [];
function track(){{ dataLayer.push(arguments); }}</script>"""


def render_page(story: Story, *, site_name: str) -> str:
    """An article page with the boilerplate of a real news site around it."""
    when = story.published.isoformat() if story.published else ""
    body = "\n".join(f"<p>{_E(p)}</p>" for p in story.paragraphs)
    meta = f'<meta property="article:published_time" content="{when}">' if when else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{_E(story.title)} | {_E(site_name)}</title>
<meta property="og:title" content="{_E(story.title)}">{meta}
<meta name="author" content="{_E(story.author)}"></head>
<body>{_CHROME_TOP.format(site=_E(site_name))}
<main><article><h1>{_E(story.title)}</h1>
<div class="byline">By {_E(story.author)} <time datetime="{when}">{when}</time></div>
<div class="share">Share this article: <a href="#">Facebook</a> <a href="#">Twitter</a>
<a href="#">WhatsApp</a></div>
<div class="article-body">{body}</div>
<div class="share">Share this article: <a href="#">Facebook</a> <a href="#">Twitter</a></div></article>
{_CHROME_SIDE}</main>{_CHROME_BOTTOM.format(site=_E(site_name))}</body></html>"""


def story_from_text(slug: str, content: str, published: datetime | None = None) -> Story:
    """A `.txt` article (title on the first line, paragraphs separated by blank lines) as a story."""
    title, _, rest = content.strip().partition("\n")
    paragraphs = [" ".join(p.split()) for p in rest.split("\n\n") if p.strip()]
    return Story(
        slug, title.strip(), paragraphs, summary=paragraphs[0] if paragraphs else "", published=published
    )


def _rfc822(when: datetime | None) -> str:
    return f"<pubDate>{format_datetime(when)}</pubDate>" if when else ""


def rss(site: str, items: Iterable[tuple[str, Story]], *, title: str = "Latest news") -> bytes:
    """RSS 2.0 with (link, story) items."""
    entries = "".join(
        f"<item><title>{_E(s.title)}</title><link>{_E(link)}</link><guid>{_E(link)}</guid>"
        f"<description>{_E(s.summary)}</description>{_rfc822(s.published)}</item>"
        for link, s in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{_E(title)}</title>'
        f"<link>{_E(site)}</link><description>{_E(title)}</description>{entries}</channel></rss>"
    ).encode()


def atom(site: str, items: Iterable[tuple[str, Story]], *, title: str = "Latest news") -> bytes:
    entries = "".join(
        f'<entry><title>{_E(s.title)}</title><link rel="alternate" href="{_E(link)}"/><id>{_E(link)}</id>'
        f"<summary>{_E(s.summary)}</summary><author><name>{_E(s.author)}</name></author>"
        + (f"<updated>{s.published.isoformat()}</updated>" if s.published else "")
        + "</entry>"
        for link, s in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{_E(title)}</title>'
        f'<link rel="alternate" href="{_E(site)}"/><id>{_E(site)}</id>{entries}</feed>'
    ).encode()


def json_feed(site: str, items: Iterable[tuple[str, Story]], *, title: str = "Latest news") -> bytes:
    return orjson.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "home_page_url": site,
            "items": [
                {
                    "id": link,
                    "url": link,
                    "title": s.title,
                    "summary": s.summary,
                    **({"date_published": s.published.isoformat()} if s.published else {}),
                }
                for link, s in items
            ],
        }
    )


def demo_site(server: FeedServer, text_files: Iterable[Path], published: datetime) -> str:
    """Every `.txt` article as a page behind one RSS feed; returns the feed URL."""
    items = []
    for path in text_files:
        story = story_from_text(path.stem, path.read_text(encoding="utf-8"), published)
        items.append((server.add_story(story), story))
    return server.add(
        "/rss.xml", Route(body=rss(server.base + "/", items), content_type="application/rss+xml")
    )
