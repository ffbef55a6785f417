"""Short protest reports of the shape of coder summaries (issue 8, second focus: short protest
recall and false alerts). Written for this file: invented places, no corpus line."""

from __future__ import annotations

import pytest

from agents.core.detector import detect

VIOLENT = [
    "On 12 March, hundreds of students protested in Kavra against tuition fees. Police dispersed them with"
    " batons and arrested 14.",
    "Traders in Molo market protested the demolition of their stalls; one trader was shot dead by police.",
    "Demonstrators in Tarsk were injured when police broke up a rally against the new labour law.",
    "Police used force to break up a sit-in by unpaid teachers outside the education ministry in Benna,"
    " injuring five.",
    "Supporters of the opposition leader threw stones at police in Harl after he was detained; officers"
    " responded with tear gas.",
    "Residents of Dorvo burned a police post after a boy died in custody, and protesters blocked the"
    " highway for hours.",
    "Security forces opened fire on demonstrators in Sarn on Friday, killing three, witnesses said.",
    "Farmers protesting low crop prices clashed with police in Vell; several people were hurt.",
    "A protester died after being hit by a tear gas canister during a march in Lanko.",
    "Police beat and detained dozens of demonstrators who gathered in Liberty Square to denounce the election"
    " result.",
    "Striking dock workers set fire to tyres and fought with riot police at the port gates in Ossa.",
    "Angry youths stoned vehicles and looted shops in Merek during a protest over fuel prices.",
    "Officers fired rubber bullets at a crowd of protesters in Tull, wounding at least 12.",
    "Two demonstrators were killed and dozens injured as troops dispersed an anti-government protest"
    " in Kasha.",
    "Protesters attacked the town hall in Brel with petrol bombs, and seven police officers were injured.",
    "Police violently dispersed a women's march in Oran, detaining 30 and injuring several.",
    "Hundreds of miners protesting unpaid wages were dispersed with water cannon in Teld.",
    "Students occupying the university were evicted by police, who beat several of them with truncheons.",
    "A journalist covering the demonstration was beaten by police in Sarvo.",
    "Clashes broke out between protesters and police in Ludo after a rally against the mine; 20 people were"
    " arrested and four injured.",
    "Nine students were hurt in Parvo, the regional capital, when police broke up a protest over fees.",
    "There were running battles with police in Selm as thousands protested against the new fuel levy.",
    "Marchers and police came to blows outside the town hall in Kesh during a rally over land rights.",
]

NOT_VIOLENT = [
    "Thousands of people marched peacefully through Ardo on Sunday to demand cleaner air.",
    "Police arrested 12 protesters who blocked a motorway in Venn; no injuries were reported.",
    "Nurses staged a sit-in outside the health ministry in Kell, demanding overdue pay.",
    "The government banned a planned rally in Oste, citing security concerns.",
    "Riot police stood guard as hundreds of farmers rallied outside parliament.",
    "Residents protested the killing of a shopkeeper by unknown gunmen, calling for more patrols.",
    "Protesters held a candlelight vigil for the victims of the bus crash in Mira.",
    "Fans clashed with police after the cup final in Doro; 30 were arrested.",
    "Inmates rioted at Kelso prison over poor food, setting mattresses on fire.",
    "Villagers from two clans clashed over grazing land in Tumo, leaving four dead.",
    "Hundreds of lawyers demonstrated in Vasa against a bill on the courts.",
    "Activists protested outside the embassy against the air strikes that killed civilians in the border"
    " region.",
    "The opposition lodged a formal protest over the election results.",
    "A protest against the dam was called off after police warned of violence.",
    "Taxi drivers went on strike in Rello, blocking roads in the city centre.",
    "Shopkeepers in Varn said the week of protests had hurt their business, and marchers vowed to return.",
    "Rebels and government troops fought pitched battles for control of the town of Ambo.",
    "The two opposition leaders traded blows in a televised debate about the protest movement.",
]


@pytest.mark.parametrize("text", VIOLENT, ids=[t[:40] for t in VIOLENT])
def test_protest_violence_in_short_reports(text: str) -> None:
    assert [e.type for e in detect(None, text)] == ["protest_violence"]


@pytest.mark.parametrize("text", NOT_VIOLENT, ids=[t[:40] for t in NOT_VIOLENT])
def test_no_protest_violence_in_short_reports(text: str) -> None:
    assert detect(None, text) == []
