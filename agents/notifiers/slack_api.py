"""Slack Web API calls (`chat.postMessage`, `chat.update`) with a bot token, through the same
SSRF-checked, address-pinned POST as every notifier. Which calls, and what each answer means, is
the core's (`agents.core.delivery.slack_api`); this module only makes them, in order.

Not `slack_sdk`'s AsyncWebClient: it runs on aiohttp, so it cannot use the pinned httpx poster,
and aiohttp follows redirects and skips its resolver for IP literals, which would step around the
SSRF check (docs/decisions.md).
"""

from __future__ import annotations

import httpx

from agents.core.delivery.outcome import DeliveryResult, classify_exception, refused
from agents.core.delivery.render import Outbound
from agents.core.delivery.slack_api import ApiAnswer, ApiCall, ApiRequest, advance, classify_answer
from agents.notifiers.base import HttpNotifier
from agents.notifiers.transport import Refused

# chat.postMessage echoes the message it posted: room for our largest one, JSON-escaped.
MAX_ANSWER_BYTES = 256 * 1024


class SlackApiNotifier(HttpNotifier):
    kind = "slack_api"

    async def send(self, url: str, message: Outbound) -> DeliveryResult:
        if not isinstance(message, ApiRequest):
            raise TypeError("a slack_api notifier makes the calls of an ApiRequest")
        answers: list[ApiAnswer] = []
        while isinstance(step := advance(message, answers), ApiCall):
            answers.append(await self._call(url, step, message))
        return step

    async def _call(self, url: str, call: ApiCall, request: ApiRequest) -> ApiAnswer:
        try:
            answer = await self._poster.post(
                url.rstrip("/") + "/" + call.method, call.body, request.headers, max_bytes=MAX_ANSWER_BYTES
            )
        except httpx.TransportError as exc:  # timeouts, refused connections, protocol errors
            return ApiAnswer(classify_exception(exc, kind=self.kind))
        if isinstance(answer, Refused):
            return ApiAnswer(refused(answer.reason, kind=self.kind))
        return classify_answer(call.method, answer.status, answer.retry_after, answer.body, now=self._clock())
