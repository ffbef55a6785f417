"""Feed lists for `tocsin ingest`: URLs and files, with per-feed intervals and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.cli import main
from streams.ingest_sources import FeedSource, SourcesError, load_sources


def test_urls_and_files_with_intervals(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# news\nhttps://a.example/rss.xml\n\nhttps://b.example/atom.xml  60  # often\n")
    got = load_sources(
        ["https://c.example/feed.json", str(feeds), "https://a.example/rss.xml"], default_interval=300
    )
    assert got == [
        FeedSource("https://c.example/feed.json", 300),
        FeedSource("https://a.example/rss.xml", 300),
        FeedSource("https://b.example/atom.xml", 60),
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("ftp://a.example/x", "feeds.txt:1: 'ftp://a.example/x' is not an http(s) feed URL"),
        ("https://a.example/x soon", "feeds.txt:1: interval 'soon' is not a number of seconds"),
        ("https://a.example/x -5", "feeds.txt:1: interval must be positive"),
    ],
)
def test_bad_lines_name_the_line(tmp_path: Path, line: str, message: str) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(line + "\n")
    with pytest.raises(SourcesError) as err:
        load_sources([str(feeds)], default_interval=300)
    assert str(err.value) == f"{tmp_path}/{message}"


def test_cli_mistakes_get_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert main(["ingest", "--once", str(tmp_path / "missing.txt")]) == 2
    missing = tmp_path / "missing.txt"
    assert (
        capsys.readouterr().out
        == f"tocsin ingest: {missing}: neither an http(s) feed URL nor a readable feeds file\n"
    )
    monkeypatch.setenv("TOCSIN_INGEST_INTERVAL_S", "often")
    assert main(["ingest", "--once", "https://a.example/rss.xml"]) == 2
    assert capsys.readouterr().out.startswith(
        "tocsin ingest: setting TOCSIN_INGEST_INTERVAL_S: Input should be a valid number"
    )
