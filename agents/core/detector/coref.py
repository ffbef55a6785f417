"""Who an attack's victim is when the attack sentence does not say: names and roles reached by
coreference. A surname given in full earlier ("Ilse Varga", then "Varga"), a role given in
apposition or by a predicate ("Brenner, 47, was a member of parliament", "appointed her minister"),
a role sentence that refers back to the victim ("the victim was a local councillor"), and the
text's subject (named often, first in the lead). Split from the rule engine (`rules.py`), which
asks these questions while it binds an attack to its target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from agents.core.detector.mentions import VICTIM_WHEN, victim_bound
from agents.core.detector.text import Document


@dataclass(frozen=True)
class RoleHit:
    """A role mention that can be a victim; offsets are inside its sentence."""

    tier: str
    start: int
    end: int
    text: str


class Analysis(Protocol):
    """What these questions read of the rule engine's `rules.Analysis` (which imports this module)."""

    @property
    def doc(self) -> Document: ...
    @property
    def _surnames(self) -> dict[int, frozenset[str]]: ...
    def introduced_at(self, name: str) -> int | None: ...
    def masked(self, index: int) -> tuple[str, str]: ...
    def roles_at(self, index: int) -> list[RoleHit]: ...


class Candidate(Protocol):
    """What they read of `rules.Candidate`: the attack's own sentences and its introductions."""

    @property
    def core(self) -> frozenset[int]: ...
    @property
    def context(self) -> frozenset[int]: ...


# a quoted nickname may stand between first name and surname: Ernesto "Boy" Macaraeg
# Capitals and small letters, with the accented ones of Latin-1: "Rosalía Ibarra", "Ángel Ruiz".
_CAP = "[A-Z\u00c0-\u00d6\u00d8-\u00de]"
_LOW = "[a-z\u00df-\u00f6\u00f8-\u00ff]"
_NAME_RE = re.compile(
    r"\b" + _CAP + _LOW + r"+(?: [\"\u201c][A-Z][\w.-]{0,14}[\"\u201d])?"
    r"(?:[- ](?:al-|el-|bin |de |van )?" + _CAP + r"[\w'\u2019-]+)+"
)


def _has_name(analysis: Analysis, index: int) -> bool:
    sentence = analysis.doc.sentences[index]
    # Skip the first word: sentence-initial capitals are not evidence of a name.
    return any(m.start() > 0 for m in _NAME_RE.finditer(sentence))


# "The victim was a local councillor", "the target of the attack was the governor": the role
# sentence refers back to the attack's victim.
VICTIM_REF = re.compile(
    r"\b(?:the|its|their) (?:victims?|targets?|intended targets?|deceased)\b|\btargets? includ(?:ing|ed)\b"
    r"|\b(?:body|bodies) of\b|\bfound dead\b"
)
# "The gunman, Ali Musa, ...": a name given to the attacker is no coreference to a victim; "gunmen
# shot Ali Musa" names the victim (the act's verb stands between).
PERPETRATOR = re.compile(
    r"\b(?:gunm[ae]n|attackers?|assailants?|bombers?|shooters?|suspects?|perpetrators?|killers?|assassins?"
    r"|sympathi[sz]ers?|militants?)\b(?:(?!\b(?:shot|shoot\w*|kill(?:ed|ing)?|stabb\w+|attack(?:ed|ing)"
    r"|ambush(?:ed|ing)|murder(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|fired|opened|abduct(?:ed|ing)"
    r"|kidnap\w*|target(?:ed|ing)|gunned|assassinat\w+|hacked|beat|struck)\b)[^.;]){0,25}$",
    re.IGNORECASE,
)
# Sentence-initial capitals that start a phrase, not a name ("The Governor", "In Lagos").
NOT_A_FIRST_NAME = re.compile(
    r"(?:The|A|An|In|On|At|By|For|From|With|After|Before|During|When|While|Police|Security|Gunmen|Unknown"
    r"|Armed|Suspected|Local|State|Officials?|Witnesses|Government|President|Prime|Minister|Mr|Mrs|Ms|Dr)\b"
)
_SURNAME = re.compile(_CAP + r"[\w'\u2019-]{2,}$")
# A capitalised word standing alone in a sentence: a surname once the text has given it in full.
_LONE_NAME = re.compile(r"(?<![\w'\u2019-])" + _CAP + _LOW + r"[\w-]+")


