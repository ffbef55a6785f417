"""Synthetic news articles for the benchmarks: 3-5 KB each, about 7 % of them alerting.

Every sentence here is written for this benchmark (no text from any dataset). Articles are built
from paragraph templates with varied names, places and numbers, and are deterministic for a seed.

Alerting articles report a violent protest or an attempt on an official's life. Each one carries
its own past publication day, so every alerting article opens its own story (story keys are
type + anchor + day) and raises exactly one alert whatever order the partitions are read in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import orjson

MIN_BYTES, MAX_BYTES = 3000, 5000

FIRST = (
    "Amara",
    "Daniel",
    "Grace",
    "Tomas",
    "Leila",
    "Victor",
    "Nadia",
    "Samuel",
    "Irene",
    "Pablo",
    "Chen",
    "Mariam",
    "Joseph",
    "Ana",
    "Kofi",
    "Elena",
    "Ravi",
    "Fatima",
    "Oscar",
    "Hana",
    "Lucas",
    "Zainab",
    "Mateo",
    "Priya",
    "Ibrahim",
    "Sofia",
    "Kwame",
    "Lina",
    "Diego",
    "Ayesha",
)
LAST = (
    "Okafor",
    "Mensah",
    "Castillo",
    "Haddad",
    "Rahman",
    "Moreau",
    "Silva",
    "Kariuki",
    "Novak",
    "Tanaka",
    "Osei",
    "Herrera",
    "Nkemelu",
    "Varga",
    "Qureshi",
    "Lindqvist",
    "Adeyemi",
    "Duarte",
    "Petrovic",
    "Bakr",
    "Ferreira",
    "Mwangi",
    "Santos",
    "Iqbal",
    "Andersen",
    "Obi",
    "Reyes",
    "Kowalski",
    "Farouk",
    "Pereira",
)
# Real cities (place names are facts) with their countries.
PLACES = (
    ("Nairobi", "Kenya"),
    ("Lagos", "Nigeria"),
    ("Lima", "Peru"),
    ("Dhaka", "Bangladesh"),
    ("Quito", "Ecuador"),
    ("Accra", "Ghana"),
    ("Manila", "Philippines"),
    ("Bogota", "Colombia"),
    ("Karachi", "Pakistan"),
    ("Kampala", "Uganda"),
    ("Santiago", "Chile"),
    ("Jakarta", "Indonesia"),
    ("Tunis", "Tunisia"),
    ("Colombo", "Sri Lanka"),
    ("Harare", "Zimbabwe"),
    ("Dakar", "Senegal"),
    ("Kathmandu", "Nepal"),
    ("Mombasa", "Kenya"),
    ("Kano", "Nigeria"),
    ("Arequipa", "Peru"),
)
COMPANIES = (
    "Northwind Components",
    "Bluebell Foods",
    "Corvid Systems",
    "Harbourline Shipping",
    "Meridian Textiles",
    "Sunfield Energy",
    "Quarry Hill Cement",
    "Lantern Software",
    "Pinecrest Pharma",
    "Riverbend Motors",
)
TEAMS = ("Rovers", "Athletic", "City", "Wanderers", "United", "Albion", "Harriers", "Rangers")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ROLES = ("Governor", "Mayor", "Senator", "Deputy Governor", "Judge")

# Neutral topics: no violence, no unrest. Each is (titles, paragraphs).
NEUTRAL: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "earnings": (
        (
            "{company} lifts full-year outlook as quarterly revenue climbs {pct} per cent",
            "{company} profit beats forecasts on steady demand in {country}",
        ),
        (
            "{company} reported quarterly revenue of {money} million dollars on {weekday}, up {pct} per cent "
            "from a year earlier, as orders from distributors in {country} held up better than analysts "
            "had expected. The company raised its guidance for the full year and said margins should "
            "improve further once a new plant outside {city} reaches full capacity next spring.",
            "Chief financial officer {name} told analysts on a conference call that input costs had eased "
            "for a second quarter in a row. Freight rates were lower, and the firm had renegotiated "
            "several supply contracts that were signed when prices were at their peak. The savings, "
            "{name2} added, would be split between price cuts for customers and investment in automation.",
            "Shares in the company climbed {pct2} per cent in early trading before settling slightly lower "
            "by the close. Trading volumes were roughly twice the daily average of the past month, and "
            "several brokers lifted their price targets after the figures were published.",
            "The board proposed a dividend of {cents} cents a share and announced a buyback programme "
            "worth up to {money2} million dollars over the next eighteen months. The company had net cash "
            "of about {money3} million dollars at the end of the period, compared with a small net debt "
            "position a year ago.",
            "Analysts at two regional banks said the results showed the benefit of a long effort to reduce "
            "the number of product lines. The company now sells around {num} items, down from more than "
            "twice that figure five years earlier, which has made planning and stock control simpler.",
            "Management repeated that it was looking for acquisitions in neighbouring markets but said it "
            "would stay disciplined on price. No deal was close, {name} said, and any purchase would have "
            "to pay for itself within four years.",
            "The firm employs about {staff} people, most of them in {country}, and expects to add several "
            "hundred positions over the next two years as it expands its logistics centre near {city}.",
        ),
    ),
    "football": (
        (
            "{team} edge {team2} {score} to climb the table",
            "Late winner gives {team} a {score} victory over {team2}",
        ),
        (
            "{team} moved up to {pos}th place in the league table after a {score} win over {team2} on "
            "{weekday} night, with the decisive goal arriving in the {minute}th minute of a tight contest "
            "played in front of a crowd of about {crowd} at the home ground.",
            "The visitors had the better of the opening half hour and forced two good saves from the home "
            "goalkeeper, but they struggled to create much after the break once the hosts changed their "
            "shape and pushed their wide players higher up the pitch.",
            'Coach {name} said afterwards that the squad had shown patience. "We knew the spaces would come '
            'late in the game," {name2} said. "The players kept the ball well and did not panic when the '
            'first chances went begging."',
            "Midfielder {name3} was named player of the match after completing more passes than anyone on "
            "the pitch and setting up the winner with a low cross from the right. It was the {nth} assist "
            "of the season for the academy graduate, who signed a new contract last month.",
            "{team2} remain {pos2}th and have now gone {num} league matches without a win. Their next "
            "fixture is away to the league leaders, while {team} travel to a newly promoted side that has "
            "picked up only a handful of points at home.",
            "The club confirmed that the stadium's north stand will be partly closed for maintenance for "
            "the next two home games, and that season ticket holders in that section will be offered "
            "seats elsewhere in the ground.",
        ),
    ),
    "council": (
        (
            "{city} council approves {money} million budget for roads and libraries",
            "City budget in {city} puts libraries and bus lanes first",
        ),
        (
            "Councillors in {city} approved a budget of {money} million for the coming year on {weekday}, "
            "with most of the new spending going to road resurfacing, longer library opening hours and "
            "a pilot scheme of dedicated bus lanes on three of the busiest routes into the centre.",
            "Finance committee chair {name} said the plan kept property charges flat for a second year "
            "while still allowing the city to repair about {num} kilometres of streets. The committee "
            "had reviewed more than {num2} written submissions from the public before settling the final "
            "figures.",
            "The library service will open on Sunday afternoons at {n_small} branches from next month, and "
            "the council will spend part of the money on new computers and on a mobile library that will "
            "visit outlying districts twice a week.",
            "Transport officials expect the bus lane pilot to cut journey times by around {pct} per cent "
            "at peak hours. The scheme will be reviewed after six months, and the results will decide "
            "whether it is extended to other routes.",
            "Opposition councillors said they supported most of the plan but wanted more money set aside "
            "for park maintenance and for repairs to community halls, several of which have leaking roofs. "
            "An amendment to move {money2} million into those areas was narrowly defeated.",
            "The budget also includes funding for {n_small} new pedestrian crossings near schools and for "
            "an audit of street lighting, which {name2}, the deputy mayor, said was overdue after years of "
            "piecemeal repairs.",
        ),
    ),
    "science": (
        (
            "Researchers in {city} map soil microbes that help crops survive dry spells",
            "New study from {country} links root fungi to higher harvests in dry years",
        ),
        (
            "A team of researchers at the national university in {city} has mapped hundreds of soil "
            "microbes that appear to help maize and beans cope with long dry spells, according to a study "
            "published on {weekday} in a peer-reviewed journal.",
            "The scientists collected samples from {num} farms across {country} over three growing years "
            "and sequenced the genetic material they found around the roots of the plants. Farms whose "
            "soil held a richer mix of certain fungi lost less of their harvest in the driest months.",
            "Lead author {name} said the findings could help farmers choose cover crops and tillage "
            'methods that encourage the helpful organisms. "We are not talking about a miracle product," '
            '{name2} said. "We are talking about looking after something that is already in the ground."',
            "The work was funded by a regional agricultural research council and by a charitable "
            "foundation that supports food security projects. The team now plans field trials on about "
            "{n_small} dozen smallholdings, where half the plots will be managed to encourage the fungi.",
            "Independent soil scientists welcomed the study but noted that the samples came from a limited "
            "range of climates. Results from cooler highland farms could look quite different, one of them "
            "said, and longer trials would be needed before any firm advice is given to growers.",
            "Yields of maize in {country} have varied by as much as {pct} per cent from one year to the "
            "next over the past decade, largely because of uneven rainfall, according to figures from the "
            "agriculture ministry.",
        ),
    ),
    "weather": (
        (
            "Forecasters expect a mild, dry week across {country}",
            "Sunny spell to continue in {city} as temperatures stay above average",
        ),
        (
            "Forecasters said on {weekday} that a ridge of high pressure would keep much of {country} dry "
            "and mild for the rest of the week, with afternoon temperatures in {city} expected to reach "
            "{temp} degrees, a little above the average for the time of year.",
            "Light winds and clear skies are likely to bring cool nights, especially in valleys and on "
            "higher ground, where early morning mist may linger until mid-morning before clearing.",
            "The national weather office said rainfall over the past month had been close to normal in the "
            "south but about {pct} per cent below normal in the north, where water managers have asked "
            "households to use hoses and sprinklers sparingly.",
            "Farmers in the central districts said the dry spell had come at a useful time for the harvest "
            "of early vegetables, and that most growers had finished planting the next crop before the "
            "warm weather arrived.",
            "Meteorologist {name} said a change to more unsettled conditions was possible early next week, "
            "although computer models disagreed about the timing. Coastal areas could see showers from "
            "Monday, while inland areas might stay dry until the middle of the week.",
            "Pollen counts are expected to be high on most days, and the health service advised people "
            "with hay fever to keep windows closed in the early morning and to check daily forecasts.",
        ),
    ),
    "culture": (
        (
            "{city} book fair draws record visitors on its opening weekend",
            "Publishers report brisk sales as {city} book fair opens",
        ),
        (
            "The annual book fair in {city} welcomed about {crowd} visitors over its opening weekend, "
            "organisers said on {weekday}, a record for the event, which this year gave more space to "
            "children's publishers and to writers working in regional languages.",
            "More than {num} publishers from {country} and neighbouring countries took stands in the "
            "exhibition halls, and several reported that sales of cookery and gardening titles had been "
            "particularly strong.",
            "Organiser {name} said the fair had worked with schools to bring in pupils on weekday "
            "mornings, and that reading workshops for younger children had been fully booked within hours "
            "of tickets going on sale.",
            "Translators held a series of talks about bringing poetry from smaller languages to a wider "
            "readership. {name2}, who has translated a dozen collections, said small presses did most of "
            "that work and needed more support from cultural funds.",
            "The fair runs until the end of next week, with free entry on the final day. Organisers hope "
            "to open a second venue in the old railway depot next year to ease queues at the main halls.",
            "Local bookshops said the event brought customers into the city centre, and several cafés near "
            "the exhibition grounds extended their opening hours for the duration of the fair.",
        ),
    ),
}

PROTEST_TITLES = (
    "Police fire tear gas at protesters in {city} over {issue}",
    "{n_inj} injured as police disperse {issue} protest in {city}",
    "Clashes in {city} as security forces break up {issue} demonstration",
)
PROTEST_LEAD = (
    "Police in {city}, {country}, fired tear gas and rubber bullets on {weekday} to disperse thousands "
    "of protesters who had gathered near the parliament building to denounce {issue}.",
    "At least {n_inj} people were injured in the clashes, {source} said, and {n_arr} demonstrators were "
    "arrested. Several of the injured were taken to hospital with breathing problems and wounds from "
    "rubber bullets.",
    "Witnesses said riot police charged the crowd with batons after some protesters threw stones at a "
    "line of armoured vehicles. The violence continued for several hours in side streets near the "
    "central market.",
    "Organiser {name} said the march had been peaceful until officers moved in without warning. A police "
    "spokesman, {name2}, said officers had responded after demonstrators ignored orders to leave.",
)
ISSUES = (
    "fuel price rises",
    "a new sales tax",
    "bread prices",
    "power cuts",
    "a disputed election",
    "pension cuts",
    "rising rents",
    "a ban on street trading",
)
ATTEMPT_TITLES = (
    "Gunmen open fire on convoy of {role} {fullname} near {city}",
    "{role} {fullname} survives ambush near {city}; {n_inj} guards wounded",
    "Attack on {role} {fullname}'s motorcade near {city} leaves {n_inj} wounded",
)
ATTEMPT_LEAD = (
    "Gunmen opened fire on the convoy of {role} {fullname} on {weekday} evening as the official was "
    "returning to {city}, {country}, from a meeting with farmers, police said.",
    "{role} {last} escaped unhurt, but {n_inj} members of the security detail were wounded and taken to "
    "hospital. The attackers fired from a car parked beside the road and fled when the escort fired "
    "back.",
    '"This was a deliberate attempt on the life of the {role_lc}," a police spokesman said, adding that '
    "roadblocks had been set up around the area and that several people were being questioned.",
    "{last}, who has pushed for a crackdown on extortion gangs, later spoke on local radio to thank the "
    "security personnel and asked people in {city} to go about their business calmly.",
)
# Background for alerting articles: no sport, fiction or history words (they veto an article).
BACKGROUND = (
    "The region around {city} has grown quickly over the past decade, and its population is now "
    "estimated at about {num} thousand people. New housing estates have spread along the main highway, "
    "and the local authority has struggled to extend water and sewage networks fast enough.",
    "Economists say household budgets in {country} have been squeezed by higher food and transport costs. "
    "Inflation stood at {pct} per cent last month, according to the statistics office, and wages in the "
    "formal sector have risen more slowly than prices.",
    "The government has promised to publish a plan for public spending in the coming weeks. Officials "
    "say it will include money for road repairs, clinics and school buildings in districts outside the "
    "capital, which have long complained of neglect.",
    "Business groups in {city} said shops in the centre had closed early and that deliveries had been "
    "delayed. The chamber of commerce estimated that traders lost about {money} million in sales over "
    "the day.",
    "Transport operators suspended several bus routes through the centre for the rest of the day and "
    "advised passengers to use alternative services. Rail services were running normally.",
    "Civil society groups called for an independent inquiry and urged the authorities to respect the "
    "right to assemble. The interior ministry said it would review the events and publish its findings.",
)


@dataclass(frozen=True, slots=True)
class BenchArticle:
    id: str
    alerting: bool
    payload: bytes  # the JSON value as produced to the articles topic


def _slots(rng: random.Random) -> dict[str, object]:
    city, country = rng.choice(PLACES)
    team, team2 = rng.sample(TEAMS, 2)
    return {
        "city": city,
        "country": country,
        "weekday": rng.choice(WEEKDAYS),
        "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "name2": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "name3": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "company": rng.choice(COMPANIES),
        "team": team,
        "team2": team2,
        "score": f"{rng.randint(1, 4)}-{rng.randint(0, 1)}",
        "pct": rng.randint(2, 19),
        "pct2": rng.randint(2, 9),
        "money": rng.randint(12, 900),
        "money2": rng.randint(5, 90),
        "money3": rng.randint(20, 400),
        "cents": rng.randint(4, 60),
        "num": rng.randint(30, 400),
        "num2": rng.randint(200, 3000),
        "staff": rng.randint(800, 9000),
        "n_small": rng.randint(3, 12),
        "pos": rng.randint(4, 14),
        "pos2": rng.randint(15, 20),
        "minute": rng.randint(70, 90),
        "crowd": f"{rng.randint(8, 60)},{rng.randint(100, 999)}",
        "nth": rng.choice(("third", "fifth", "seventh", "ninth")),
        "temp": rng.randint(19, 29),
        "issue": rng.choice(ISSUES),
        "n_inj": rng.randint(3, 40),
        "n_arr": rng.randint(5, 80),
        "source": rng.choice(("the Red Cross", "hospital officials", "a local rights group")),
    }


def _fill(
    paragraphs: list[str], pool: tuple[str, ...], s: dict[str, object], rng: random.Random, head: int
) -> str:
    """Add paragraphs from `pool` until the text is 3-5 KB (UTF-8)."""
    target = rng.randint(MIN_BYTES + 300, MAX_BYTES - 400)
    order = list(pool)
    rng.shuffle(order)
    i = 0
    while len("\n\n".join(paragraphs).encode()) < target:
        para = order[i % len(order)].format(**s)
        if i >= len(order):  # a second pass: vary the figures so paragraphs do not repeat verbatim
            s = {**s, **{k: v for k, v in _slots(rng).items() if k not in ("city", "country", "name")}}
            para = order[i % len(order)].format(**s)
        candidate = [*paragraphs, para]
        if len("\n\n".join(candidate).encode()) > MAX_BYTES - 200 and len(paragraphs) > head:
            break
        paragraphs = candidate
        i += 1
    return "\n\n".join(paragraphs)


def make_article(rng: random.Random, article_id: str, *, alerting: bool, day: datetime) -> BenchArticle:
    s = _slots(rng)
    if alerting and rng.random() < 0.5:
        title = rng.choice(PROTEST_TITLES).format(**s)
        lead = [p.format(**s) for p in PROTEST_LEAD]
        text = _fill(lead, BACKGROUND, s, rng, len(lead))
        source = "bench-wire"
    elif alerting:
        last = rng.choice(LAST)
        role = rng.choice(ROLES)
        s = {
            **s,
            "last": last,
            "fullname": f"{rng.choice(FIRST)} {last}",
            "role": role,
            "role_lc": role.lower(),
        }
        title = rng.choice(ATTEMPT_TITLES).format(**s)
        lead = [p.format(**s) for p in ATTEMPT_LEAD]
        text = _fill(lead, BACKGROUND, s, rng, len(lead))
        source = "bench-wire"
    else:
        topic = rng.choice(sorted(NEUTRAL))
        titles, paras = NEUTRAL[topic]
        title = rng.choice(titles).format(**s)
        text = _fill([], paras, s, rng, 0)
        source = f"bench-{topic}"
    record = {
        "id": article_id,
        "title": title,
        "text": text,
        "source": source,
        "url": f"https://news.example.org/{article_id}",
        "published_at": day.isoformat(),
    }
    return BenchArticle(article_id, alerting, orjson.dumps(record))


def generate(
    n: int,
    *,
    seed: int,
    prefix: str,
    alert_share: float = 0.07,
    first_alerting: int = 0,
    last_alerting: int = 0,
    day_offset: int = 0,
) -> list[BenchArticle]:
    """`n` articles; the first `first_alerting` and the last `last_alerting` alert (so the start and
    end of consumption are visible downstream).

    Alerting articles are published a week apart counted back from a fixed date (`day_offset`
    keeps several corpora of one run apart): further apart than a story stays open (72 h), so no
    two of them share a story.
    """
    rng = random.Random(seed)
    base = datetime(2025, 12, 31, 12, 0, tzinfo=UTC)
    out: list[BenchArticle] = []
    k = day_offset
    for i in range(n):
        alerting = i < first_alerting or i >= n - last_alerting or rng.random() < alert_share
        day = base - timedelta(days=7 * k) if alerting else base - timedelta(days=rng.randint(0, 3000))
        if alerting:
            k += 1
        out.append(make_article(rng, f"{prefix}{i:06d}", alerting=alerting, day=day))
    return out
