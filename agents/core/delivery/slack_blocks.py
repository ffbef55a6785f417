"""Slack incoming-webhook messages for alerts, built with `slack_sdk` Block Kit models.

Everything is truncated to Slack's limits before `to_dict()` (which would otherwise raise
`SlackObjectFormationError`), with margins so one message's blocks stay well under the ~12k
characters where Slack has been reported to fail. Blocks sit inside a legacy attachment because
that is the only way to keep a colour bar for the level; `text` is always set, as it is the
notification and screen-reader fallback.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from slack_sdk.models.attachments import BlockAttachment
from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from agents.core.models import Alert, Level

LEVEL_COLOURS: dict[Level, str] = {
    Level.CRITICAL: "#D00000",
    Level.HIGH: "#FF8C00",
    Level.MEDIUM: "#FFD100",
    Level.LOW: "#1E88E5",
    Level.INFO: "#9E9E9E",
}

# Slack's hard limits are header 150, section 3000, field 2000, 10 fields, 10 context elements,
# 50 blocks, text 40000. Our budgets are tighter so the sum stays far below ~12k characters.
HEADER_MAX = 150
TEXT_FALLBACK_MAX = 1000
TITLE_MAX = 300
SUMMARY_MAX = 2000
FIELD_MAX = 300
MAX_FIELDS = 10
EVIDENCE_ITEMS = 3
EVIDENCE_ITEM_MAX = 400
CONTEXT_ITEM_MAX = 300
URL_MAX = 2000
DIGEST_MAX_ITEMS = 10
DIGEST_ITEM_MAX = 600
ELLIPSIS = "…"

_PARTIAL_ENTITY = re.compile(r"&[a-z]*$")


def clip(text: str, limit: int) -> str:
    """Cut plain text to `limit` characters, marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def mrkdwn(text: str, limit: int) -> str:
    """Escape for mrkdwn (&, <, >), then cut to `limit` without splitting an entity."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if len(escaped) <= limit:
        return escaped
    return _PARTIAL_ENTITY.sub("", escaped[: limit - 1]) + ELLIPSIS


def _link(url: str | None, label: str) -> str | None:
    # A URL with |, < or > would break Slack's <url|label> syntax; anything odd is left out.
    if not url or len(url) > URL_MAX or not url.startswith(("http://", "https://")):
        return None
    if any(c in url for c in "|<> \n"):
        return None
    return f"<{url}|{mrkdwn(label, 100)}>"


def _event_label(alert: Alert) -> str:
    return alert.event_type.replace("_", " ").capitalize()


def _time(ts: datetime | None) -> str:
    return ts.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if ts else "unknown"


def _nonempty(text: str) -> str:
    return text if text.strip() else "-"


def _casualties(alert: Alert) -> str | None:
    c = alert.casualties
    parts = [f"{n} {label}" for n, label in ((c.killed, "killed"), (c.injured, "injured")) if n is not None]
    return ", ".join(parts) or None


def _places(alert: Alert) -> str | None:
    names = [p.name + (f" ({p.country_code})" if p.country_code else "") for p in alert.entities.places]
    return "; ".join(names) or None


def _target(alert: Alert) -> str | None:
    t = alert.entities.target
    if t is None or not (t.name or t.role):
        return None
    return ", ".join(x for x in (t.name, t.role) if x)


def _sources(alert: Alert) -> str | None:
    names = [o.name for o in alert.sources.outlets] or [alert.article.source or ""]
    shown = ", ".join(n for n in names[:3] if n) or None
    if alert.sources.count <= 1:
        return shown
    more = f" +{len(names) - 3}" if len(names) > 3 else ""
    return f"{alert.sources.count} independent: {shown}{more}"


def _merged(alert: Alert) -> str:
    return f", continues as {alert.merged_into}" if alert.merged_into else ""


def _fields(alert: Alert) -> list[MarkdownTextObject]:
    pairs: list[tuple[str, str | None]] = [
        ("Severity", f"{alert.severity.score}/100"),
        ("Level", alert.severity.level.value),
        ("Place", _places(alert)),
        ("Casualties", _casualties(alert)),
        ("Target", _target(alert)),
        ("Outcome", alert.outcome),
        ("Weapons", ", ".join(alert.entities.weapons) or None),
        ("Confidence", f"{alert.confidence:.0%}"),
        ("Sources", _sources(alert)),
        ("Revision", f"{alert.revision} ({alert.reason.value})" + _merged(alert)),
    ]
    return [
        MarkdownTextObject(text=f"*{name}*\n" + mrkdwn(value, FIELD_MAX - len(name) - 3))
        for name, value in pairs
        if value
    ][:MAX_FIELDS]


def fallback_text(alert: Alert) -> str:
    level = alert.severity.level.value.upper()
    # `text` is mrkdwn too, so it is escaped like the blocks.
    label = _event_label(alert)
    # Story titles already start with the type ("Protest violence: Ibadan (NG)"): once is enough.
    title = alert.title if alert.title.startswith(label) else f"{label}: {alert.title}"
    return mrkdwn(f"[{level}] {title}", TEXT_FALLBACK_MAX)


def alert_blocks(alert: Alert) -> list[Block]:
    level = alert.severity.level.value.upper()
    blocks: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=clip(f"{level} · {_event_label(alert)}", HEADER_MAX))),
        SectionBlock(
            text=MarkdownTextObject(
                text=f"*{mrkdwn(_nonempty(alert.title), TITLE_MAX)}*\n{mrkdwn(alert.summary, SUMMARY_MAX)}"
            )
        ),
        SectionBlock(fields=_fields(alert)),
    ]
    if alert.evidence:
        quotes = [f"> {mrkdwn(e, EVIDENCE_ITEM_MAX)}" for e in alert.evidence[:EVIDENCE_ITEMS]]
        more = len(alert.evidence) - EVIDENCE_ITEMS
        if more > 0:
            quotes.append(f"_+{more} more_")
        blocks.append(SectionBlock(text=MarkdownTextObject(text="*Evidence*\n" + "\n".join(quotes))))
    context = [
        _link(alert.article.url, alert.article.title or "Read the article"),
        f"Detected {_time(alert.detected_at)}",
        f"Published {_time(alert.article_published_at)}" if alert.article_published_at else None,
        mrkdwn(f"Alert {alert.id}", CONTEXT_ITEM_MAX),
    ]
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=c) for c in context if c]))
    return blocks


def _message(text: str, blocks: list[Block], level: Level) -> dict[str, Any]:
    attachment = BlockAttachment(blocks=blocks, color=LEVEL_COLOURS[level], fallback=text)
    return {
        "text": text,
        "attachments": [attachment.to_dict()],
        # Link previews of the article would dwarf the alert.
        "unfurl_links": False,
        "unfurl_media": False,
    }


def slack_message(alert: Alert) -> dict[str, Any]:
    return _message(fallback_text(alert), alert_blocks(alert), alert.severity.level)


def _digest_line(alert: Alert) -> str:
    level = alert.severity.level.value.upper()
    head = f"*{level} {alert.severity.score}* · {_event_label(alert)}: {mrkdwn(alert.title, 200)}"
    details = [x for x in (_places(alert), _casualties(alert)) if x]
    line = head + ("\n" + mrkdwn(" · ".join(details), 250) if details else "")
    link = _link(alert.article.url, "article")
    return line + (f" · {link}" if link and len(line) + len(link) < DIGEST_ITEM_MAX else "")


def slack_digest(alerts: list[Alert]) -> dict[str, Any]:
    """One message for a burst: the most severe alerts first, at most DIGEST_MAX_ITEMS, then "+K more"."""
    if not alerts:
        raise ValueError("a digest needs at least one alert")
    ordered = sorted(alerts, key=lambda a: (a.severity.score, a.detected_at), reverse=True)
    top = ordered[0].severity.level
    counts = ", ".join(
        f"{sum(1 for a in alerts if a.severity.level is lvl)} {lvl.value}"
        for lvl in reversed(Level)
        if any(a.severity.level is lvl for a in alerts)
    )
    text = clip(f"{len(alerts)} alerts ({counts}); top: {fallback_text(ordered[0])}", TEXT_FALLBACK_MAX)
    text = _PARTIAL_ENTITY.sub("", text.removesuffix(ELLIPSIS)) + (
        ELLIPSIS if text.endswith(ELLIPSIS) else ""
    )
    blocks: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=clip(f"{len(alerts)} alerts: {counts}", HEADER_MAX)))
    ]
    for alert in ordered[:DIGEST_MAX_ITEMS]:
        blocks.append(SectionBlock(text=MarkdownTextObject(text=_digest_line(alert))))
    more = len(alerts) - DIGEST_MAX_ITEMS
    if more > 0:
        blocks.append(DividerBlock())
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=f"+{more} more alerts")]))
    return _message(text, blocks, top)


def slack_payload(alerts: list[Alert]) -> dict[str, Any]:
    """What to post for everything pending on one webhook: one message, or a digest."""
    return slack_message(alerts[0]) if len(alerts) == 1 else slack_digest(alerts)


_UPDATE_LABELS: dict[str, str] = {
    "casualties_rose": "Casualties rose",
    "severity_rose": "Severity rose",
    "outcome_changed": "Outcome changed",
    "corroborated": "Confirmed by another outlet",
    "merged": "Same event as another alert",
}


def update_reply(alert: Alert) -> dict[str, Any]:
    """A thread reply for a later revision: what changed, in one line and one section; the parent
    message is edited to the full latest state."""
    label = _UPDATE_LABELS.get(alert.reason.value, "Update")
    details = [
        x
        for x in (
            _casualties(alert),
            f"{alert.severity.level.value} {alert.severity.score}/100",
            f"outcome: {alert.outcome}" if alert.outcome else None,
            _sources(alert),
            f"continues as {alert.merged_into}" if alert.merged_into else None,
        )
        if x
    ]
    text = mrkdwn(f"{label} (revision {alert.revision}): {alert.title}", TEXT_FALLBACK_MAX)
    line = f"*{mrkdwn(label, 100)}* · revision {alert.revision}\n" + mrkdwn(" · ".join(details), SUMMARY_MAX)
    link = _link(alert.article.url, alert.article.source or alert.article.title or "article")
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=line))]
    if link:
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=link)]))
    return {
        "text": text,
        "blocks": [b.to_dict() for b in blocks],
        "unfurl_links": False,
        "unfurl_media": False,
    }