def victim_surnames(analysis: Analysis, first: int) -> frozenset[str]:
    """Surnames of the people whom sentence `first` names as the victim of its act (memoised)."""
    cached = analysis._surnames.get(first)
    if cached is None:
        cached = analysis._surnames[first] = frozenset(_read_victim_surnames(analysis, first))
    return cached


def _surnames(sentence: str) -> set[str]:
    """Every surname the sentence names (a cheap first look, before asking who was the victim)."""
    return {
        m.group(0).split()[-1]
        for m in _NAME_RE.finditer(sentence)
        if (m.start() > 0 or not NOT_A_FIRST_NAME.match(m.group(0)))
        and _SURNAME.match(m.group(0).split()[-1])
    }


def _surnames_of(name: str) -> list[str]:
    """The surnames a full name can be called by later: the last word, and for three words or more
    the one before it too ("Federico Ibarra Solís" is "Ibarra" in the next paragraph)."""
    words = name.split()
    out = [w for w in words[-1:] if _SURNAME.match(w)]
    if len(words) >= 3 and _SURNAME.match(words[-2]) and words[-2][:1] not in '"\u201c':
        out.append(words[-2])
    return out


def named_in(analysis: Analysis, index: int) -> set[str]:
    """The surnames sentence `index` names: with a first name, or alone once the text gave both."""
    sentence = analysis.doc.sentences[index]
    names = _surnames(sentence)
    for m in _LONE_NAME.finditer(sentence):
        name = m.group(0)
        if name not in names and _SURNAME.match(name):
            at = analysis.introduced_at(name)
            if at is not None and at < index:
                names.add(name)
    return names


def _name_spans(analysis: Analysis, index: int) -> list[tuple[str, int, int]]:
    sentence = analysis.doc.sentences[index]
    spans = [
        (surname, m.start(), m.end())
        for m in _NAME_RE.finditer(sentence)
        if (m.start() > 0 or not NOT_A_FIRST_NAME.match(m.group(0)))
        for surname in _surnames_of(m.group(0))
    ]
    taken = {name for name, _, _ in spans}
    for m in _LONE_NAME.finditer(sentence):
        name = m.group(0)
        if name not in taken and _SURNAME.match(name):
            at = analysis.introduced_at(name)
            if at is not None and at < index:
                spans.append((name, m.start(), m.end()))
    return spans


# The person in the vehicle the act struck: "a bomb ... detonated beside the second car, in which
# Maskel was travelling".
_IN_THE_VEHICLE = re.compile(
    r"\b(?:car|vehicle|suv|jeep|van|convoy|motorcade|helicopter|plane|boat|truck),? (?:in|on) which\s+$"
)


def _read_victim_surnames(analysis: Analysis, first: int) -> set[str]:
    sentence = analysis.doc.sentences[first]
    lower = analysis.masked(first)[1]
    told_next = _named_next(analysis, first, lower)
    if told_next:
        return told_next  # "The victim, X Y, ...": decisive, whatever place names the lead holds
    named = {
        name
        for name, start, end in _name_spans(analysis, first)
        if not PERPETRATOR.search(sentence[max(0, start - 40) : start])
        # the named person is the one the act was done to, as a role would have to be, or the one
        # doing something when the attackers struck ("X was stepping out of her car when two men
        # on a motorcycle fired eleven shots")
        and (
            victim_bound(lower, [(start, end)])
            or VICTIM_WHEN.match(lower, end) is not None
            or _IN_THE_VEHICLE.search(lower, max(0, start - 40), start) is not None
        )
    }
    if named:
        return named
    pronoun = PRONOUN_VICTIM.search(lower)
    if pronoun is None:
        return set()
    antecedent = _antecedent(analysis, first, pronoun.start())
    return {antecedent} if antecedent else set()


