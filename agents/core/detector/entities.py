"""Target, weapons and outcome of one event, read from its evidence sentences."""

from __future__ import annotations

import re
from collections.abc import Sequence

from agents.core.detector.casualties import SURVIVED_HURT, TO_DEATH
from agents.core.detector.context import elsewhere
from agents.core.detector.coref import RoleHit
from agents.core.detector.rules import mask, target_roles
from agents.core.detector.scan import anchored
from agents.core.models import Outcome, Target

TIER_ORDER = ("head", "minister", "senior", "local", "leader", "activist")
_ROLE_NORMAL = {
    "pm": "Prime Minister",
    "mp": "Member of Parliament",
    "mps": "Members of Parliament",
    "rep": "Representative",
    "sen": "Senator",
    "state sen": "State Senator",
    "state rep": "State Representative",
}

_NAME_TOKEN = r"(?:[A-Z][\w'\u2019.-]*|(?:al|el|bin|ibn|de|da|van|von|ul|ud)-?[A-Z]?[\w'\u2019-]*)"
_NAME_AFTER = re.compile(r"^[.\u2024]?,?\s+(" + r"[A-Z][\w'\u2019-]*(?:\s+" + _NAME_TOKEN + r"){0,3})")
_NAME_BEFORE = re.compile(
    # "Saad, a judge", "Saad, 61, was the chief justice", "Saad was the chief justice"
    r"([A-Z][\w'\u2019-]+(?:\s+" + _NAME_TOKEN + r"){0,3})(?:,\s+(?:\d{1,3},\s+)?(?:(?:was|is|had been)\s+)?"
    r"|\s+(?:was|is|had been|served as)\s+)(?:a|an|the)\s+[^,;.]{0,70}$"
    # an incident record's "Kesi Amandor, Rural Alliance MP for ...": the party's name, no article
    r"|([A-Z][\w'\u2019-]+(?:\s+" + _NAME_TOKEN + r"){0,3}),\s+(?:[A-Z][\w'\u2019-]+\s+){1,3}$"
)
_STOP_NAME = re.compile(
    r"\b(?:Survives?|Says?|Was|Is|Has|Had|In|On|At|Of|The|And|By|For|Escapes?|Killed|Shot|Attack\w*|Assassinat\w*"
    r"|Party|Province|District|City|Ministry|Minister|Police|Army|Council)\b.*$"
)

WEAPONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(pattern, re.IGNORECASE))
    for label, pattern in (
        ("drone", r"\bdrones?\b"),
        (
            "explosives",
            r"\b(?:bombs?|bomber|bombing|explosives?|explosion|blast|\bieds?\b|grenades?|detonat\w*"
            r"|rockets?|mortars?|rpg|vbied|car bomb|suicide vest|landmine)\b",
        ),
        ("live ammunition", r"\blive (?:ammunition|rounds|bullets|fire)\b"),
        (
            "firearm",
            r"\b(?:gun\w*|shot|shooting|rifles?|pistols?|snipers?|opened fire|fired (?:at|on|upon|shots)"
            r"|bullets?|ak-47s?|gunfire|firearms?)\b",
        ),
        ("knife", r"\b(?:knife|knives|stabb\w+|daggers?|machetes?|blades?|axes?|hacked)\b"),
        ("tear gas", r"\b(?:tear ?gas|teargas|tear-gas)\b"),
        ("water cannon", r"\bwater cannons?\b"),
        ("rubber bullets", r"\b(?:rubber|plastic)(?:-coated)? bullets\b"),
        ("batons", r"\b(?:batons?|lathis?|lathi-charge\w*|truncheons?|clubs|sticks)\b"),
        ("stones", r"\b(?:stones?|rocks)\b"),
        (
            "incendiary",
            r"\b(?:molotov|petrol bombs?|incendiary|set (?:\w+ ){0,3}(?:on )?fire|torch\w*|arson)\b",
        ),
        (
            "vehicle",
            r"\b(?:rammed|ran over|ploughed into|plowed into|drove (?:his |a |the )?(?:car|vehicle|truck))\b",
        ),
        ("poison", r"\b(?:poison\w*|nerve agent|novichok|toxic substance)\b"),
    )
)

