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

from agents.core.detector.recase import recase

# A whole line is furniture when it starts like this. Anchored at line start so the same words
# inside a sentence ("he refused to read more than...") are untouched.
_FURNITURE_LINE = re.compile(
    r"^\s*(?:also read|read more|read also|also see|read next|related(?: stories| articles| news)?"
    r"|recommended|don'?t miss|you may also like|more from|more stories|trending|most read|most popular"
    r"|see also"
    # an encyclopedia's cross-reference: "See the article on the Brenn shooting.", "Main article: ..."
    r"|main articles?|see (?:the )?(?:main )?articles? (?:on|about)|further information"
    r"|watch|listen|advertisement|sponsored|subscribe|sign up|follow us|share (?:this|on)"
    r"|click here|please enter your|leave a (?:reply|comment)|post a comment|comments?\b"
    r"|copyright|all rights reserved|©|photo:|image:|file photo|caption:|tags?:|previous article"
    r"|next article|newsletter|log ?in|register)\b.*$"
    # ... a bracketed caption ("[Photo: Marchers pass ...]"), or a numbered headline of a "most read"
    # list: a line with no sentence punctuation after its number ("3. Minister survives shooting")
    r"|^\s*\[(?:photo|image|video|caption)\b.*$|^\s*\d{1,2}\.\s+[^.!?\n]{3,160}$",
    re.IGNORECASE | re.MULTILINE,
)
# A list of links under its heading ("Related" then "\u2022 Police fire tear gas at ..."): every
# bulleted line of the block is another page's headline. Only under such a heading: a bulleted list
# in the body ("What we know: \u2022 Police fired tear gas at the march.") is the article's own.
_FURNITURE_LIST = re.compile(
    r"^[ \t]*(?:also read|read more|read also|also see|read next"
    r"|related(?: stories| articles| news| coverage)?|recommended"
    r"|you may also like|more from [^\n]{0,30}|more stories|more on this story|trending(?: now)?"
    r"|most read|most popular|most viewed|see also|top stories|latest news|editor'?s picks)\b[ \t:]*"
    r"(?:\n[ \t]*(?:[\u2022\u00b7\u25aa\u25ba*\u2013-]|\d{1,2}[.)])[ \t]+[^\n]*"
    # ... or headlines without bullets, a line each (blank lines between): no full stop, no "!"
    r"|\n(?:[ \t]*\n)?[ \t]*[^\s.!][^\n.!]{2,160}(?=\n|\Z))+",
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
    "hon",
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
    "approx",
    "govt",
    "dept",
)
_ABBREV_SET = frozenset(_ABBREVIATIONS)
# A dot followed by white space: the only places an abbreviation can need protecting. A pattern
# that starts with a literal lets `re` skip ahead in C; the word before is read in Python.
_DOT_SPACE = re.compile(r"\.(?=\s)")
_ABBREV_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")
# The end of a sentence: its punctuation, closing quotes and the white space after (only the part
# after the punctuation, group `cut`, is removed), or a blank line, or a line break. Encyclopedia
# citation marks after the punctuation ("oppression.[207] The military") go with the cut.
_SENT_BOUNDARY = re.compile(
    r"[.!?](?P<cut>[\"'\u201d\u2019)\]]*\s+)(?=[\"'\u201c\u2018(\[]?[A-Z0-9])"
    r"|[.!?](?P<cited>(?:\[(?:\d{1,4}|[a-z][\w ]{0,25})\])+\s+)(?=[A-Z][a-z])|(?P<line>\n\s*\n|\n(?=\S))"
)
# Runs of white space to fold into one space (a lone space is left alone: nothing to replace).
_WS = re.compile(r"[ \t\r\f\v]{2,}|[\t\r\f\v]")
_MENU_SEPARATORS = ("|", "\u2022", "\u00bb", "\u203a")
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


