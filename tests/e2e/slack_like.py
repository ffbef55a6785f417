"""A local Slack-like incoming webhook: enforces Block Kit's documented limits and the rate limit.

    POST /services/T0/B0/<token>
    200 "ok"                      a valid message, at most one per second
    400 "invalid_payload"/"no_text"   text missing or a Block Kit limit broken (`problems` says which)
    429 Retry-After: 1            posted within a second of the previous post; body as Slack's:
                                  {"ok":false,"error":"rate_limited","retry_after":1}

Blocks are checked wherever Slack reads them: top-level `blocks` and every attachment's `blocks`.

`SlackApiLike` answers the two Web API methods Tocsin calls, as Slack documents them: HTTP 200
with `{"ok": true, "channel", "ts", "message"}` or `{"ok": false, "error"}`, 429 `ratelimited` with
Retry-After. It checks the bearer token and the channel, keeps each channel's messages (with
`thread_ts` for replies) and applies `chat.update` edits to them.
"""

from __future__ import annotations

import itertools
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


@dataclass
class ApiMessage:
    """A message as the Slack-like server keeps it: `edits` are the payloads chat.update applied."""

    channel: str
    ts: str
    thread_ts: str | None
    payload: Any
    edits: list[Any] = field(default_factory=list)

    @property
    def latest(self) -> Any:
        return self.edits[-1] if self.edits else self.payload

    @property
    def content(self) -> str:
        return json.dumps(self.latest, ensure_ascii=False)


@dataclass
class ApiCallRecord:
    at: float
    method: str
    payload: Any
    answer: dict[str, Any]
    status: int


class SlackApiLike(LocalServer):
    """`async with SlackApiLike() as slack:` then subscribe kind "slack_api" with `url=slack.url`,
    `channel=slack.channel`, `token=slack.token`. `fail` maps a method to errors to answer, in turn,
    before answering normally (e.g. {"chat.postMessage": ["ratelimited"]})."""

    token = "xoxb-e2e-bot-token"
    channel = "C0E2ETEST1"

    def __init__(self, *, min_interval_s: float = 0.0, fail: dict[str, list[str]] | None = None) -> None:
        super().__init__()
        self.calls: list[ApiCallRecord] = self.records
        self.messages: dict[str, ApiMessage] = {}  # ts -> message
        self.min_interval_s = min_interval_s
        self.fail = {k: list(v) for k, v in (fail or {}).items()}
        self._last: float | None = None
        self._ts = itertools.count(1)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    @property
    def top_level(self) -> list[ApiMessage]:
        return [m for m in self.messages.values() if m.thread_ts is None]

    def replies(self, ts: str) -> list[ApiMessage]:
        return [m for m in self.messages.values() if m.thread_ts == ts]

    def _new_ts(self) -> str:
        # Slack's ts: epoch seconds with a per-channel unique 6-digit suffix.
        return f"{int(time.time())}.{next(self._ts):06d}"

    def _answer(self, method: str, payload: Any, auth: str | None) -> tuple[int, dict[str, Any]]:
        now = time.monotonic()
        if method == "chat.postMessage":
            limited = self._last is not None and now - self._last < self.min_interval_s
            self._last = now
            if limited:
                return 429, {"ok": False, "error": "ratelimited"}
        if auth is None:
            return 200, {"ok": False, "error": "not_authed"}
        if auth != f"Bearer {self.token}":
            return 200, {"ok": False, "error": "invalid_auth"}
        if not isinstance(payload, dict):
            return 200, {"ok": False, "error": "invalid_json"}
        if self.fail.get(method):
            return 200, {"ok": False, "error": self.fail[method].pop(0)}
        if payload.get("channel") != self.channel:
            return 200, {"ok": False, "error": "channel_not_found"}
        problems = payload_problems(payload)
        if problems:
            return 200, {"ok": False, "error": "no_text" if problems == ["no_text"] else "invalid_blocks"}
        if method == "chat.update":
            message = self.messages.get(str(payload.get("ts")))
            if message is None or message.channel != payload["channel"]:
                return 200, {"ok": False, "error": "message_not_found"}
            message.edits.append(payload)
            return 200, {"ok": True, "channel": message.channel, "ts": message.ts, "text": payload["text"]}
        thread_ts = payload.get("thread_ts")
        if thread_ts is not None and thread_ts not in self.messages:
            return 200, {"ok": False, "error": "thread_not_found"}
        ts = self._new_ts()
        self.messages[ts] = ApiMessage(self.channel, ts, thread_ts, payload)
        echo = {k: v for k, v in payload.items() if k in ("text", "blocks", "attachments", "thread_ts")}
        return 200, {
            "ok": True,
            "channel": self.channel,
            "ts": ts,
            "message": {"type": "message", "ts": ts, **echo},
        }

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        raw = await request.read()
        try:
            payload = json.loads(raw)
        except ValueError:
            payload = None
        if method not in ("chat.postMessage", "chat.update"):
            status, answer = 200, {"ok": False, "error": "unknown_method"}
        else:
            status, answer = self._answer(method, payload, request.headers.get("Authorization"))
        self.calls.append(ApiCallRecord(time.time(), method, payload, answer, status))
        await self.arrived()
        headers = {"Retry-After": "1"} if status == 429 else {}
        return web.json_response(answer, status=status, headers=headers)

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/api/{method}", self._handle)
