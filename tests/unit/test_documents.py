from __future__ import annotations

import pytest

from agents.core.documents import html_to_text, parse_article_file


def test_txt_title_is_first_line() -> None:
    [a] = parse_article_file("dir/story.txt", b"Headline here\n\nBody line one.\nBody line two.\n")
    assert a == {"id": "story", "title": "Headline here", "text": "Body line one.\nBody line two."}


def test_html_drops_scripts_and_keeps_paragraphs() -> None:
    html = (
        "<html><head><title>Riot police in capital</title><script>var x=1;</script></head>"
        "<body><nav>Home | World</nav><p>First &amp; foremost.</p><p>Second.</p></body></html>"
    )
    title, text = html_to_text(html)
    assert title == "Riot police in capital"
    assert "var x" not in text
    assert text.splitlines() == ["Home | World", "", "First & foremost.", "", "Second."]


def test_jsonl_reports_the_bad_line() -> None:
    with pytest.raises(ValueError, match=r"x\.jsonl:2"):
        parse_article_file("x.jsonl", b'{"text": "a"}\n{nope\n')
    assert len(parse_article_file("x.jsonl", b'{"text": "a"}\n\n{"text": "b"}\n')) == 2
