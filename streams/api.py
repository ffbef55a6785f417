"""Subscriptions HTTP API on the worker's web server (Faust web, default port 6066).

    POST   /api/v1/subscriptions        201 + id (+ `whsec_` secret, shown only here)
    GET    /api/v1/subscriptions        200 list (no secrets)
    GET    /api/v1/subscriptions/{id}   200 | 404
    DELETE /api/v1/subscriptions/{id}   204 | 404

Bearer token `TOCSIN_ADMIN_TOKEN` on every call (401 otherwise; with no token configured the API
refuses everything). Bodies over 64 KiB get 413; invalid ones 422 with pydantic's field errors.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any
from urllib.parse import urlsplit

import faust
from pydantic import ValidationError

from agents.core.delivery.subscriptions import SubscriptionRequest, new_subscription
from agents.core.delivery.targets import check_target
from agents.notifiers.transport import resolve
from streams.runtime import Runtime
from streams.subscription_store import SubscriptionStore

MAX_BODY = 64 * 1024


def _errors(exc: ValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors(include_url=False)
    ]


def register_api(rt: Runtime, store: SubscriptionStore) -> None:
    settings = rt.settings
    token = settings.admin_token.get_secret_value() if settings.admin_token else None
    allowed = settings.allow_private_targets

    def authorised(view: faust.web.View, request: Any) -> Any | None:
        given = request.headers.get("Authorization", "")
        if token is None or not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return view.json(
                {"error": "unauthorized"}, status=401, headers={"WWW-Authenticate": 'Bearer realm="tocsin"'}
            )
        return None

    async def url_refusal(url: str) -> str | None:
        parts = urlsplit(url)
        try:
            ips = await resolve(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
        except OSError as exc:
            return f"cannot resolve host: {exc.strerror or exc}"
        decision = check_target(url, ips, allowed)
        return None if decision.allowed else decision.reason

    @rt.app.page("/api/v1/subscriptions")
    class Subscriptions(faust.web.View):
        async def get(self, request: Any) -> Any:
            if denied := authorised(self, request):
                return denied
            await store.ready.wait()
            return self.json({"subscriptions": [s.public_dict() for s in store.subs.values()]})

        async def post(self, request: Any) -> Any:
            if denied := authorised(self, request):
                return denied
            if (request.content_length or 0) > MAX_BODY:
                return self.json({"error": f"body over {MAX_BODY} bytes"}, status=413)
            body = await request.content.read(MAX_BODY + 1)
            if len(body) > MAX_BODY:
                return self.json({"error": f"body over {MAX_BODY} bytes"}, status=413)
            try:
                req = SubscriptionRequest.model_validate_json(body)
            except ValidationError as exc:
                return self.json({"detail": _errors(exc)}, status=422)
            if refusal := await url_refusal(req.url):
                return self.json(
                    {"detail": [{"loc": ["url"], "msg": refusal, "type": "url_refused"}]}, status=422
                )
            sub = new_subscription(
                req,
                sub_id="sub_" + secrets.token_hex(8),
                now=rt.now(),
                secret_bytes=secrets.token_bytes(32) if req.kind == "webhook" else None,
            )
            await store.ready.wait()
            await store.put(sub)
            out = sub.public_dict()
            if sub.secret is not None:
                out["secret"] = sub.secret.get_secret_value()  # shown once, here only
            return self.json(out, status=201)

    @rt.app.page("/api/v1/subscriptions/{sub_id}")
    class SubscriptionById(faust.web.View):
        async def get(self, request: Any, sub_id: str) -> Any:
            if denied := authorised(self, request):
                return denied
            await store.ready.wait()
            sub = store.subs.get(sub_id)
            if sub is None:
                return self.json({"error": "not found"}, status=404)
            return self.json(sub.public_dict())

        async def delete(self, request: Any, sub_id: str) -> Any:
            if denied := authorised(self, request):
                return denied
            await store.ready.wait()
            if sub_id not in store.subs:
                return self.json({"error": "not found"}, status=404)
            await store.delete(sub_id)
            return self.bytes(b"", status=204)
