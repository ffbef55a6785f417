"""Document stage: which candidate events the article reports as its own, one type per mention.

The rule engine (`rules.find_candidates`) finds, per event type, the sentences that could raise
it. This stage looks at the candidates of one article together and decides, with a reason:

- *abstain*: in a long article (25 sentences or more), or in a news report of any length, one weak
  mention (no strong cue) outside the lead is a passing reference, not the article's news; a type
  raised by the headline alone, which the body nowhere tells, is not the body's news;
- *background*: when the lead recalls an event of the type before any mention ("on the anniversary
  of", "the trial of the man accused of") and every mention further down is dated or refers back
  to it ("the riots", "the attack"), the article is about something else; a dated sentence that
  narrates the event is otherwise kept (main subject, not date);
- *the target makes the type*: a sentence where a role is the victim of the act (and no police or
  troops fired) is the attempt's, not the crowd's;
- *one mention, one type*: the leading type is the one in the headline or first sentence, else the
  one with more strong cues and mentions; a sentence that is evidence of both counts for the
  leader (unless it is strong evidence of the other); another type is kept only if it has a strong
  cue, more than one mention of its own, or a mention in the lead (an assassination article with a
  crowd in one sentence, a riot article recalling a killing once, raise one type);
- *salience*: `main` (in the headline or lead, or told in several sentences), `single` (one
  mention in the body), `background` or `dropped`.

Every verdict is kept for `explain` so a user can see why an event fired or did not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from agents.core.detector.casualties import count_casualties
from agents.core.detector.coref import shares_name, victim_surnames
from agents.core.detector.rules import (
    _DATELINE,
    _NEWS_TIME,
    Analysis,
    Candidate,
    attack_is_subject,
    blocked,
    bound_at,
    extend_all,
    group_at,
    led_by_background,
    narrated_at,
    raw_candidates,
    strong_hits,
)
from agents.core.detector.taxonomy import NEWS_TIME

LEAD_SENTENCES = 4  # the title and the first three sentences of the body
LONG_ARTICLE = 25  # sentences: from here on, an event told once in the body is not the article's news
# "the riots", "the attack": a definite reference back to an event already named; after a lead that
# recalls an earlier event, such a mention is that earlier event again.
_BACK_REFERENCE = re.compile(
    r"\bthe (?:[\w-]+ )?(?:riots?|attacks?|assassinations?|shootings?|killings?|massacres?|bombings?|clashes"
    r"|unrest|violence)\b"
)
# ... unless the reference itself is dated by the writer's now: "The shooting happened on Thursday
# evening" tells when the event took place, so the lead's grievance was yesterday's news.
_DATED_BACK = re.compile(
    _BACK_REFERENCE.pattern + r" (?:happened|took place|occurred|broke out|erupted|began|started)\b"
    r"[^.;]{0,20}?(?:" + NEWS_TIME + ")"
)


@dataclass(frozen=True)
class Verdict:
    candidate: Candidate
    kept: bool
    salience: str  # "main" | "single" | "dropped" | "background"
    reason: str


def _strong(analysis: Analysis, candidate: Candidate) -> frozenset[int]:
    return strong_hits(analysis, candidate.spec) & candidate.core


def _salience(candidate: Candidate) -> str:
    core = candidate.core
    if len(core) >= 2 or any(i < LEAD_SENTENCES for i in core):
        return "main"
    return "single"


_ARMED_ATTACKER = re.compile(
    r"\b(?:gunm[ae]n|assailants?|hitm[ae]n|assassins?|snipers?|(?:unknown|unidentified|masked|armed) (?:men"
    r"|persons|individuals|attackers))\b"
    # "a man in the crowd fired at least three shots from a pistol"
    r"|\ba (?:lone )?man (?:[\w-]+ ){0,4}?(?:fired|opened fire|shot)\b"
)


def _in_lead(analysis: Analysis, core: frozenset[int]) -> bool:
    """A mention in the headline or the first sentence of the body."""
    first_body = 1 if analysis.doc.has_title else 0
    return any(i <= first_body for i in core)


def _weight(analysis: Analysis, candidate: Candidate) -> tuple[bool, int, int, int]:
    core = candidate.core
    return (
        _in_lead(analysis, core),
        len(_strong(analysis, candidate)),
        len(core),
        -min(core) if core else 0,
    )


def _recalled(analysis: Analysis, candidate: Candidate) -> bool:
    """The lead, before any mention, recalls an event of this type as background, and every mention
    is dated: an article about a commemoration, a trial or a response, telling the earlier event
    again further down."""
    spec = candidate.spec
    if not spec.recalls or not spec.dated:
        return False
    if not candidate.core:
        return False
    # (a headline that recalls frames the text even when it is a mention itself: "Ten years on, ...")
    lead = range(min(LEAD_SENTENCES, max(min(candidate.core), int(analysis.doc.has_title))))
    if not any(analysis.blocked_at(spec.recalls, i) or led_by_background(analysis, spec, i) for i in lead):
        return False
    # A mention that dates itself by weekday or "today" is fresh news of its own; the others tell
    # the recalled event again (dated, "the attack", or told with no time at all).
    return not any(
        _NEWS_TIME.search(analysis.masked(i)[1]) is not None
        and not analysis.blocked_at(spec.dated, i)
        and (
            _BACK_REFERENCE.search(analysis.masked(i)[1]) is None
            or _DATED_BACK.search(analysis.masked(i)[1]) is not None
        )
        for i in candidate.core
    )


# A definite noun that refers back to the act told earlier ("The convoy was carrying the police
# commissioner"): the mention is the lead's event, its target named further down.
_REFERRING_NOUN = re.compile(
    r"\bthe (convoy|motorcade|car|vehicle|house|home|residence|office|compound|attack|blast|bomb|explosion"
    r"|shooting|ambush|assault|stabbing)\b"
)


_REFERS_BACK = re.compile(
    r"\bintended (?:victim|target)\b"
    # "This was an attack on the judge", said of the act the lead told
    r"|\b(?:this|it|that) was (?:an? |the )?(?:[\w-]+ )?(?:attack|attempt|assassination attempt)"
    r" (?:on|against)\b"
)


def _refers_to_lead(analysis: Analysis, candidate: Candidate) -> bool:
    """The one mention names again the act that a lead sentence tells: by a definite noun ("the
    convoy"), or by saying whom it was aimed at ("the intended victim was the bishop", "This was an
    attack on the judge")."""
    spec = candidate.spec
    if not spec.groups:
        return False
    lower = analysis.masked(min(candidate.core))[1]
    nouns = {m.group(1) for m in _REFERRING_NOUN.finditer(lower)}
    # "the intended victim was the bishop": of the act the lead told, whatever it called it
    intended = _REFERS_BACK.search(lower) is not None
    if not nouns and not intended:
        return False
    words = re.compile(r"\b(?:" + "|".join(sorted(nouns)) + r")\b") if nouns else None
    return any(
        j in analysis.anchors
        and group_at(analysis, spec.groups[0], j)
        and not blocked(analysis, spec, j)
        and (intended or (words is not None and words.search(analysis.masked(j)[1]) is not None))
        for j in range(LEAD_SENTENCES)
    )


def _buried(analysis: Analysis, candidate: Candidate) -> bool:
    """A long article's own subject is in its lead or told again; one weak mention deep in the body
    of a long article is a passing reference (abstain rather than alert)."""
    core = candidate.core
    if len(core) != 1 or _in_lead(analysis, core):
        return False
    if len(analysis.doc.sentences) < LONG_ARTICLE and not analysis.is_news():
        return False
    if _DATELINE.match(analysis.doc.sentences[min(core)]):
        return False  # a digest's second story opens with its own dateline: its lead, not a passing word
    # A news report tells its own story in the headline and lead; one weak mention further down is
    # context, whatever the length.
    return (
        not (strong_hits(analysis, candidate.spec) & core)
        and min(core) >= LEAD_SENTENCES
        and not _refers_to_lead(analysis, candidate)
        and not _told_at_length(analysis, candidate)
    )


RUN_REACH = 2  # sentences either side
NARRATED_RUN = 2  # other sentences close by that tell the same act: a narration, not a passing word


def _told_at_length(analysis: Analysis, candidate: Candidate) -> bool:
    """The one bound mention sits in a run of sentences that tell the act (a feature reconstructing
    the attack: "Two men opened fire ... The driver was struck in the head ... She was hit twice"):
    the text narrates it, whichever sentence names the victim's role."""
    spec = candidate.spec
    if not spec.groups or not spec.needs_target:
        return False  # a protest's anchor is the protest word, in every sentence of a march report
    at = min(candidate.core)
    last = len(analysis.doc.sentences) - 1
    near = [
        j
        for j in range(max(0, at - RUN_REACH), min(last, at + RUN_REACH) + 1)
        if j != at
        and (
            (j in analysis.anchors and group_at(analysis, spec.groups[0], j))
            # the victim named again with the act's outcome: "Keszthel ... was not hurt"
            or (j > at and shares_name(analysis, at, j) and analysis.matches_at(spec.continuation, j))
        )
        and not blocked(analysis, spec, j)
    ]
    return len(near) >= NARRATED_RUN


# How a text tells, in passing, an earlier attack on someone who is not its subject: the pluperfect
# ("her father ... had been assassinated in 1968, and the family moved"), a relative clause on a
# person the sentence is about for another reason ("founded by Senator X, who was shot dead in
# 1979"), a relative of the subject ("his brother", "whose father"), or the time of the subject's
# own step ("When Governor X was shot dead in 1996, Y succeeded him").
_ASIDE = re.compile(
    r"^(?:when|after) [^,;]{0,120}?\b(?:was|were|had been) (?:\w+ )?(?:assassinated|killed|shot(?: dead)?"
    r"|murdered|gunned down)\b[^;]*?, (?:[\w-]+ ){0,4}?(?:succeeded|replaced|became|took over"
    r"|was (?:appointed|elected|named|sworn in))\b"
    r"|\bhad been (?:\w+ )?(?:assassinated|killed|shot|murdered|gunned down|stabbed|poisoned|wounded)\b"
    # the subject's office at the time: "Kirrova was still Vice-President when Besk was assassinated"
    r"|\b(?:was|were) (?:still )?(?:[\w-]+ ){1,3}?when (?:[\w'\u2019-]+ ){1,3}?(?:was|were)"
    r" (?:assassinated|killed|shot dead|murdered|gunned down)\b"
    r"|\bwho (?:was|had been) (?:\w+ )?(?:assassinated|shot|killed|murdered|gunned down|stabbed)\b"
    # a date marked by the attack: "The decade is taken to end in November 1969, when Brenn was shot"
    r"|\b(?:1[89]|20)\d\d, when (?:[\w'\u2019-]+ ){1,3}?(?:was|were) (?:\w+ )?(?:assassinated|killed|shot"
    r"|murdered|gunned down|stabbed|wounded)\b"
    r"|\b(?:his|her|their|whose) (?:late )?(?:father|mother|brother|sister|son|daughter|husband|wife|uncle"
    r"|aunt|cousin|grandfather|predecessor|mentor|father-in-law)\b"
)
ASIDE_MIN_SENTENCES = 4


def _aside(analysis: Analysis, candidate: Candidate) -> bool:
    """A section (not a dated news report) that tells an attack once, in a background construction,
    and nowhere else names an attack, a toll or an aftermath: the attack explains the text's subject
    (a biography, a party's founding); it is not what the text narrates. A section about the attack
    tells more of it than one sentence."""
    spec = candidate.spec
    if len(candidate.core) != 1 or analysis.is_news():
        return False
    if len(analysis.doc.sentences) < ASIDE_MIN_SENTENCES:
        return False
    (index,) = candidate.core
    lower = analysis.masked(index)[1]
    if spec.needs_target:
        if _ASIDE.search(lower) is None:
            return False
    elif index < LEAD_SENTENCES or not _force_in_aside(analysis, candidate, index):
        return False  # (a section's lead that tells its riot so is about it)
    # told again anywhere (an attack word, a toll, an arrest, a funeral): the text is about it
    act = spec.groups[0] if spec.groups else ()
    return not any(
        j != index
        and ((bool(act) and group_at(analysis, act, j)) or analysis.matches_at(spec.continuation, j))
        for j in range(len(analysis.doc.sentences))
    )


# A crowd's violence told in a relative clause of a sentence about something else: "the bitter
# stoppage of 1911, in which militia fired on strikers, left a lasting mark on local politics".
_CROWD_ASIDE = re.compile(r", (?:in|during|at) which [^,;]{1,120}(?:,|$)")


def _force_in_aside(analysis: Analysis, candidate: Candidate, index: int) -> bool:
    """Every force cue of the one protest mention sits in a comma-bounded "in which" clause."""
    lower = analysis.masked(index)[1]
    asides = [m.span() for m in _CROWD_ASIDE.finditer(lower)]
    force = [span for group in candidate.spec.groups[1:] for span in analysis.spans_at(group, index)]
    return bool(asides and force) and all(any(a <= f0 and f1 <= b for a, b in asides) for f0, f1 in force)


# Police or troops firing on a crowd is crowd control, whoever falls: a protest leader shot by
# police at a march stays protest violence; a gunman who fires on a leader's convoy is an attempt.
_STATE_FORCE = re.compile(
    r"\b(?:police(?:m[ae]n)?|security forces|troops|soldiers|officers|riot police|gendarmes|army)\b"
    r"[^.;]{0,60}\b(?:fired|shot|opened fire|beat|killed|shooting|firing)\b"
)


# Someone other than the police did it: the sentence tells a targeted attack.
_ATTACKER = re.compile(
    r"\b(?:gunm[ae]n|assailants?|attackers?|bombers?|snipers?|assassins?|hit ?m[ae]n|killers?)\b"
)


SOFT_LEAD = 3  # sentences after the lead where a feature may tell the headline's attack


def _headline_only(analysis: Analysis, candidate: Candidate) -> bool:
    """Only the headline raises the type and the body, of several sentences, supports it nowhere;
    or the body tells the headline's cue only as background ("Governor fires police chief after
    riot report": the body's riots are last summer's)."""
    doc = analysis.doc
    if not doc.has_title or candidate.core != frozenset({0}):
        return False
    if len(doc.sentences) >= 4:
        # ... unless the lead tells an attack of its own that no veto holds: the headline gave the
        # role ("Punjab minister escapes gun attack"), the lead the name ("Kundi escaped unhurt when
        # gunmen fired on his vehicle")
        first = candidate.spec.groups[0] if candidate.spec.groups else ()
        return not (
            candidate.spec.needs_target
            and bool(first)
            and any(
                j in analysis.anchors
                and group_at(analysis, first, j)
                and not blocked(analysis, candidate.spec, j)
                and bool(victim_surnames(analysis, j))
                # (a feature's soft lead puts it a little later, dated by the writer's now: "For five
                # months Kjeld read manifests ... On Thursday evening, as Kjeld unlocked her bicycle,
                # a man ... stabbed her twice")
                and (j < LEAD_SENTENCES or _NEWS_TIME.search(analysis.masked(j)[1]) is not None)
                for j in range(1, min(LEAD_SENTENCES + SOFT_LEAD, len(doc.sentences)))
            )
        )
    spec = candidate.spec
    first = spec.groups[0] if spec.groups else ()
    return bool(first) and any(
        group_at(analysis, first, j) and blocked(analysis, spec, j) for j in range(1, len(doc.sentences))
    )


def _claim_targeted(analysis: Analysis, candidates: list[Candidate]) -> None:
    """A sentence where a role is the victim of the act is the targeted attack's, not the crowd's
    (TAXONOMY: the target makes it that type): a leader shot at a rally is an attempt."""
    targeted = [c for c in candidates if c.spec.needs_target]
    for attempt in targeted:
        mine = frozenset(
            i
            for i in attempt.core
            if narrated_at(analysis, attempt.spec, i) and not _STATE_FORCE.search(analysis.masked(i)[1])
        )
        for other in candidates:
            if other.spec.needs_target or not (other.core & mine):
                continue
            keep = (other.core - mine) | (strong_hits(analysis, other.spec) & other.core & mine)
            other.core = frozenset(keep)
            other.evidence = [i for i in other.evidence if i in keep or i not in attempt.core]


def _claim_crowd(analysis: Analysis, candidates: list[Candidate]) -> None:
    """The mirror of `_claim_targeted`: a sentence both types hold where police or troops used the
    force is crowd control, whoever fell ("police shot dead an activist at the rally"), unless it is
    strong evidence of the attempt ("assassinated")."""
    crowds = [c for c in candidates if not c.spec.needs_target]
    for attempt in (c for c in candidates if c.spec.needs_target):
        for crowd in crowds:
            _give_up(analysis, attempt, attempt.core & crowd.core, _STATE_FORCE)


def _give_up(
    analysis: Analysis, attempt: Candidate, sentences: frozenset[int], actor: re.Pattern[str]
) -> None:
    """Take from the attempt those of `sentences` that no strong cue holds, where `actor` did the
    violence and no gunman or attacker is named: they are the crowd's, not a targeted attack's."""
    strong = strong_hits(analysis, attempt.spec)
    taken = frozenset(
        i
        for i in sentences
        if i not in strong
        and not attack_is_subject(analysis, i)
        and actor.search(analysis.masked(i)[1])
        and not _ATTACKER.search(analysis.masked(i)[1])
    )
    if taken:
        attempt.core = attempt.core - taken
        attempt.evidence = [i for i in attempt.evidence if i not in taken]


# The crowd did it: "protesters stormed the governor's office", "they broke through the cordon".
_CROWD_ACTOR = re.compile(
    r"\b(?:protesters|demonstrators|rioters|crowds?|mobs?|marchers|strikers|youths|they)\b[^.;]{0,60}?"
    r"\b(?:stormed|broke (?:through|into)|seized|torched|burn(?:ed|t)|set fire|ransacked|attacked|smashed"
    r"|overran|forced (?:their way )?into|pelted|threw)\b"
)


def _claim_rioters(analysis: Analysis, candidates: list[Candidate]) -> None:
    """What a crowd did to an official's building in a protest is the protest's violence (TAXONOMY:
    rioters burn or destroy property), whoever fled it: a sentence of the attempt where protesters
    are the actors, and no gunman or attacker is named, belongs to the protest."""
    if not any(not c.spec.needs_target for c in candidates):
        return
    for attempt in (c for c in candidates if c.spec.needs_target):
        _give_up(analysis, attempt, attempt.core, _CROWD_ACTOR)


THIN_TEXT = 1000  # characters: from here on, one or two weak mentions with no toll are too thin
THIN_MENTIONS = 2


THIN_TOLL_REACH = 2  # sentences after a weak mention where its toll may be told
# ... a toll of the crowd itself, not anyone's: "dozens of students were hurt"
_CROWD_HURT = re.compile(
    r"\b(?:protesters|demonstrators|marchers|students|workers|strikers|farmers|traders|pupils|miners"
    r"|participants|activists)\b[^.;]{0,60}?\b(?:hurt|injured|wounded|wounds|injuries|admitted|treated)\b"
)


# The police's answer to a crowd, told as done: specific crowd-control force in the past tense (read
# on the unmasked sentence: masking blanks "riot police").
_POLICE_ANSWER = re.compile(
    r"\b(?:police|officers|riot police|troops|soldiers|security forces|gendarmes)\b[^.;]{0,40}?\b(?:responded"
    r"|fired|used|answered|replied|retaliated)\b[^.;]{0,30}?\b(?:tear ?gas|water cannons?|rubber bullets"
    r"|baton charges?|live (?:ammunition|rounds)|stun grenades)\b"
)


def _whole_mention_at(analysis: Analysis, candidate: Candidate, i: int) -> bool:
    """Sentence `i` holds the whole mention: every group's cue bound in it."""
    spec = candidate.spec
    return all(group_at(analysis, g, i) and bound_at(analysis, spec, g, i) for g in spec.groups[1:])


def _answered(analysis: Analysis, candidate: Candidate, own: frozenset[int]) -> bool:
    """The one protest mention is followed by the police's answer ("marchers began throwing bottles
    and paving stones. Riot police fired tear gas across the square"): a second sentence of its own."""
    if candidate.spec.needs_target:
        return False
    last = len(analysis.doc.sentences) - 1
    return any(
        not blocked(analysis, candidate.spec, j) and _POLICE_ANSWER.search(analysis.doc.sentences[j].lower())
        for i in own
        for j in range(i + 1, min(last, i + THIN_TOLL_REACH) + 1)
    )


def _thin(analysis: Analysis, candidate: Candidate) -> bool:
    """A long text whose only evidence of the type is one or two weak mentions and no casualty:
    the texts that raise protest violence so are mostly peaceful marches told with violence words
    around them (the grievance, the police presence, a history paragraph), so abstain."""
    if not candidate.spec.needs_support or candidate.strong or len(candidate.core) > THIN_MENTIONS:
        return False
    if len(analysis.doc.text) <= THIN_TEXT or not analysis.is_news():
        return False  # (a reference section tells a riot in a line or two, and means it)
    lead = 2 if analysis.doc.has_title else 1
    if all(i in candidate.core and _whole_mention_at(analysis, candidate, i) for i in range(lead)):
        return False  # the headline and the lead both tell the force on the crowd: the text's subject
    # the police's answer may follow the mention: "... began smashing the windows of banks. Two cars
    # were set on fire. Police responded with tear gas, water cannon and baton charges"
    if _answered(analysis, candidate, candidate.core):
        return False
    # ... and so may the toll, in the next sentence or two ("... fired pellets into the front rows. At
    # the Civil Hospital, nine students had been admitted with pellet wounds")
    last = len(analysis.doc.sentences) - 1
    told = set(candidate.evidence) | {
        j
        for i in candidate.core
        for j in range(i + 1, min(last, i + THIN_TOLL_REACH) + 1)
        if not blocked(analysis, candidate.spec, j) and _CROWD_HURT.search(analysis.masked(j)[1])
    }
    counted = count_casualties(analysis.doc.sentences[i] for i in sorted(told))
    return not counted.killed and not counted.injured


# Whole candidates set aside before the types are weighed, in this order: each test's candidates
# are dropped with its salience and reason, and the rest reviewed again.
_SET_ASIDE: tuple[tuple[Callable[[Analysis, Candidate], bool], str, str], ...] = (
    (_headline_only, "single", "abstain: only the headline raises it; the body does not tell it"),
    (_buried, "single", "abstain: one weak mention deep in a long article"),
    (_thin, "single", "abstain: a long text's one or two weak mentions, and no casualty"),
    (
        _aside,
        "background",
        "background: told once, in passing (a relative, a relative clause, the pluperfect)",
    ),
    (_recalled, "background", "background: the lead recalls it; every mention is dated or refers back to it"),
)


def _counted_here(analysis: Analysis, candidate: Candidate, own: frozenset[int]) -> bool:
    """The one mention is told with its own toll ("officers answered stones with tear gas and 14
    people were treated for injuries"): an event of its own, not a word in passing. (Protest
    violence only: in a protest article an attempt's toll is usually the crowd's.)"""
    spec = candidate.spec
    if spec.needs_target:
        return False  # (an attempt's toll in a protest article is the crowd's, usually)
    for i in own:
        if _whole_mention_at(analysis, candidate, i):
            toll = count_casualties([analysis.doc.sentences[i]])
            if toll.killed or (toll.injured or 0) >= 2:
                return True  # (not "one man was injured in a scuffle")
    return False


def review(analysis: Analysis, candidates: list[Candidate]) -> list[Verdict]:
    """One verdict per candidate, in the candidates' order."""
    for test, salience, reason in _SET_ASIDE:
        dropped = [c for c in candidates if test(analysis, c)]
        if dropped:
            rest = review(analysis, [c for c in candidates if c not in dropped])
            by_id = {id(v.candidate): v for v in rest}
            return [by_id.get(id(c)) or Verdict(c, False, salience, reason) for c in candidates]
    if len(candidates) < 2:
        return [Verdict(c, True, _salience(c), "only type raised") for c in candidates]
    _claim_targeted(analysis, candidates)
    _claim_crowd(analysis, candidates)
    _claim_rioters(analysis, candidates)
    emptied = [c for c in candidates if not c.core]
    if emptied:
        rest = review(analysis, [c for c in candidates if c not in emptied])
        by_id = {id(v.candidate): v for v in rest}
        crowd = "its mentions are force used on a crowd (police or troops fired)"
        targeted = "its mentions are a targeted attack's (the role is the victim)"
        return [
            by_id.get(id(c)) or Verdict(c, False, "dropped", crowd if c.spec.needs_target else targeted)
            for c in candidates
        ]
    ranked = sorted(candidates, key=lambda c: _weight(analysis, c), reverse=True)
    leader = ranked[0]
    verdicts: dict[int, Verdict] = {id(leader): Verdict(leader, True, _salience(leader), "strongest type")}
    taken = set(leader.core)
    for other in ranked[1:]:
        strong = _strong(analysis, other)
        if other.spec.needs_target:
            # gunmen or assailants, not a crowd, attacking the role-holder: news of its own ("Later
            # that evening unknown gunmen sprayed the car of Mayor X with bullets")
            strong |= {i for i in other.core if _ARMED_ATTACKER.search(analysis.masked(i)[1])}
        # (a sentence both hold is the attempt's own where its subject is the person attacked)
        own = frozenset(
            i
            for i in other.core
            if i not in taken
            or i in strong
            or (other.spec.needs_target and attack_is_subject(analysis, i))
            # told here for this type, only paired for the leader ("Riot police fired rubber bullets
            # at striking dockworkers ..." before "Earlier, a man threw a grenade at the bishop's car")
            or (narrated_at(analysis, other.spec, i) and not narrated_at(analysis, leader.spec, i))
        )
        if not own:
            verdicts[id(other)] = Verdict(
                other, False, "dropped", f"its only mentions are {leader.spec.type} evidence"
            )
            continue
        if (
            not strong
            and len(own) < 2
            and not _in_lead(analysis, own)
            and not _counted_here(analysis, other, own)
            and not _answered(analysis, other, own)
        ):
            verdicts[id(other)] = Verdict(
                other,
                False,
                "dropped",
                f"second type with one weak mention (sentence {min(own)}) in a {leader.spec.type} article",
            )
            continue
        other.evidence = [i for i in other.evidence if i in own or i not in leader.core]
        other.core = own
        taken |= own
        verdicts[id(other)] = Verdict(other, True, _salience(other), "a distinct mention of its own")
    return [verdicts[id(c)] for c in candidates]


def decide(analysis: Analysis) -> tuple[list[Candidate], list[Verdict]]:
    """The events the article reports (extended with their continuations), and every verdict."""
    verdicts = review(analysis, raw_candidates(analysis))
    kept = [v.candidate for v in verdicts if v.kept]
    extend_all(analysis, kept)
    return kept, verdicts