# ... or the rest of a line, from a link label with its colon ("... no one was hurt. ALSO READ: Gunmen
# shoot activist"): a page pasted without its line breaks.
_FURNITURE_TAIL = re.compile(
    r"(?<=[.!?\"\u201d])\s+(?:ALSO READ|READ MORE|READ ALSO|ALSO SEE|READ NEXT|RELATED|Also read|Read more"
    r"|Also see|Read next|Related)\s*:.*$",
    re.MULTILINE,
)


# A reference page's apparatus at its end: "== References ==", "Notes", "External links" on a line of
# their own, and everything after (citations, cross-references: "2. See the article on the Brenn
# shooting."). Only in the second half of a text, where such sections stand.
_APPARATUS = re.compile(
    r"^[ \t]*(?:=+[ \t]*)?(?:references|notes|sources|bibliography|further reading|external links|citations"
    r"|footnotes)[ \t]*(?:=+[ \t]*)?$",
    re.IGNORECASE | re.MULTILINE,
)


def strip_furniture(text: str) -> str:
    text = html.unescape(text)
    if "\n" in text:
        apparatus = _APPARATUS.search(text, len(text) // 2)
        if apparatus is not None:
            text = text[: apparatus.start()]
        text = _FURNITURE_LIST.sub("", text)
    text = _FURNITURE_LINE.sub("", text)
    if ":" in text:
        text = _FURNITURE_TAIL.sub("", text)
    if not any(sep in text for sep in _MENU_SEPARATORS):
        return text  # no menu line without a separator; the pattern backtracks at every line
    return _MENU_LINE.sub("", text)


def _protect_abbreviations(text: str) -> str:
    """Hide the dot of "Gen. X", "Dr. Y", "U.S. Z" from the sentence splitter (offsets kept)."""
    pieces: list[str] = []
    last = 0
    for m in _DOT_SPACE.finditer(text):
        end = m.start()
        start = end
        while start > 0 and end - start < 6 and text[start - 1] in _ABBREV_CHARS:
            start -= 1
        word = text[start:end]
        at_word_start = start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")
        if word[:1].isalpha() and at_word_start and word.lower() in _ABBREV_SET:
            pieces.append(text[last:end])
            pieces.append(_PLACEHOLDER)
            last = end + 1
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _split_at_boundaries(text: str) -> list[str]:
    pieces: list[str] = []
    last = 0
    for m in _SENT_BOUNDARY.finditer(text):
        cut = m.span(m.lastgroup or 0)  # each branch holds one named group: the part to cut
        pieces.append(text[last : cut[0]])
        last = cut[1]
    pieces.append(text[last:])
    return pieces


def split_sentences(text: str) -> list[str]:
    protected = _protect_abbreviations(text)
    out: list[str] = []
    seen: set[str] = set()
    for piece in _split_at_boundaries(protected):
        sentence = _WS.sub(" ", piece.replace(_PLACEHOLDER, ".")).strip()
        # Captions and repeated headlines duplicate sentences; one copy is enough evidence.
        if len(sentence) < 3 or sentence.lower() in seen:
            continue
        seen.add(sentence.lower())
        out.append(sentence)
    return out


def normalise(text: str) -> str:
    """The one character whose lower case is longer than itself (U+0130, "İ" -> "i" + a combining
    dot) becomes "I", so every later stage may lower-case a text and keep its offsets."""
    return text.replace("\u0130", "I") if "\u0130" in text else text


def build_document(title: str | None, text: str) -> Document:
    sentences: list[str] = []
    if title and title.strip():
        sentences.extend(split_sentences(strip_furniture(normalise(title))))
    for sentence in split_sentences(strip_furniture(normalise(text))):
        if sentence.lower() not in {s.lower() for s in sentences[:3]}:
            sentences.append(sentence)
    # wire copy in capitals: names are found by their capitals, so give the text ordinary case
    sentences = [recase(s) for s in sentences]
    starts: list[int] = []
    offset = 0
    for sentence in sentences:
        starts.append(offset)
        offset += len(sentence) + 1
    has_title = bool(title and title.strip())
    return Document(text="\n".join(sentences), sentences=sentences, starts=starts, has_title=has_title)