_TARGET_REF = r"(?:{ref})"
_UNHARMED = (
    r"\b(?:survived|unharmed|unhurt|uninjured|not (?:harmed|hurt|injured|wounded)|escaped|narrowly|was fine"
    r"|(?:is|was) (?:safe|fine)|failed to (?:detonate|explode|hit)|missed)\b"
)
_PERPETRATOR_FLED = re.compile(
    r"\b(?:attackers?|gunm[ae]n|assailants?|killers?|suspects?|culprits?|perpetrators?|bombers?|assassins?"
    r"|kidnappers?|abductors?)\b[^.;]{0,20}?\b(?:escaped|fled|got away)\b",
    re.IGNORECASE,
)
_FOILED = (
    r"\b(?:foiled|thwarted|prevented|averted|defused|uncovered|disrupted|plot(?:ted|ting)?|conspir\w+"
    r"|(?:apprehended|arrested|detained|intercepted|discovered)\b[^.]{0,40}\b(?:before|prior|planning|plotting))\b"
)
# Someone close to the target, whose death or wounding is theirs, not the target's.
_COMPANION = (
    r"(?:driver|chauffeur|bodyguards?|guards?|aides?|escorts?|assistants?|secretary|wife|husband|son"
    r"|daughter|brother|sister|nephew|passers?-by|bystanders?|civilians?|policem[ae]n|officers?"
    r"|soldiers?|staff)"
)
_KILLED = (
    r"\b(?:killed|assassinated|shot dead|murdered|slain|died|dies|succumbed|gunned down|beheaded"
    r"|" + TO_DEATH + r"|lost (?:his|her) life"
    # (not an aim: "with the intention of killing her")
    r"|(?<!intention of )(?<!intent of )(?<!aim of )killing (?:him|her)\b"
    r"(?! (?:\w+ )?" + _COMPANION + r"\b))\b"
)
_INJURED = (
    r"\b(?:injured|wounded|hurt|hospitali[sz]ed|suffered|(?:shot|hit) in the|sustained"
    r"|(?:struck|hit) by (?:a |an |two |stray )?(?:bullets?|shrapnel|gunfire)"
    r"|(?:wounding|injuring) (?:him|her)\b(?! (?:\w+ )?" + _COMPANION + r"\b))\b"
)
# Someone else's death said right before the verb ("councillor shot, driver killed", "her bodyguard
# was killed"): not the target's fate. Not "X and his driver were killed" (both died): the other
# person is not joined to the target.
_OTHER_DEATH = re.compile(
    r"(?:, ?|['\u2019]s |(?<!\band )\b(?:her|his|their|its|the|a|one|two|three|four|five|six|\d+) )(?:\w+ )?"
    + _COMPANION
    + r"(?: (?:was|were|is|are|has been|have been))?(?: also)? $",
    re.IGNORECASE,
)
_ATTEMPT = re.compile(r"\b(?:attempt\w*|tried|bid|plot)\b", re.IGNORECASE)
_ASSASSINATION_DONE = re.compile(
    r"\bassassinated\b|\b(?:his|her|their|[A-Z][\w-]+(?:'s|\u2019s)) assassination\b|\bassassination of\b",
    re.IGNORECASE,
)


# Each label's pattern, for lower-cased text, tried only where its matches can begin
# (`scan.anchored`), and not at all for the (usual) weapons an article never mentions.
_WEAPONS_LOWER = tuple((label, anchored(pattern.pattern)) for label, pattern in WEAPONS)


def weapons(sentences: list[str]) -> list[str]:
    text = " ".join(sentences)
    lower = text.lower()
    labels = [label for label, pattern in _WEAPONS_LOWER if pattern.search(lower)]
    if "live ammunition" in labels and "firearm" in labels:
        labels.remove("firearm")
    return labels


def _clean_name(raw: str) -> str | None:
    name = _STOP_NAME.sub("", raw).strip(" ,\u2019'")
    return name if name and len(name) > 2 else None


