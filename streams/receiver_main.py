"""`python -m streams.receiver_main`: the demo receiver as a service (deploy/compose.yaml runs it).

Verifies each alert's Standard Webhooks signature and prints one line per alert, like a subscriber.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

from streams.receiver import Received, Receiver


def _print(rec: Received) -> None:
    if not rec.verified:
        print("rejected: bad signature", flush=True)
        return
    body = rec.json
    alert = body.get("data", {})
    print(
        f"{rec.headers.get('webhook-id', '?')} {body.get('type', '?')} {alert.get('event_type', '?')} "
        f"r{alert.get('revision', '?')} {alert.get('severity', {}).get('level', '?')}: "
        f"{alert.get('title', '')}",
        flush=True,
    )


async def _serve(host: str, port: int, path: str, secret: str | None) -> None:
    async with Receiver(secret, path=path, on_receive=_print, host=host, port=port) as r:
        print(f"receiving on http://{host}:{r.port}{path}", flush=True)
        await asyncio.Event().wait()


def main() -> int:
    p = argparse.ArgumentParser(prog="python -m streams.receiver_main")
    p.add_argument("--host", default="0.0.0.0")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--path", default="/hook")
    args = p.parse_args()
    secret = os.environ.get("TOCSIN_RECEIVER_SECRET") or None
    try:
        asyncio.run(_serve(args.host, args.port, args.path, secret))
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"receiver: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
