from __future__ import annotations

import json
from typing import Any

import pytest
from slack_sdk.models.blocks import Block

from agents.core.delivery.slack_blocks import (
    LEVEL_COLOURS,
    clip,
    mrkdwn,
    slack_digest,
    slack_message,
    slack_payload,
    update_reply,
)
from agents.core.models import Alert, Level

try:
    from status_table import make_alert
except ImportError:
    from tests.unit.status_table import make_alert

BLOCKS_BUDGET = 12_000


def _blocks(message: dict[str, Any]) -> list[dict[str, Any]]:
    [attachment] = message["attachments"]
    blocks: list[dict[str, Any]] = attachment["blocks"]
    return blocks


def assert_within_slack_limits(message: dict[str, Any]) -> None:
    assert message["text"].strip()
    assert len(message["text"]) <= 40_000
    blocks = _blocks(message)
    assert 1 <= len(blocks) <= 50
    # Round-trip through slack_sdk's models: to_dict() runs its length validators.
    assert [b.to_dict() for b in Block.parse_all(blocks)] == blocks
    for block in blocks:
        if block["type"] == "header":
            assert block["text"]["type"] == "plain_text"
            assert 0 < len(block["text"]["text"]) <= 150
        elif block["type"] == "section":
            assert "text" in block or "fields" in block
            if "text" in block:
                assert 0 < len(block["text"]["text"]) <= 3000
            fields = block.get("fields", [])
            assert len(fields) <= 10
            assert all(0 < len(f["text"]) <= 2000 for f in fields)
        elif block["type"] == "context":
            assert 1 <= len(block["elements"]) <= 10
    assert len(json.dumps(blocks)) < BLOCKS_BUDGET


def _huge_alert(**overrides: Any) -> Alert:
    return make_alert(
        title="T<itle> & " * 500,
        summary="Summary & <b>markup</b> " * 2000,
        evidence=[f"Evidence sentence {i} " * 200 for i in range(60)],
        entities={
            "target": {"name": "N" * 5000, "role": "R" * 5000},
            "places": [{"name": f"Place {i}", "country_code": "IQ"} for i in range(500)],
            "weapons": ["drone"] * 500,
        },
        article={
            "id": "a",
            "title": "A" * 5000,
            "url": "https://news.example/" + "p" * 5000,
            "source": "S" * 5000,
        },
        **overrides,
    )


def test_message_shape_for_the_seed_alert() -> None:
    message = slack_message(make_alert())
    assert (
        message["text"]
        == "[CRITICAL] Assassination attempt: Drone attack on Iraqi prime minister's residence"
    )
    assert message["attachments"][0]["color"] == "#D00000"
    story_titled = slack_message(make_alert(title="Assassination attempt: prime minister (IQ)"))
    assert story_titled["text"] == "[CRITICAL] Assassination attempt: prime minister (IQ)"
    assert message["unfurl_links"] is False
    blocks = _blocks(message)
    assert [b["type"] for b in blocks] == ["header", "section", "section", "section", "context"]
    assert blocks[0]["text"]["text"] == "CRITICAL · Assassination attempt"
    assert blocks[1]["text"]["text"] == (
        "*Drone attack on Iraqi prime minister's residence*\n"
        "An armed drone struck the residence of the prime minister in Baghdad's Green Zone."
    )
    assert [f["text"] for f in blocks[2]["fields"]] == [
        "*Severity*\n91/100",
        "*Level*\ncritical",
        "*Place*\nBaghdad (IQ)",
        "*Casualties*\n0 killed, 7 injured",
        "*Target*\nMustafa al-Kadhimi, Prime Minister",
        "*Outcome*\nunharmed",
        "*Weapons*\ndrone, explosives",
        "*Confidence*\n93%",
        "*Sources*\nnews.example",
        "*Revision*\n1 (first_report)",
    ]
    assert blocks[3]["text"]["text"] == "*Evidence*\n> Seven of his guards were injured in the attack."
    assert [e["text"] for e in blocks[4]["elements"]] == [
        "<https://news.example/pm-drone|Drone hits PM residence>",
        "Detected 2026-11-27 16:38 UTC",
        "Alert ev_7f3a",
    ]
    assert_within_slack_limits(message)


