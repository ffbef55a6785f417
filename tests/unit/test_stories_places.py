"""Place hierarchy for stories: a district the gazetteer lists as a town is its city's."""

from __future__ import annotations

from agents.core.detector import detect
from agents.core.detector.places import gazetteer
from agents.core.models import Article, Event, Place
from agents.core.stories.identity import city_of, main_city
from agents.core.stories.offline import assemble
from tests.unit.test_stories_join import NOW, art, protest


def test_a_district_within_a_much_bigger_city_is_that_city() -> None:
    g = gazetteer()
    assert city_of(g["miraflores"]).name == "Lima"
    assert main_city([Place(name="Ñuñoa", country_code="CL")], "CL") == {"santiago"}


def test_neighbouring_cities_and_capitals_stay_cities() -> None:
    g = gazetteer()
    assert city_of(g["islamabad"]).name == "Islamabad"  # a capital beside a bigger city
    assert city_of(g["callao"]).name == "Callao"  # a city of its own beside Lima
    assert city_of(g["la paz"]).name == "La Paz"


def test_a_report_placed_in_a_district_joins_the_citys_story_and_another_city_does_not() -> None:
    def report(i: str, place: str, hours: float) -> tuple[Article, Event]:
        text = f"Report {i}: witnesses described the scene to reporters."
        return art(i, f"t{i}", text, hours), protest(place, None, 20, country="PE")

    decisions = assemble(
        [report("a", "Lima", 0), report("b", "Miraflores", 6), report("c", "Arequipa", 6)],
        now=lambda a: a.published_at or NOW,
    )
    assert [d.joined for d in decisions] == [False, True, False]


def test_a_place_whose_capital_has_a_diacritic_is_found() -> None:
    events = detect(
        "Students clash with police",
        "Riot police fired tear gas at students protesting fees in Ñuñoa on Thursday; 14 were injured.",
    )
    assert [(p.name, p.country_code) for e in events for p in e.entities.places] == [("Ñuñoa", "CL")]
