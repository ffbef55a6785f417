"""Article files -> article dicts: `.txt` (title on the first line), `.html`, `.json`, `.jsonl`.

Pure: callers read the bytes; this only parses them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import orjson

_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "figcaption",
    "ul",
    "ol",
    "nav",
    "aside",
    "title",
}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP_TAGS:
            self._skip += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


_BLANKS = re.compile(r"[ \t\r\f\v]+")
_MANY_NL = re.compile(r"\n{3,}")


def html_to_text(html: str) -> tuple[str | None, str]:
    """(title, text) of an HTML page; paragraphs survive as blank-line separated blocks."""
    p = _TextExtractor()
    p.feed(html)
    p.close()
    text = "\n".join(_BLANKS.sub(" ", line).strip() for line in "".join(p.parts).split("\n"))
    title = _BLANKS.sub(" ", "".join(p.title)).strip() or None
    return title, _MANY_NL.sub("\n\n", text).strip()


def txt_to_article(content: str, *, name: str) -> dict[str, Any]:
    title, _, text = content.strip().partition("\n")
    return {"id": name, "title": title.strip(), "text": text.strip() or title.strip()}


def parse_article_file(name: str, data: bytes) -> list[dict[str, Any]]:
    """Articles in one file, by extension. Raises ValueError with a reason on bad content."""
    lower = name.lower()
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if lower.endswith(".jsonl"):
        out = []
        for n, line in enumerate(data.splitlines(), 1):
            if line.strip():
                try:
                    out.append(orjson.loads(line))
                except orjson.JSONDecodeError as exc:
                    raise ValueError(f"{name}:{n}: {exc}") from exc
        return out
    if lower.endswith(".json"):
        obj = orjson.loads(data)
        return obj if isinstance(obj, list) else [obj]
    text = data.decode("utf-8", errors="replace")
    if lower.endswith((".html", ".htm")):
        title, body = html_to_text(text)
        return [{"id": stem, "title": title, "text": body, "html": text}]
    return [txt_to_article(text, name=stem)]