# A lead that shoots "a 41-year-old man" and a next sentence that names him ("The victim, Rafael
# Quintero Abad, had stopped to buy bread"; "Police identified the dead man as ..."): wire copy's
# way of telling an attack before its victim, an explicit coreference.
_ANON_VICTIM = re.compile(
    r"\b(?:shot dead|gunned down|shot and killed|stabbed to death|killed|murdered|shot)\s+an?\s+"
    r"(?:[\w-]+\s+){0,2}?(?:man|woman)\b"
)
_NAMED_NEXT = re.compile(
    r"^[Tt]he (?:victim|dead (?:man|woman)|murdered (?:man|woman)|slain (?:man|woman)), "
    r"(?P<a>[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){1,3}),"
    r"|\bidentified (?:him |her |the (?:victim|dead (?:man|woman)|man|woman) )?as "
    r"(?P<b>[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){1,3})\b"
)


NAMED_NEXT_REACH = 4  # sentences after an attack on "a 47-year-old man" where he may be named


def _named_next(analysis: Analysis, first: int, lower: str) -> set[str]:
    sentences = analysis.doc.sentences
    if first + 1 >= len(sentences) or _ANON_VICTIM.search(lower) is None:
        return set()
    # the next sentence, or one of the few after it that go on with the attack ("The victim was hit
    # by at least six shots ... Police identified the victim as Ramiro Estell Quiroga.")
    for j in range(first + 1, min(len(sentences), first + 1 + NAMED_NEXT_REACH)):
        m = _NAMED_NEXT.search(sentences[j])
        if m is not None:
            return set(_surnames_of(m.group("a") or m.group("b")))
    return set()


# The act done to "him" or "her": "walked up behind him and shot him", "stabbed her in the neck",
# "he was confronted on the staircase and shot several times".
PRONOUN_VICTIM = re.compile(
    r"\b(?:shot|stabbed|attacked|killed|wounded|injured|poisoned|ambushed|murdered|strangled|struck|hitting"
    r"|shoots|stabs|attacks|kills"
    r"|assaulted|gunned down|knifed|fired (?:\w+ ){0,4}?(?:at|on|into)|opened fire on)"
    r"(?: (?:and|then) (?:\w+ )?(?:killed|wounded|injured))? (?:him|her)\b"
    # the aim told: "with the intention of killing her", "tried to kill him"
    r"|\b(?:intention of|intent to|tried to|trying to|attempt to|meant to|intended to) (?:kill|killing|murder"
    r"|murdering|poison|poisoning) (?:him|her)\b"
    r"|\b(?:he|she) (?:was|had been|has been) [\"'\u2018\u201c]?(?:(?!\w+ing\b)[\w,]+ ){0,4}?(?:shot|stabbed"
    r"|killed|wounded"
    r"|injured|poisoned|attacked|ambushed|murdered|gunned down|struck)\b"
    # the poison found in the victim: "found thallium in his blood", "the poison had been placed in her cup"
    r"|\b(?:thallium|polonium|novichok|ricin|cyanide|arsenic|poison|nerve agent|toxins?|organophosphates?"
    r"|(?:toxic|poisonous|foreign) substances?)\b[^.;]{0,80}?"
    r"\b(?:in|into|to) (?:his|her) (?:blood|cup|glass|tea|food|drink|body|hair|urine|system|meal)\b"
    # "blood tests had found a rare nerve agent": in the person just named
    r"|\bblood tests? (?:had |have )?(?:found|showed|revealed|detected) (?:a |an |traces of )?"
    r"(?:[\w-]+ ){0,2}?(?:nerve agent|toxin|poison|thallium|polonium|novichok|ricin|cyanide|arsenic"
    r"|organophosphate|pesticide|rat poison|strychnine)\b"
)
ANTECEDENT_REACH = 2  # sentences back where "him" or "her" may have been named
# A capitalised name ending in one of these is a place or a body, never the "him" or "her" of an
# attack ("doctors at Ravno University Hospital said blood tests had found a nerve agent").
_INSTITUTION = re.compile(
    r"\b(?:Hospital|Clinic|University|College|School|Institute|Alliance|Party|Front|Movement|Union|League"
    r"|Congress|Council|Assembly|Parliament|Court|Ministry|Department|Office|Agency|Commission|Committee"
    r"|Association|Police|Army|Guard|Forces?|Service|Company|Bank|Group|Church|Cathedral|Mosque|Temple"
    r"|Street|Road|Avenue|Square|Bridge|Station|Airport|Market|Hotel|Stadium|Hall|Province|District"
    r"|Region|County|State|Republic|City|Valley)$"
)