@pytest.mark.parametrize(
    ("level", "score", "colour"),
    [
        (Level.CRITICAL, 95, "#D00000"),
        (Level.HIGH, 70, "#FF8C00"),
        (Level.MEDIUM, 50, "#FFD100"),
        (Level.LOW, 25, "#1E88E5"),
        (Level.INFO, 5, "#9E9E9E"),
    ],
)
def test_colour_per_level(level: Level, score: int, colour: str) -> None:
    message = slack_message(make_alert(severity={"score": score, "level": level}))
    assert message["attachments"][0]["color"] == colour == LEVEL_COLOURS[level]
    assert message["text"].startswith(f"[{level.value.upper()}] ")


def test_huge_alert_fits() -> None:
    message = slack_message(_huge_alert())
    assert_within_slack_limits(message)
    blocks = _blocks(message)
    assert blocks[3]["text"]["text"].endswith("_+57 more_")
    # an absurd URL is dropped rather than broken
    assert not any(e["text"].startswith("<http") for e in blocks[-1]["elements"])


def test_escaping_and_truncation_never_split_an_entity() -> None:
    assert mrkdwn("a < b & c > d", 100) == "a &lt; b &amp; c &gt; d"
    assert mrkdwn("ab<cd", 5) == "ab…"
    assert mrkdwn("abc", 3) == "abc"
    assert clip("abcdef", 4) == "abc…"


def test_empty_summary_and_title_still_valid() -> None:
    message = slack_message(make_alert(title=" ", summary="", evidence=[], entities={}, article={"id": "a"}))
    assert_within_slack_limits(message)
    assert _blocks(message)[1]["text"]["text"] == "*-*\n"


def test_link_with_pipe_is_left_out() -> None:
    alert = make_alert(article={"id": "a", "url": "https://x.example/a|b", "title": "t"})
    context = _blocks(slack_message(alert))[-1]["elements"]
    assert [e["text"] for e in context] == ["Detected 2026-11-27 16:38 UTC", "Alert ev_7f3a"]


def _burst(n: int) -> list[Alert]:
    levels = [(95, Level.CRITICAL), (70, Level.HIGH), (45, Level.MEDIUM), (25, Level.LOW)]
    return [
        make_alert(
            id=f"ev_{i}",
            title=f"Alert {i}",
            severity={"score": levels[i % 4][0] - i % 3, "level": levels[i % 4][1]},
        )
        for i in range(n)
    ]


def test_digest_of_a_small_burst() -> None:
    alerts = _burst(3)
    message = slack_digest(alerts)
    assert_within_slack_limits(message)
    assert message["text"].startswith("3 alerts (1 critical, 1 high, 1 medium); top: [CRITICAL] ")
    assert message["attachments"][0]["color"] == "#D00000"
    blocks = _blocks(message)
    assert blocks[0]["text"]["text"] == "3 alerts: 1 critical, 1 high, 1 medium"
    assert [b["text"]["text"].split("\n")[0] for b in blocks[1:]] == [
        "*CRITICAL 95* · Assassination attempt: Alert 0",
        "*HIGH 69* · Assassination attempt: Alert 1",
        "*MEDIUM 43* · Assassination attempt: Alert 2",
    ]


def test_digest_of_a_huge_burst_lists_the_worst_and_counts_the_rest() -> None:
    alerts = [_huge_alert(id=f"ev_{i}") for i in range(200)] + _burst(4)
    message = slack_digest(alerts)
    assert_within_slack_limits(message)
    blocks = _blocks(message)
    assert len(blocks) == 1 + 10 + 2
    assert blocks[-1]["elements"][0]["text"] == "+194 more alerts"


def test_digest_colour_is_the_highest_level() -> None:
    alerts = [a for a in _burst(4) if a.severity.level is not Level.CRITICAL]
    assert slack_digest(alerts)["attachments"][0]["color"] == "#FF8C00"


def test_payload_chooses_message_or_digest() -> None:
    one = make_alert()
    assert slack_payload([one]) == slack_message(one)
    assert slack_payload(_burst(2)) == slack_digest(_burst(2))
    with pytest.raises(ValueError):
        slack_digest([])


def test_a_merged_revision_replies_where_the_event_continues() -> None:
    reply = update_reply(make_alert(revision=2, reason="merged", merged_into="evt_older"))
    assert reply["text"].startswith("Same event as another alert (revision 2)")
    assert "continues as evt_older" in json.dumps(reply["blocks"])
