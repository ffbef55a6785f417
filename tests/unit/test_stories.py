"""Story assembly: one story per real event across outlets, names, places, days and arrival order."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from agents.core.delivery.webhook_message import event_type_for
from agents.core.models import Article, Casualties, Entities, Event, Level, Place, Severity, Target
from agents.core.stories import Decision, Stories, StoryReason, apply, decide, partition_key
from agents.core.stories.identity import fold, name_tokens, role_key, same_person
from agents.core.stories.offline import assemble

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def attempt(
    name: str | None,
    role: str = "Governor",
    city: str = "Kano",
    killed: int | None = None,
    injured: int | None = 2,
    score: int = 65,
    outcome: str = "unharmed",
) -> Event:
    return Event(
        type="assassination_attempt",
        confidence=0.9,
        severity=Severity(score=score, level=Level.for_score(score)),
        casualties=Casualties(killed=killed, injured=injured),
        evidence=["Gunmen opened fire on the convoy."],
        outcome=outcome,  # type: ignore[arg-type]
        entities=Entities(places=[Place(name=city, country_code="NG")], target=Target(name=name, role=role)),
    )


def protest(
    city: str | None, killed: int | None = None, injured: int | None = 4, score: int = 50, cc: str = "KE"
) -> Event:
    places = [Place(name=city, country_code=cc)] if city else [Place(name="Kenya", country_code=cc)]
    return Event(
        type="protest_violence",
        confidence=0.9,
        severity=Severity(score=score, level=Level.for_score(score)),
        casualties=Casualties(killed=killed, injured=injured),
        evidence=["Police fired tear gas at protesters."],
        entities=Entities(places=places),
    )


# Differently worded reports: outlets do not share ledes unless one copies another.
LEDES = {
    "a": "Security officials confirmed the incident late on Monday after a day of confusion.",
    "b": "Witnesses described chaos as people ran for cover, according to a hospital worker.",
    "c": "The state government said an investigation had begun and promised to publish it.",
    "d": "Opposition figures condemned what they called a grave breach of public order.",
    "e": "Local radio carried the first accounts; the national broadcaster followed hours later.",
}


def art(i: str, text: str = "", hours: float = 0.0, source: str | None = None) -> Article:
    return Article(
        id=i,
        title=f"report {i}",
        text=text or LEDES[i],
        source=source or f"outlet-{i}",
        published_at=NOW + timedelta(hours=hours),
    )


def run(reports: list[tuple[Article, Event]]) -> list:
    return assemble(reports, now=lambda a: a.published_at or NOW)


def ids(decisions: list) -> list[str]:
    return [d.state.story_id for d in decisions]


def test_names_fold_titles_prefixes_and_diacritics() -> None:
    assert name_tokens("Prime Minister Mustafa al-Kadhimi") == ("mustafa", "kadhimi")
    assert name_tokens("Al-Kadhimi") == ("kadhimi",)
    assert fold("José Núñez") == "jose nunez"
    assert same_person(name_tokens("Gov. Amina Bello Okafor"), name_tokens("Governor Amina Bello-Okafor"))
    assert same_person(name_tokens("Kadhimi"), name_tokens("Mustafa Al Kadhimi"))
    assert not same_person(name_tokens("Samuel Adeyemi"), name_tokens("Samuel Okonkwo"))
    assert role_key("Kano State Governor") == "governor"


def test_one_attempt_told_by_several_outlets_over_two_days_is_one_story() -> None:
    reports = [
        (art("a", hours=0), attempt("Governor Amina Bello-Okafor")),
        (art("b", hours=3), attempt("Bello-Okafor", injured=3)),
        (art("c", hours=13), attempt(None, role="Kano State Governor")),  # after midnight, role only
        (art("d", hours=30), attempt("Gov. Amina Bello Okafor", killed=1, injured=3)),
    ]
    decisions = run(reports)
    assert len(set(ids(decisions))) == 1
    assert [d.reason for d in decisions] == [
        StoryReason.FIRST_REPORT,
        StoryReason.CASUALTIES_ROSE,
        StoryReason.CORROBORATED,  # the third independent outlet
        StoryReason.CASUALTIES_ROSE,
    ]
    last = decisions[-1]
    assert last.alert and last.alert.revision == 4 and last.alert.sources.count == 4
    assert dict((f.name, f.value) for f in last.match)["target"] == "same person"


def test_siblings_same_type_country_and_day_stay_apart() -> None:
    decisions = run(
        [
            (art("a"), attempt("Samuel Adeyemi")),
            (art("b", hours=1), attempt("Samuel Okonkwo")),  # a different governor: another event
            (art("c", hours=1), protest("Nairobi")),
            (art("d", hours=2), protest("Mombasa")),  # another city: another protest
            (art("e", hours=3), protest("Nairobi", injured=9)),
        ]
    )
    assert len(set(ids(decisions))) == 4
    assert decisions[4].state.story_id == decisions[2].state.story_id
    assert decisions[4].reason is StoryReason.CASUALTIES_ROSE


def test_a_country_level_report_joins_the_city_story() -> None:
    text = "Police fired tear gas at protesters in the capital on Monday; four were injured."
    decisions = run(
        [(art("a", text), protest("Nairobi")), (art("b", text + " More later.", 2), protest(None))]
    )
    assert len(set(ids(decisions))) == 1


def test_a_wire_copy_is_recognised_and_adds_no_source() -> None:
    text = "Gunmen opened fire on the convoy of Governor Amina Bello-Okafor near Kano on Tuesday evening."
    decisions = run(
        [
            (art("a", text, source="Wire Service"), attempt("Amina Bello-Okafor")),
            (art("b", text, hours=1, source="Daily Paper"), attempt("Amina Bello-Okafor")),
        ]
    )
    copy = decisions[1]
    assert copy.reason is StoryReason.COPY and copy.alert is None
    assert copy.state.copies == 1 and len(copy.state.outlets) == 1


def test_a_replayed_report_changes_nothing() -> None:
    a, e = art("a"), attempt("Samuel Adeyemi")
    first = decide(Stories(), a, e, key=partition_key(e), now=NOW)
    table = Stories()
    apply(table, first)
    again = decide(table, a, e, key=partition_key(e), now=NOW + timedelta(seconds=5))
    assert again.reason is StoryReason.UNCHANGED and again.alert is None
    assert again.state == first.state


def test_decide_leaves_the_table_alone() -> None:
    e = attempt("Samuel Adeyemi")
    table = Stories()
    apply(table, decide(table, art("a"), e, key=partition_key(e), now=NOW))
    before = [s.model_dump() for s in table.stories]
    decide(table, art("b"), attempt("Samuel Adeyemi", killed=2), key=partition_key(e), now=NOW)
    assert [s.model_dump() for s in table.stories] == before


def test_any_arrival_order_gives_one_story_in_the_same_final_state() -> None:
    """Reports of one event reach the stories stage in any order (they are classified on different
    partitions): one story, the same final tolls, level and sources, and the last alert shows them;
    revisions count up from 1 without gaps."""
    reports = [
        (art("a", hours=0), protest("Nairobi", injured=4, score=50)),
        (art("b", hours=1), protest("Nairobi", killed=1, injured=11, score=70)),
        (art("c", hours=2), protest("Nairobi", injured=4, score=50)),
        # Placed only in the country: it joins on what it shares with each report, words of b's
        # and the figures of a and c (time and country alone are not enough: docs/decisions.md,
        # "a report placed only in the country").
        (
            art("d", "Witnesses described the incident to an investigation team.", hours=3),
            protest(None, killed=None, injured=4, score=60),
        ),
    ]
    finals = set()
    for order in itertools.permutations(reports):
        decisions = run(list(order))
        alerts = [d.alert for d in decisions if d.alert is not None]
        assert len(set(ids(decisions))) == 1
        assert [a.revision for a in alerts] == list(range(1, len(alerts) + 1))
        last, final = alerts[-1], decisions[-1].state
        assert last.casualties == Casualties(killed=final.killed, injured=final.injured)
        finals.add((final.killed, final.injured, final.score, final.level, len(final.outlets)))
    assert finals == {(1, 11, 70, Level.HIGH, 4)}


def test_corroboration_raises_confidence_and_is_a_severity_factor() -> None:
    decisions = run([(art(i, hours=n), attempt("Samuel Adeyemi")) for n, i in enumerate("abc")])
    first, third = decisions[0].alert, decisions[2].alert
    assert first and third and third.confidence > first.confidence
    assert next(f for f in third.severity.factors if f.name == "corroboration").value == 3
    assert third.severity.score > first.severity.score


def test_stories_past_the_window_are_closed() -> None:
    decisions = run(
        [(art("a"), attempt("Samuel Adeyemi")), (art("b", hours=24 * 5), attempt("Samuel Adeyemi"))]
    )
    assert len(set(ids(decisions))) == 2


def test_a_template_about_another_person_is_not_a_copy() -> None:
    def text(name: str) -> str:
        return f"Gunmen opened fire on the convoy of Governor Samuel {name} near Kaduna on Tuesday evening."

    decisions = run(
        [
            (art("a", text("Okafor")), attempt("Samuel Okafor")),
            (art("b", text("Mensah")), attempt("Samuel Mensah")),
        ]
    )
    assert [d.reason for d in decisions] == [StoryReason.FIRST_REPORT, StoryReason.FIRST_REPORT]


def test_an_abridged_copy_is_a_copy_in_either_arrival_order() -> None:
    text = (
        "Gunmen opened fire on the convoy of Governor Amina Bello-Okafor near Kano on Tuesday evening,"
        " wounding two guards, police said. The governor was unhurt and was driven to safety."
    )
    short = text.split(" The governor")[0]  # the copy drops the last sentence
    original = (art("a", text, source="Wire Service"), attempt("Amina Bello-Okafor"))
    copy = (art("b", short, hours=1, source="Daily Paper"), attempt("Amina Bello-Okafor"))
    for reports in ([original, copy], [copy, original]):
        final = run(reports)[-1].state
        assert [m.article_id for m in final.members if m.is_copy] == ["b"]  # the later one
        assert final.copies == 1 and [o.name for o in final.outlets] == ["wire service"]


def test_the_capital_places_a_report_in_the_countrys_capital() -> None:
    from agents.core.stories.identity import main_city

    assert main_city([], "SN", "Clashes in the Senegalese capital on Monday left two dead.") == {"dakar"}
    assert main_city([], "BD", "Police fired on workers in Bangladesh's capital.") == {"dhaka"}
    assert main_city([], "KE", "Police fired tear gas in the capital.") == {"nairobi"}
    assert main_city([], "NG", "Lagos, the economic capital, and capital punishment") == set()


def test_a_merge_keeps_the_older_story_and_closes_the_other() -> None:
    # x (Nairobi) and y (country level, 30 h later) have too little in common; z links both.
    x = (art("x", "Police fired tear gas at traders in Nairobi; four were injured.", 0), protest("Nairobi"))
    y = (
        art("y", "Shops at Gikomba market stayed shut after clashes that hurt seven.", 30),
        protest(None, injured=7),
    )
    z = (
        art("z", "Seven traders were hurt at Gikomba market in Nairobi, officials said.", 15),
        protest("Nairobi", injured=7),
    )
    table = Stories()

    def step(report: tuple[Article, Event]) -> Decision:
        return decide(
            table, report[0], report[1], key=partition_key(report[1]), now=report[0].published_at or NOW
        )

    dx = step(x)
    apply(table, dx)
    dy = step(y)
    assert dy.reason is StoryReason.FIRST_REPORT
    apply(table, dy)
    dz = step(z)
    assert dz.state.story_id == dx.state.story_id and dz.absorbed == (dy.state.story_id,)
    assert dz.alert and dz.alert.revision == 2 and dz.alert.sources.count == 3
    assert apply(table, dz) == [dy.state.story_id]
    assert [s.story_id for s in table.stories] == [dx.state.story_id]
    # y's subscribers got its alert.created: its last revision says where the event continues.
    [notice] = dz.notices
    assert (notice.id, notice.revision, notice.reason.value) == (dy.state.story_id, 2, "merged")
    assert notice.merged_into == dx.state.story_id and notice.first_seen_at == dy.state.first_seen_at
    assert notice.sources.count == 3 and notice.casualties.injured == 7  # the merged story's state
    assert dx.notices == dy.notices == ()
    assert event_type_for(notice) == "alert.updated"