def _antecedent(analysis: Analysis, index: int, before: int) -> str | None:
    """Whom "him" or "her" names: of the people named in this sentence (before the pronoun) and the
    two before it, the one the text names most often (its protagonist), the latest on ties; never
    one named as the attacker."""
    text = analysis.doc.text
    found: list[tuple[int, int, str]] = []
    for j in range(max(0, index - ANTECEDENT_REACH), index + 1):
        sentence = analysis.doc.sentences[j]
        for name, start, end in _name_spans(analysis, j):
            if (j == index and start >= before) or _INSTITUTION.search(sentence[start:end]):
                continue
            if PERPETRATOR.search(sentence[max(0, start - 40) : start]):
                continue
            found.append((text.count(name), j * 10_000 + start, name))
    return max(found)[2] if found else None


def shares_name(analysis: Analysis, first: int, second: int) -> bool:
    """`second` names again (by surname) a person whom `first` names as the victim of its act: an
    explicit coreference ("Gunmen shot Ali Musa ... Musa, a judge, ...")."""
    other = analysis.doc.sentences[second]
    names = victim_surnames(analysis, first)
    return any(re.search(r"\b" + re.escape(name) + r"\b", other) for name in names)


# Between a surname and the role it is given: "Brenner, 47, was a member of parliament",
# "Musa, a judge,", "Vance, who had been mayor since 2019,".
_APPOSITION = re.compile(
    r"^(?:,\s*(?:\d{1,3}|aged \d{1,3}))?\s*(?:,\s*(?:who\s+)?(?:(?:at (?:that|the) time|then|by then),?\s+)?"
    # "Dr Ruta Venn, the archaeologist who has become the region's best-known campaigner"
    r"(?:(?:the|an?)\s+[\w'\u2019-]+\s+who\s+(?:has |had )?(?:become|became|is|was|been)\s+)?"
    r"|(?:,\s*)?(?:who\s+)?(?:was|is|had been"
    r"|has been|served as|serves as|has served as|became"
    r"|(?:had |has )?(?:worked|served) (?:for [\w ]{1,25}? )?as)"
    r"\s+)(?:(?:was|is|had been|has been|served as|serves as|has served as|became)\s+)?"
    # "an investigative reporter", "the long-serving district governor": a word or two before the role
    r"(?:(?:an?|the|his|her)\s+(?:[\w'\u2019-]+\s+){0,3}?)?"
    r"(?:(?:former|senior|local|veteran|longtime|long-serving|serving|deputy|elected|municipal|provincial"
    r"|regional|district|state|city|town|village|county|federal|national)\s+){0,2}$"
)
FIRST_NAME_BEFORE = re.compile(r"\b(" + _CAP + _LOW + r"+) (?:[\"\u201c][A-Z][\w.-]{0,14}[\"\u201d] )?$")


_HONORIFIC = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Madam", "Mme", "Herr", "Frau"})


def _first_name(sentence: str, surname: str) -> str | None:
    m = re.search(r"\b(" + _CAP + _LOW + r"+) " + re.escape(surname) + r"\b", sentence)
    # ("Ms Samadi" gives no first name: the honorific is no other person's)
    return m.group(1) if m and m.group(1) not in _HONORIFIC else None


COREF_REACH = 8  # sentences: how far a named victim's role may come from the attack sentence
LEAD_SENTENCES = 2  # the headline and the first sentence or two: where a text introduces its subject


def named_role(analysis: Analysis, anchor: int, other: int) -> bool:
    """`other` gives the role of the person the attack sentence named as its victim, in
    apposition to the surname: the victim named first and the role a few sentences later."""
    if anchor == 0 and analysis.doc.has_title:
        return False
    surnames = victim_surnames(analysis, anchor)
    if not surnames:
        return False
    case = analysis.masked(other)[0]
    roles = analysis.roles_at(other)
    anchor_text = analysis.doc.sentences[anchor]
    for name in surnames:
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", case):
            first = FIRST_NAME_BEFORE.search(case, 0, m.start())
            if first is not None and _first_name(anchor_text, name) not in (None, first.group(1)):
                continue  # "his widow, Ada Brask, served as ...": another person of that name
            after = [r for r in roles if r.start >= m.end()]
            if after and _APPOSITION.match(case[m.end() : min(after, key=lambda r: r.start).start]):
                return True
            # a title before the name: "President Mathieu Agbossou", "opposition leader Ana Roe"
            if any(_TITLE_GAP.match(case[r.end : m.start()]) for r in roles if r.end <= m.start()):
                return True
    return False