def find_target(
    sentences: list[str], prefer_body: bool = True, roles: Sequence[list[RoleHit]] | None = None
) -> tuple[Target | None, str | None]:
    """Most prominent role in the evidence, with a name next to it when there is one; and its tier.
    `roles`: the role hits of each sentence when the caller has them already (the rule engine does).
    A sentence that tells another event ("came hours after gunmen ambushed Governor X") is read only
    when no other sentence names a role: its person is that event's target, not this one's."""
    hits = [roles[i] if roles is not None else target_roles(mask(s)) for i, s in enumerate(sentences)]
    if any(hits[i] for i, s in enumerate(sentences) if not elsewhere(s)):
        hits = [[] if elsewhere(s) else h for s, h in zip(sentences, hits, strict=True)]
    best: tuple[int, int, str, str | None, str] | None = None  # (tier rank, penalty, role, name, tier)
    for index, sentence in enumerate(sentences):
        penalty = 1 if (prefer_body and index == 0 and len(sentences) > 1) else 0
        for m in hits[index]:
            tier = m.tier
            role = _ROLE_NORMAL.get(m.text.lower(), m.text)
            role = role if role[:1].isupper() else role.title()
            name = None
            after = _NAME_AFTER.match(sentence[m.end :])
            before = _NAME_BEFORE.search(sentence[: m.start])
            if after:
                name = _clean_name(after.group(1))
            if name is None and before:
                name = _clean_name(before.group(1) or before.group(2))
            rank = (TIER_ORDER.index(tier), penalty + (0 if name else 1))
            if best is None or rank < best[:2]:
                # the same person named more fully in a less preferred sentence keeps that name
                keep = best[3] if best is not None and best[0] == rank[0] and _fuller(best[3], name) else name
                best = (rank[0], rank[1], role, keep, tier)
            elif rank[0] == best[0] and _fuller(name, best[3]):
                best = (best[0], best[1], best[2], name, best[4])
    if best is None:
        return None, None
    name = best[3]
    if name and " " not in name:
        # "Calderon, a journalist" -> the full name used elsewhere ("Ricardo Calderon").
        full = re.search(r"\b((?:[A-Z][\w'\u2019-]+\s+){1,3})" + re.escape(name) + r"\b", " ".join(sentences))
        if full and not _STOP_NAME.search(full.group(1)):
            name = (full.group(1) + name).strip()
    return Target(name=name, role=best[2]), best[4]


def _fuller(name: str | None, than: str | None) -> bool:
    """The same person named more fully ("José Ramón Núñez Ibarra" after "Núñez Ibarra")."""
    if not name or not than:
        return False
    mine, theirs = name.split(), than.split()
    return len(mine) > len(theirs) and set(theirs) <= set(mine)


# A fronted participle on the target: "Gunned down after Friday prayers, a lawmaker is buried".
_FRONTED_KILLED = re.compile(
    r"^\W*(?:gunned down|shot dead|" + TO_DEATH + r"|assassinated)\b[^.;:]{0,70},\s",
    re.IGNORECASE,
)


def find_outcome(sentences: list[str], target: Target | None) -> Outcome:
    if any(SURVIVED_HURT.search(s) for s in sentences):  # "survived with arm wounds"
        return "injured"
    refs = []
    if target is not None:
        if target.role:
            refs.append(re.escape(target.role))
            # the abbreviation the text used ("MP" for "Member of Parliament")
            refs.extend(rf"\b{short}\b" for short, full in _ROLE_NORMAL.items() if full == target.role)
        if target.name:
            refs.append(re.escape(target.name.split()[-1]))
    refs.extend((r"\bhe\b", r"\bshe\b"))
    ref = "(?:" + "|".join(refs) + ")"
    text = " ".join(sentences)

    def near(pattern: str) -> bool:
        return bool(
            re.search(ref + r"[^.;]{0,60}?" + pattern, text, re.IGNORECASE)
            or re.search(pattern + r"[^.;]{0,25}?" + ref, text, re.IGNORECASE)
        )

    def killed_near() -> bool:
        # The target before the verb, and no other person's death in between.
        for m in re.finditer(ref + r"([^.;]{0,80}?)" + _KILLED, text, re.IGNORECASE):
            if not _OTHER_DEATH.search(m.group(1)):
                return True
        # "gunmen killed Governor X", not "her bodyguard was killed and X was hurt"
        return bool(re.search(_KILLED + r"(?! and\b)[^.;]{0,25}?" + ref, text, re.IGNORECASE))

    if near(_UNHARMED):
        return "unharmed"
    if killed_near() or any(_FRONTED_KILLED.match(x) for x in sentences):
        return "killed"
    if near(_INJURED):
        return "injured"
    if re.search(_FOILED, text, re.IGNORECASE):
        return "foiled"
    # the attackers' escape is no word on the target's fate ("the gunmen escaped on a motorcycle")
    if re.search(_UNHARMED, _PERPETRATOR_FLED.sub("", text), re.IGNORECASE):
        return "unharmed"
    # "was assassinated", "her assassination by her bodyguards", "the assassination of X": the
    # noun with no attempt, plot or bid anywhere in the evidence is a killing
    if _ASSASSINATION_DONE.search(text) and not _ATTEMPT.search(text):
        return "killed"
    return "unknown"
