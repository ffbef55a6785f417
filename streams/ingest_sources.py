"""Which feeds to poll: URLs on the command line, or files with one feed per line.

# comment
https://example.org/rss.xml            # polled every TOCSIN_INGEST_INTERVAL_S
https://example.org/atom.xml  600      # every 600 s
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class FeedSource:
    url: str
    interval_s: float


class SourcesError(ValueError):
    """One line naming what to fix."""


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def _parse_line(line: str, where: str, default_interval: float) -> FeedSource | None:
    words = line.split("#", 1)[0].split()
    if not words:
        return None
    if not _is_url(words[0]):
        raise SourcesError(f"{where}: {words[0]!r} is not an http(s) feed URL")
    interval = default_interval
    if len(words) > 1:
        try:
            interval = float(words[1])
        except ValueError:
            raise SourcesError(f"{where}: interval {words[1]!r} is not a number of seconds") from None
        if interval <= 0:
            raise SourcesError(f"{where}: interval must be positive")
    if len(words) > 2:
        raise SourcesError(f"{where}: expected 'URL [INTERVAL_SECONDS]', got {line.strip()!r}")
    return FeedSource(words[0], interval)


def load_sources(args: list[str], *, default_interval: float) -> list[FeedSource]:
    sources: list[FeedSource] = []
    for arg in args:
        if _is_url(arg):
            sources.append(FeedSource(arg, default_interval))
            continue
        path = Path(arg)
        if not path.is_file():
            raise SourcesError(f"{arg}: neither an http(s) feed URL nor a readable feeds file")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if (source := _parse_line(line, f"{arg}:{n}", default_interval)) is not None:
                sources.append(source)
    unique = list({s.url: s for s in sources}.values())
    if not unique:
        raise SourcesError("no feeds given: pass feed URLs or a file listing them")
    return unique