# ... or the role in apposition before the name: "The mayor, Joaquín Ferrer Lluch, is ..."
_TITLE_GAP = re.compile(
    # (an age may stand between: "the governor, 58-year-old Teodor Maskel")
    r"^,?\s+(?:\d{1,3}-year-old\s+)?(?:(?:[A-Z][\w'\u2019.-]+|[\"\u201c][^\"\u201d]{1,15}[\"\u201d])\s+){0,3}$"
)


# A role given to the text's subject by a pronoun or a predicate, not in apposition: "the prime
# minister appointed her minister of justice", "As minister she ...", "she became mayor in 2010".
_PREDICATED_ROLE = re.compile(
    # (a biography's dates in brackets: "Karin Ost (born 1970) is a Swedish politician")
    r"(?:\b(?:she|he|{name})(?:,[^,.;]{{1,30}},|\s*\([^()]{{1,40}}\))?\s+(?:was|became|served as|had been"
    r"|is|has been"
    r"|(?:was|is) serving (?:his|her) (?:\w+ )?(?:term|mandate) as)\s+(?:(?:appointed|elected|named"
    r"|made|sworn in)\s+)?(?:as\s+)?(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,2}}?"
    r"|\b(?:appointed|named|made|elected)\s+(?:her|him|{name})\s+(?:as\s+)?(?:(?:the|an?)\s+)?"
    r"|^as\s+)$"
)
SUBJECT_MENTIONS = 3  # a person named this often, first in the lead, is the text's subject


def subject_names(analysis: Analysis, anchor: int) -> list[str]:
    """The victims of sentence `anchor` who are the text's subject (introduced in the lead, named
    `SUBJECT_MENTIONS` times or more)."""
    text = analysis.doc.text
    out = []
    for name in sorted(victim_surnames(analysis, anchor)):
        at = analysis.introduced_at(name)
        if at is not None and at <= LEAD_SENTENCES and text.count(name) >= SUBJECT_MENTIONS:
            out.append(name)
    return out


def subject_role(analysis: Analysis, anchor: int, other: int) -> bool:
    """`other` gives a role to the person the attack names as its victim when that person is the
    text's subject (introduced in the lead, named again and again): an encyclopedia section about a
    minister's career tells the attack on "Obrel" paragraphs after "the prime minister appointed her
    minister of justice", or after the attack, "For four years he had been the magistrate ..."."""
    for name in subject_names(analysis, anchor):
        pattern = re.compile(_PREDICATED_ROLE.pattern.format(name=re.escape(name.lower())))
        lower = analysis.masked(other)[1]
        if any(pattern.search(lower[: r.start]) for r in analysis.roles_at(other)):
            return True
    return False


def context_name(analysis: Analysis, candidate: Candidate) -> str | None:
    """The full name an introduction (`Candidate.context`) gives the attack's victim."""
    names: set[str] = set()
    for i in candidate.core:
        names |= victim_surnames(analysis, i)
    for i in sorted(candidate.context):
        sentence = analysis.doc.sentences[i]
        for m in _NAME_RE.finditer(sentence):
            if m.group(0).split()[-1] in names:
                return m.group(0)
    return None


def context_roles(analysis: Analysis, candidate: Candidate, index: int) -> list[RoleHit]:
    """The roles an introduction (`Candidate.context`) gives the attack's victim, not every role it
    names ("the president appointed her minister": minister, not president)."""
    names: set[str] = set()
    for i in candidate.core:
        names |= victim_surnames(analysis, i)
    case, lower = analysis.masked(index)
    kept = []
    for role in analysis.roles_at(index):
        for name in names:
            pattern = re.compile(_PREDICATED_ROLE.pattern.format(name=re.escape(name.lower())))
            appositive = any(
                _APPOSITION.match(case[m.end() : role.start])
                for m in re.finditer(r"\b" + re.escape(name) + r"\b", case[: role.start])
            )
            if appositive or pattern.search(lower[: role.start]):
                kept.append(role)
                break
    return kept
