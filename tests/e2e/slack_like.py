"""A local Slack-like incoming webhook: enforces Block Kit's documented limits and the rate limit.

    POST /services/T0/B0/<token>
    200 "ok"                      a valid message, at most one per second
    400 "invalid_payload"/"no_text"   text missing or a Block Kit limit broken (`problems` says which)
    429 Retry-After: 1            posted within a second of the previous post; body as Slack's:
                                  {"ok":false,"error":"rate_limited","retry_after":1}

Blocks are checked wherever Slack reads them: top-level `blocks` and every attachment's `blocks`.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from streams.receiver import LocalServer

MAX_BLOCKS = 50
HEADER_MAX = 150
SECTION_TEXT_MAX = 3000
MAX_FIELDS = 10
FIELD_MAX = 2000
CONTEXT_MAX_ELEMENTS = 10
TEXT_MAX = 40_000
MIN_INTERVAL_S = 1.0


@dataclass
class SlackPost:
    at: float  # time.time() on arrival
    payload: Any
    status: int
    problems: list[str] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return self.status == 200

    @property
    def content(self) -> str:
        """Everything a reader sees: text and every block, as one string to search."""
        return json.dumps(self.payload, ensure_ascii=False)


def _text(obj: Any) -> str:
    return obj.get("text", "") if isinstance(obj, dict) else ""


def block_problems(blocks: Any, where: str) -> list[str]:
    if not isinstance(blocks, list):
        return [f"{where}: blocks must be a list"]
    problems: list[str] = []
    if len(blocks) > MAX_BLOCKS:
        problems.append(f"{where}: {len(blocks)} blocks > {MAX_BLOCKS}")
    for i, block in enumerate(blocks):
        at = f"{where}[{i}]"
        kind = block.get("type") if isinstance(block, dict) else None
        if kind == "header":
            text = block.get("text")
            if not isinstance(text, dict) or text.get("type") != "plain_text":
                problems.append(f"{at}: header text must be plain_text")
            elif not 1 <= len(_text(text)) <= HEADER_MAX:
                problems.append(f"{at}: header text {len(_text(text))} chars")
        elif kind == "section":
            text, fields = block.get("text"), block.get("fields")
            if text is None and not fields:
                problems.append(f"{at}: section needs text or fields")
            if text is not None and not 1 <= len(_text(text)) <= SECTION_TEXT_MAX:
                problems.append(f"{at}: section text {len(_text(text))} chars")
            if fields is not None:
                if not isinstance(fields, list) or len(fields) > MAX_FIELDS:
                    problems.append(f"{at}: more than {MAX_FIELDS} fields")
                else:
                    problems += [
                        f"{at}.fields[{j}]: {len(_text(f))} chars"
                        for j, f in enumerate(fields)
                        if not 1 <= len(_text(f)) <= FIELD_MAX
                    ]
        elif kind == "context":
            elements = block.get("elements")
            if not isinstance(elements, list) or not 1 <= len(elements) <= CONTEXT_MAX_ELEMENTS:
                problems.append(f"{at}: context needs 1 to {CONTEXT_MAX_ELEMENTS} elements")
        elif kind not in ("divider", "image", "actions", "rich_text"):
            problems.append(f"{at}: unknown block type {kind!r}")
    return problems


def payload_problems(payload: Any) -> list[str]:
    if not isinstance(payload, dict):
        return ["payload must be a JSON object"]
    problems: list[str] = []
    text = payload.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append("no_text")
    elif len(text) > TEXT_MAX:
        problems.append(f"text {len(text)} chars")
    if "blocks" in payload:
        problems += block_problems(payload["blocks"], "blocks")
    attachments = payload.get("attachments", [])
    if not isinstance(attachments, list):
        return [*problems, "attachments must be a list"]
    for i, att in enumerate(attachments):
        if isinstance(att, dict) and "blocks" in att:
            problems += block_problems(att["blocks"], f"attachments[{i}].blocks")
    return problems


class SlackLike(LocalServer):
    """`async with SlackLike() as slack:` then subscribe `slack.url` as kind "slack"."""

    def __init__(self, *, min_interval_s: float = MIN_INTERVAL_S) -> None:
        self.min_interval_s = min_interval_s
        super().__init__()
        self.posts: list[SlackPost] = self.records
        self._last: float | None = None  # monotonic time of the previous post, whatever its answer

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/services/T0/B0/e2e-token"

    @property
    def accepted(self) -> list[SlackPost]:
        return [p for p in self.posts if p.accepted]

    async def _handle(self, request: web.Request) -> web.Response:
        arrived, now = time.time(), time.monotonic()
        limited = self._last is not None and now - self._last < self.min_interval_s
        self._last = now
        raw = await request.read()
        try:
            payload = json.loads(raw)
        except ValueError:
            payload = None
        if limited:
            post = SlackPost(arrived, payload, 429)
            response = web.Response(
                status=429,
                headers={"Retry-After": "1"},
                content_type="application/json",
                text='{"ok":false,"error":"rate_limited","retry_after":1}',
            )
        else:
            problems = payload_problems(payload)
            status = 400 if problems else 200
            post = SlackPost(arrived, payload, status, problems)
            body = "ok" if not problems else ("no_text" if problems == ["no_text"] else "invalid_payload")
            response = web.Response(status=status, text=body)
        self.posts.append(post)
        await self.arrived()
        return response

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/services/{team}/{bot}/{token}", self._handle)
