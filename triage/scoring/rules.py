"""Explicit safety rules: lexicon hits, their modifiers and the level they guarantee."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from triage.scoring.lexicon import Hit, Matchable, load_lexicons
from triage.scoring.normalise import Token, tokenise
from triage.scoring.types import Level

CUES = frozenset({"now", "idiom", "idiom_stress", "clause_break", "age_unit"})
IDIOMS = frozenset({"idiom", "idiom_stress"})
MODIFIERS = frozenset({"negation", "past", "hypothetical"})
NEGATABLE = frozenset(
    {
        "physical_abuse",
        "sexual_abuse",
        "emotional_abuse",
        "neglect",
        "self_harm",
        "bullying",
        "perpetrator_access",
        "online_exploitation",
        "child_labour",
    }
)
HARMED = frozenset({"physical_abuse", "sexual_abuse", "emotional_abuse", "afraid_home", "danger_now"})
ABUSE = frozenset({"physical_abuse", "sexual_abuse"})
SUICIDAL = frozenset({"suicide_intent", "suicide_plan", "attempt", "means", "self_harm", "passive_ideation"})
IDEATION = frozenset({"suicide_intent", "suicide_plan", "attempt", "self_harm", "passive_ideation", "distress"})
ALWAYS_P1 = frozenset(
    {"danger_now", "suicide_intent", "suicide_plan", "attempt", "medical", "trafficking", "afraid_home"}
)
BASE_LEVEL = {
    "physical_abuse": Level.P2,
    "sexual_abuse": Level.P2,
    "self_harm": Level.P2,
    "missing_runaway": Level.P2,
    "child_marriage": Level.P2,
    "online_exploitation": Level.P2,
    "child_labour": Level.P2,
    "neglect": Level.P2,
    "emotional_abuse": Level.P3,
    "bullying": Level.P3,
    "family_conflict": Level.P3,
    "school": Level.P3,
    "distress": Level.P3,
    "passive_ideation": Level.P3,
    "means": Level.P3,
    "ongoing": Level.P3,
    "recent": Level.P3,
    "young_child": Level.P3,
    "perpetrator_access": Level.P3,
    "safe_now": Level.P4,
    "info_request": Level.P4,
    "greeting": Level.P4,
    "prank": Level.P4,
}
YOUNG_AGE = 12
NUMBER = re.compile(r"\d{1,2}")


@dataclass(frozen=True, slots=True)
class Finding:
    """A signal found by the rules, with its evidence and whether a modifier softens it."""

    code: str
    evidence: str
    softened_by: str | None = None


@dataclass(frozen=True, slots=True)
class RuleResult:
    """What the rules found in a text and the most urgent level they guarantee."""

    level: Level
    findings: tuple[Finding, ...]
    now: bool
    tokens: tuple[Token, ...]

    @property
    def active_codes(self) -> frozenset[str]:
        """Returns the codes of findings no modifier softens."""
        return frozenset(f.code for f in self.findings if f.softened_by is None)


def find_hits(tokens: tuple[Token, ...]) -> list[Hit]:
    """Returns every lexicon hit of every language; code-switching is the norm."""
    matchable = Matchable(tokens)
    hits: list[Hit] = []
    for lexicon in load_lexicons():
        hits.extend(matchable.find(lexicon))
    return hits


def clause_ids(tokens: tuple[Token, ...], hits: list[Hit]) -> list[int]:
    """Returns, for each token, the number of the clause it belongs to."""
    breaks = {h.first for h in hits if h.name == "clause_break"}
    ids, clause = [], 0
    for index in range(len(tokens)):
        if index in breaks:
            clause += 1
        ids.append(clause)
    return ids


def _covers(outer: Hit, inner: Hit) -> bool:
    """Tells whether one hit spans strictly more tokens than another and contains it."""
    contains = outer.first <= inner.first and inner.last <= outer.last
    return contains and (outer.last - outer.first) > (inner.last - inner.first)


def _overlaps(a: Hit, b: Hit) -> bool:
    """Tells whether two hits share a token."""
    return a.first <= b.last and b.first <= a.last


def drop_idioms(hits: list[Hit]) -> list[Hit]:
    """Removes hits inside an idiom ("my mum will kill me if I fail"); a hit that runs past the idiom's end
    ("he will kill me if I tell") breaks the idiom instead."""
    idioms = [h for h in hits if h.name in IDIOMS]
    broken = {
        i
        for i in idioms
        for h in hits
        if h.name not in CUES and _overlaps(h, i) and h.last > i.last and h.first >= i.first - 1
    }
    idioms = [i for i in idioms if i not in broken]
    return [
        h
        for h in hits
        if (h.name in IDIOMS and h not in broken) or (h.name not in IDIOMS and not any(_overlaps(h, i) for i in idioms))
    ]


def young_age_hits(tokens: tuple[Token, ...], hits: list[Hit]) -> list[Hit]:
    """Finds ages under twelve written as a number followed by a unit ("7 years old", "3mro 6 snin")."""
    unit_starts = {h.first for h in hits if h.name == "age_unit"}
    found = []
    for index, token in enumerate(tokens):
        if NUMBER.fullmatch(token.form) and int(token.form) < YOUNG_AGE and index + 1 in unit_starts:
            found.append(Hit("young_child", index, index + 1))
    return found


def softening(hit: Hit, *, modifiers: list[Hit], clauses: list[int], anchors: set[int]) -> str | None:
    """Returns the modifier that softens a hit: one that contains it, or one in its clause unless the clause
    says the harm is ongoing; a clause-level negation never softens suicide, medical or danger signals."""
    for modifier in modifiers:
        if _covers(modifier, hit):
            return modifier.name
    clause = clauses[hit.first]
    if clause in anchors:
        return None
    for modifier in modifiers:
        same_clause = clauses[modifier.first] == clause and not _covers(hit, modifier)
        if same_clause and (modifier.name != "negation" or hit.name in NEGATABLE):
            return modifier.name
    return None


def find_signals(text: str, *, tokens: tuple[Token, ...]) -> tuple[list[Finding], bool]:
    """Returns the findings of a text and whether it says the harm is happening now."""
    hits = drop_idioms(find_hits(tokens))
    hits += young_age_hits(tokens, hits)
    clauses = clause_ids(tokens, hits)
    modifiers = [h for h in hits if h.name in MODIFIERS]
    anchors = {clauses[h.first] for h in hits if h.name == "ongoing"}
    findings, seen = [], set()
    for hit in sorted(hits, key=lambda h: (h.first, -h.last)):
        if hit.name in CUES:
            continue
        evidence = text[tokens[hit.first].start : tokens[hit.last].end]
        soft = None if hit.name in MODIFIERS else softening(hit, modifiers=modifiers, clauses=clauses, anchors=anchors)
        if (hit.name, evidence) not in seen:
            seen.add((hit.name, evidence))
            findings.append(Finding(hit.name, evidence, soft))
    findings += [
        Finding("distress", text[tokens[h.first].start : tokens[h.last].end]) for h in hits if h.name == "idiom_stress"
    ]
    now = any(h.name == "now" for h in hits)
    now_evidence = [text[tokens[h.first].start : tokens[h.last].end] for h in hits if h.name == "now"]
    return findings + _derived(findings, now_evidence=now_evidence), now


def _derived(findings: list[Finding], *, now_evidence: list[str]) -> list[Finding]:
    """Adds the signals that come from combinations: abuse now is danger now, means with ideation is a plan."""
    active = {f.code: f for f in findings if f.softened_by is None}
    derived = []
    if now_evidence and active.keys() & ABUSE and "danger_now" not in active:
        derived.append(Finding("danger_now", now_evidence[0]))
    if "means" in active and active.keys() & (IDEATION | {"physical_abuse"}) and "suicide_plan" not in active:
        derived.append(Finding("suicide_plan", active["means"].evidence))
    if "means" in active and now_evidence and "suicide_plan" not in active and not derived:
        derived.append(Finding("suicide_plan", f"{active['means'].evidence} … {now_evidence[0]}"))
    return derived


def level_of(findings: Iterable[Finding]) -> Level:
    """Returns the most urgent level the findings guarantee."""
    best = Level.P4
    for finding in findings:
        level = _finding_level(finding)
        if level.rank < best.rank:
            best = level
    return best


def _finding_level(finding: Finding) -> Level:
    """Returns the level one finding guarantees after its modifier."""
    base = Level.P1 if finding.code in ALWAYS_P1 else BASE_LEVEL.get(finding.code, Level.P4)
    if finding.softened_by is None or base.rank >= Level.P3.rank:
        return base
    if finding.softened_by == "hypothetical":
        return base.lowered()
    return Level.P3


def combine_special(findings: list[Finding], *, now: bool) -> Level:
    """Returns P1 for combinations the single findings do not capture: a lost young child, a runaway tonight."""
    active = {f.code for f in findings if f.softened_by is None}
    if "missing_runaway" in active and ("young_child" in active or now):
        return Level.P1
    if "perpetrator_access" in active and active & HARMED:
        return Level.P1
    hypothetical = {f.code for f in findings if f.softened_by == "hypothetical"}
    if hypothetical & SUICIDAL:
        return Level.P2
    return Level.P4


def apply_rules(text: str) -> RuleResult:
    """Runs the safety rules on one text."""
    tokens = tokenise(text)
    findings, now = find_signals(text, tokens=tokens)
    level = level_of(findings)
    special = combine_special(findings, now=now)
    if special.rank < level.rank:
        level = special
    return RuleResult(level=level, findings=tuple(findings), now=now, tokens=tokens)
