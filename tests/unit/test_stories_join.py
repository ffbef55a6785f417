"""Join evidence for reports that share little else: a toll one death higher, a headline word."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from agents.core.models import Article, Casualties, Entities, Event, Level, Place, Severity
from agents.core.stories.identity import headline_words
from agents.core.stories.offline import assemble

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
# Ledes that share no uncommon word and stay under the similarity floor.
LEDE_CITY = "Riot police dispersed marchers with batons near the central bus terminal, witnesses told us."
LEDE_COUNTRY = "The cabinet met in emergency session and later promised compensation for the families."


def protest(city: str | None, killed: int | None, injured: int | None, country: str = "BO") -> Event:
    """A protest report placed in `city` (None: only in Bolivia, the country)."""
    place = Place(name=city or "Bolivia", country_code=country)
    return Event(
        type="protest_violence",
        confidence=0.9,
        severity=Severity(score=50, level=Level.for_score(50)),
        casualties=Casualties(killed=killed, injured=injured),
        evidence=["Police fired tear gas at protesters."],
        entities=Entities(places=[place]),
    )


def art(i: str, title: str, text: str, hours: float) -> Article:
    return Article(
        id=i, title=title, text=text, source=f"outlet-{i}", published_at=NOW + timedelta(hours=hours)
    )


def joined(first: tuple[Article, Event], second: tuple[Article, Event]) -> bool:
    later = max(first[0].published_at, second[0].published_at)  # type: ignore[type-var]
    return assemble([first, second], now=lambda _: later)[1].joined


def test_a_later_report_one_death_higher_with_the_same_injured_joins() -> None:
    city = (art("a", "Clashes in La Paz", LEDE_CITY, 0), protest("La Paz", 2, 40))
    country = (art("b", "Government statement", LEDE_COUNTRY, 8), protest(None, 3, 41))
    assert joined(city, country) and joined(country, city)


def test_one_death_fewer_later_or_small_figures_are_no_such_evidence() -> None:
    # Tolls rise: the later report with one death fewer does not count as the same toll told later.
    falling = (art("b", "Government statement", LEDE_COUNTRY, 8), protest(None, 1, 41))
    assert not joined((art("a", "Clashes in La Paz", LEDE_CITY, 0), protest("La Paz", 2, 40)), falling)
    # Three injured on both sides agree by chance too often.
    small = (art("b", "Government statement", LEDE_COUNTRY, 8), protest(None, 1, 3))
    assert not joined((art("a", "Clashes in La Paz", LEDE_CITY, 0), protest("La Paz", 0, 3)), small)
    # Two deaths more is another stage or another event: not this rule.
    jump = (art("b", "Government statement", LEDE_COUNTRY, 8), protest(None, 4, 41))
    assert not joined((art("a", "Clashes in La Paz", LEDE_CITY, 0), protest("La Paz", 2, 40)), jump)


def test_a_word_both_headlines_use_joins_a_country_level_report() -> None:
    # 14 hours apart, one lede word in common ("pensions") is not enough; the headlines agreeing is.
    lede_city, lede_country = LEDE_CITY + " Pensions.", LEDE_COUNTRY + " Pensions."
    city = (
        art("a", "Tear gas as La Paz pensions march turns violent", lede_city, 0),
        protest("La Paz", None, 18),
    )
    same = (art("b", "Bolivia defends police after pensions protest", lede_country, 14), protest(None, 2, 40))
    other = (art("c", "Bolivia defends police after miners' protest", lede_country, 14), protest(None, 2, 40))
    assert joined(city, same) and joined(same, city)
    assert not joined(city, other) and not joined(other, city)


def test_headline_words_leave_out_places_demonyms_and_furniture() -> None:
    assert headline_words("Tear gas as La Paz fuel march turns deadly") == frozenset({"fuel"})
    assert headline_words("Bolivian police clash with miners in Bolivia") == frozenset({"miners"})
    assert headline_words(None) == frozenset()


def test_the_join_window_is_a_setting() -> None:
    # The same pair 30 h apart (the same figures, city and headline word): joined within the
    # default 72 h, two stories with a 24 h window.
    first = (art("a", "La Paz fuel protest", LEDE_CITY, 0), protest("La Paz", 2, 40))
    later = (art("b", "La Paz fuel protest toll", LEDE_CITY, 30), protest("La Paz", 2, 40))
    at = lambda _: NOW + timedelta(hours=30)  # noqa: E731
    assert assemble([first, later], now=at)[1].joined
    assert not assemble([first, later], now=at, window=timedelta(hours=24))[1].joined


def test_the_countrys_name_is_no_word_two_reports_share() -> None:
    from agents.core.stories.identity import nation_word

    assert nation_word("bolivia") and nation_word("bolivian") and nation_word("peruvian")
    assert not nation_word("fuel") and not nation_word("growers")
    # Both ledes say "Bolivia" and "blockade": only the blockade counts as a word of what happened.
    city = (
        art("a", "Clashes at La Paz blockade", "Police in Bolivia cleared a blockade near La Paz.", 0),
        protest("La Paz", 0, 12),
    )
    country = (
        art("b", "Growers' blockade cleared", "Growers in Bolivia said police cleared their blockade.", 2),
        protest(None, 0, 12),
    )
    decisions = assemble([city, country], now=lambda _: NOW + timedelta(hours=2))
    [text] = [f.value for f in decisions[1].match if f.name == "text"]
    assert "blockade" in str(text) and "bolivia" not in str(text)
