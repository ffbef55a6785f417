"""Turn a raw article into clean sentences.

Live pages arrive with furniture (related-story links, comment forms, share buttons) that
mentions other events; it is dropped before any rule runs, because an "ALSO READ" headline
is not an event of this article.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field

# A whole line is furniture when it starts like this. Anchored at line start so the same words
# inside a sentence ("he refused to read more than...") are untouched.
_FURNITURE_LINE = re.compile(
    r"^\s*(?:also read|read more|read also|related(?: stories| articles| news)?|recommended"
    r"|you may also like|more from|more stories|trending|most read|most popular|see also"
    r"|watch|listen|advertisement|sponsored|subscribe|sign up|follow us|share (?:this|on)"
    r"|click here|please enter your|leave a (?:reply|comment)|post a comment|comments?\b"
    r"|copyright|all rights reserved|©|photo:|image:|file photo|caption:|tags?:|previous article"
    r"|next article|newsletter|log ?in|register)\b.*$",
    re.IGNORECASE | re.MULTILINE,
)
# Short lines made of menu separators ("Home | World | Sport").
_MENU_LINE = re.compile(r"^[^.!?\n]{0,120}(?:\s[|\u2022\u00bb\u203a]\s[^.!?\n]{0,40}){2,}$", re.MULTILINE)

_ABBREVIATIONS = (
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "capt",
    "maj",
    "sgt",
    "gov",
    "sen",
    "rep",
    "st",
    "jr",
    "sr",
    "prof",
    "rev",
    "brig",
    "cmdr",
    "adm",
    "no",
    "vs",
    "inc",
    "ltd",
    "co",
    "corp",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.n",
    "u.k",
)
_ABBREV_SET = frozenset(_ABBREVIATIONS)
_ABBREV_RE = re.compile(r"\b([A-Za-z][A-Za-z.]{0,4})\.(?=\s)")
_SENT_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n|\n(?=\S)"
)
_WS = re.compile(r"[ \t\r\f\v]+")
_PLACEHOLDER = "\u2024"  # one-dot leader keeps offsets and hides abbreviation dots from the splitter


@dataclass
class Document:
    """Cleaned text, its sentences and their start offsets (for mapping regex hits)."""

    text: str
    sentences: list[str]
    starts: list[int] = field(default_factory=list)
    has_title: bool = False

    def sentence_at(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1


def strip_furniture(text: str) -> str:
    text = html.unescape(text)
    text = _FURNITURE_LINE.sub("", text)
    return _MENU_LINE.sub("", text)


def split_sentences(text: str) -> list[str]:
    protected = _ABBREV_RE.sub(
        lambda m: m.group(1) + _PLACEHOLDER if m.group(1).lower() in _ABBREV_SET else m.group(0), text
    )
    out: list[str] = []
    seen: set[str] = set()
    for piece in _SENT_BOUNDARY.split(protected):
        sentence = _WS.sub(" ", piece.replace(_PLACEHOLDER, ".")).strip()
        # Captions and repeated headlines duplicate sentences; one copy is enough evidence.
        if len(sentence) < 3 or sentence.lower() in seen:
            continue
        seen.add(sentence.lower())
        out.append(sentence)
    return out


def build_document(title: str | None, text: str) -> Document:
    sentences: list[str] = []
    if title and title.strip():
        sentences.extend(split_sentences(strip_furniture(title)))
    for sentence in split_sentences(strip_furniture(text)):
        if sentence.lower() not in {s.lower() for s in sentences[:3]}:
            sentences.append(sentence)
    starts: list[int] = []
    offset = 0
    for sentence in sentences:
        starts.append(offset)
        offset += len(sentence) + 1
    has_title = bool(title and title.strip())
    return Document(text="\n".join(sentences), sentences=sentences, starts=starts, has_title=has_title)
