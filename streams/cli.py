"""`tocsin` command line. Imports are lazy so offline commands never load Faust or touch Kafka.

A mistake is one line on stderr naming what to fix (streams/errors.py): exit 2 for the command line
and configuration, 1 for a failure at run time; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from streams.errors import TocsinError


def _quiet_kafka_client(args: argparse.Namespace) -> None:
    # A short command reports an unreachable broker as one line (BrokerUnavailable); aiokafka's
    # own connection-error log lines would come first and bury it. `--debug` keeps them.
    if not args.debug:
        logging.getLogger("aiokafka").setLevel(logging.CRITICAL)


def _worker(args: argparse.Namespace) -> int:
    from streams.settings import load_settings
    from streams.worker import run_worker

    return run_worker(loglevel=args.loglevel, settings=load_settings())


def _produce(args: argparse.Namespace) -> int:
    import asyncio

    from streams.produce import produce_paths
    from streams.settings import load_settings

    settings = load_settings()
    _quiet_kafka_client(args)
    n = asyncio.run(produce_paths(settings, args.paths, topic=args.topic))
    print(f"produced {n} record(s) to {args.topic or settings.topics.articles} on {settings.bootstrap}")
    return 0


def _classify(args: argparse.Namespace) -> int:
    from streams.offline import classify_command

    return classify_command(args.file, force_jsonl=args.jsonl, explain=args.explain)


def _eval(args: argparse.Namespace) -> int:
    from streams.offline import eval_command

    return eval_command(args.gold, report=args.report, errors=args.errors, split=args.split)


def _schema(args: argparse.Namespace) -> int:
    import json

    from pydantic import BaseModel

    from agents.core.models import Alert, Article

    models: dict[str, type[BaseModel]] = {"article": Article, "alert": Alert}
    model = models[args.which]
    print(json.dumps(model.model_json_schema(), indent=2))
    return 0


def _demo(args: argparse.Namespace) -> int:
    import asyncio

    from streams.demo import run_demo

    return asyncio.run(run_demo(args.paths, follow=args.follow, timeout_s=args.timeout))


def _redeliver(args: argparse.Namespace) -> int:
    import asyncio

    from streams.redeliver import redeliver
    from streams.settings import load_settings

    settings = load_settings()
    _quiet_kafka_client(args)
    return asyncio.run(redeliver(settings=settings, limit=args.limit, subscription=args.subscription))


def _eval_stories(args: argparse.Namespace) -> int:
    from streams.eval_stories import run

    return run(args.gold, shuffles=args.shuffle, group_wait_s=args.group_wait, max_delay_s=args.max_delay)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tocsin", description="Real-time news alerting on Kafka.")
    p.add_argument("--debug", action="store_true", help="show the traceback of an error")
    sub = p.add_subparsers(dest="command", required=True)

    w = sub.add_parser("worker", help="run the Faust worker (classify, track stories, deliver)")
    w.add_argument("--loglevel", default=None, help="default: $TOCSIN_LOG_LEVEL or info")
    w.set_defaults(func=_worker)

    pr = sub.add_parser("produce", help="publish articles (.jsonl, .json, .txt, .html) to Kafka")
    pr.add_argument("paths", nargs="+")
    pr.add_argument("--topic", default=None, help="default: the articles topic")
    pr.set_defaults(func=_produce)

    c = sub.add_parser("classify", help="detect events offline (no Kafka); JSON lines out")
    c.add_argument("file", nargs="?", default="-", help="JSONL (id, text, title?) or .txt; - for stdin")
    c.add_argument("--jsonl", action="store_true", help="treat input as JSON lines whatever its name")
    c.add_argument(
        "--explain",
        action="store_true",
        help="instead of JSON, show each candidate mention, its checks and why each type was kept or dropped",
    )
    c.set_defaults(func=_classify)

    e = sub.add_parser("eval", help="precision/recall/severity checks against labelled JSON lines")
    e.add_argument("--gold", required=True)
    e.add_argument("--report", default=None, help="also write the report as Markdown to this file")
    e.add_argument("--errors", action="store_true", help="list misses and false alerts, with their evidence")
    e.add_argument(
        "--split",
        choices=["tune", "check"],
        default=None,
        help="only the items of this fixed half (by a hash of the id): tune on one, report the other",
    )
    e.set_defaults(func=_eval)

    s = sub.add_parser("schema", help="print the JSON Schema of the article or the alert")
    s.add_argument("which", choices=["article", "alert"])
    s.set_defaults(func=_schema)

    d = sub.add_parser("demo", help="local broker + worker + signed-webhook receiver + sample articles")
    d.add_argument("paths", nargs="*", help="extra article files to produce")
    d.add_argument("--follow", action="store_true", help="keep running and showing alerts")
    d.add_argument("--timeout", type=float, default=120.0)
    d.set_defaults(func=_demo)

    r = sub.add_parser("redeliver", help="replay exhausted deliveries from the deliveries DLQ")
    r.add_argument("--limit", type=int, default=None)
    r.add_argument("--subscription", default=None, help="only this subscription id")
    r.set_defaults(func=_redeliver)

    es = sub.add_parser("eval-stories", help="story assembly offline against articles with gold event ids")
    es.add_argument("--gold", required=True, help="JSON lines: id, gold, title, text, source, published_at")
    es.add_argument("--shuffle", type=int, default=0, help="also try N random arrival orders")
    es.add_argument(
        "--group-wait",
        type=float,
        default=0.0,
        metavar="S",
        help="hold each new story's alert.created S seconds, as TOCSIN_STORY_GROUP_WAIT_S (default 0)",
    )
    es.add_argument(
        "--max-delay",
        type=float,
        default=0.0,
        metavar="S",
        help="shuffle by delaying each report 0-S seconds after its publication (default: any permutation)",
    )
    es.set_defaults(func=_eval_stories)

    from streams.ingest_cli import add_parser as add_ingest

    add_ingest(sub)
    return p


def _fail(message: str, code: int) -> int:
    print(f"tocsin: {message}", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # argparse: usage line and exit 2 on its own
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except TocsinError as exc:
        if args.debug:
            raise
        return _fail(str(exc), exc.exit_code)
    except Exception as exc:  # anything unforeseen: still one line, the traceback on request
        if args.debug:
            raise
        return _fail(f"{type(exc).__name__}: {exc} (run `tocsin --debug ...` for the traceback)", 1)


if __name__ == "__main__":
    sys.exit(main())
