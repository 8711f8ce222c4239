"""Explicit safety rules: lexicon hits, their modifiers and the level they guarantee."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from triage.scoring.lexicon import Hit, Matchable, load_lexicons, matcher_of, number_words
from triage.scoring.normalise import Token, normalise_word, tokenise
from triage.scoring.types import Level

CUES = frozenset(
    {
        "now",
        "idiom",
        "idiom_stress",
        "clause_break",
        "age_unit",
        "age_intro",
        "self_age_intro",
        "self_school",
        "self_child",
        "adult_writer",
        "self",
        "duration",
        "possession",
        "stash",
        "will_use",
        "ingest",
        "fall",
        "away",
        "disavow",
        "lure",
        "secrecy",
        "confined",
        "lethality",
        "plea",
        "courtesy",
        "coming",
        "present",
        "silenced",
        "disability",
        "repeat",
        "plain",
        "age_now",
        "afraid",
        "age_then",
        "forced",
        "owned",
        "soon",
        "deprived",
        "since",
        "absolve",
        "farewell",
        "peer",
        "day",
    }
)
OWNED = "owned"
"""A hypothetical unmasked ("question pour une amie … bon en vrai c moi", "asking for a friend, ok its me"): the
hypotheticals no longer soften, and the harm is the writer's own."""
FORCED_REACH = 10
"""How many tokens after a lure a `forced` or a `soon` cue ("they were screaming", "وهن يبكين", "ghedda f sba7")
still tells how or when the child was taken."""
PLEAS = frozenset({"plea", "courtesy"})
"""A message made of nothing but calls for help ("please help", "ساعدوني", "aji 3afak bsr3a") is danger now; so
are three courtesy words in a row ("3afak 3afak 3afak"), though one alone ("please", "3afak") is an everyday reply."""
MIN_COURTESY = 3
COMING = "coming"
"""Someone on the way ("hes comin", "il arrive", "جاي"): with a plea or a courtesy word, and nothing else, danger now
("help plz hes comin", "الله يخليكم جاي"); with no plea, no call for help ("khali jay daba bach yakhdna l b7r")."""
PRESENT_ALONE_WORDS = 8
"""A message this short that says the person is here ("wah rah hna daba f salon", "iwa, illa ghid") answers "is he
there?": the person who harms is present."""
HERE = "present_now"
"""Not a lexicon cue: the `present` evidence when the presence is the message's news (`_here`)."""
SETTLED_CUE = "past_cue"
"""Not a lexicon cue: the evidence of every past cue, found or not, which ends a confinement (`_held_now`)."""
WATCHED = ("present", "silenced")
"""The person is here and the child cannot speak ("hes here. cant talk", "howa hna … ma n9derch ntkelm") or is locked in
("il a fermé la porte à clé et il attend dans le couloir"): the person who harms is present, whatever the message
calls them."""
SELF_REACH = 3
"""How many tokens before the person's presence the writer still shares it ("ana w mama rah hna": we are here)."""
STASH = "stash"
"""Means hidden or put by ("i hid the pills", "j'ai mis la corde dans mon armoire", "أخفيت الحبل"): a plan that a
promise in the same message does not take back."""
ACTS = {
    "possession": "suicide_plan",
    STASH: "suicide_plan",
    "will_use": "suicide_plan",
    "ingest": "attempt",
    "fall": "suicide_plan",
}
"""A cue followed by means in the same clause: means at hand or about to be used is a plan ("i have the rope",
"3ndi l7bel", "je vais avaler les cachets"); means swallowed or drunk is an attempt ("swallowed the tablets",
"كليت الحبوب"); a height to throw oneself from is a plan ("ghadi nrmi rasi mn sta7")."""
IDIOMS = frozenset({"idiom", "idiom_stress"})
PLAIN = "plain"
LETHALITY = "lethality"
"""A question about what would kill and how fast ("will i die", "kanmot dghya", "هل سأموت"): no hypothetical or
negation in its clause softens it ("wach ila chrebt … kanmot dghya?" asks about a plan), and with means it is a
plan."""
MODIFIERS = frozenset({"negation", "past", "hypothetical"})
SOON = "soon"
"""Tomorrow ("ghedda f sba7", "demain matin", "azkka"): a lure set for then is under way, as one set for now is;
nothing else reads it."""
TOMORROW = "tomorrow"
"""Every `soon` cue of a message, wherever it stands: a child's wedding set for tomorrow is danger now."""
NEGATED_DAYS = frozenset(
    " ".join(token.form for token in tokenise(day))
    for day in ("today", "tonight", "aujourd'hui", "lyoum", "lyouma", "اليوم", "الليلة", "ass-a", "assa", "ɣassad")
)
"""The day a negated harm is bound to when it happens on the others ("ma drbnich lyoum"; not "my dad doesn't hit me
now", which says it stopped)."""
ACCESS_NOW = "access_now"
"""Not a lexicon cue: the evidence of access that holds its own timing now ("ghadi yji lyoum l darna")."""
DAY = "day"
"""A day this week ("had samedi", "ce week-end"): with a hypothetical about means, a date set; nothing else reads it (a
lure set for the weekend is not under way as one set for tonight is)."""
TAKEN = ("secrecy", "confined", "forced", "now", SOON)
"""Cues that make a lure trafficking: kept secret, confinement, force, set for now or for tomorrow."""
EVIDENCED_CUES = (
    *TAKEN,
    "away",
    "disavow",
    "lure",
    "afraid",
    "deprived",
    "since",
    "absolve",
    "farewell",
    LETHALITY,
    DAY,
    *WATCHED,
)
"""Cues whose evidence `_derived` reads."""
AGE_INTROS = frozenset({"age_intro", "self_age_intro"})
SITUATING = frozenset({"safe_now", "away", "past", "age_now", "ongoing"})
"""Phrases that hold a timing word without saying the harm is now: where the child or the person who harms is now
("daba ana 3nd jeddati", "الآن هو عند خالي", "lyouma rah f l9ism"), how old the writer is now ("now im 19", "j'ai 20
ans aujourd'hui"), how old a child is now (`age_now`: "ابني الآن في السادسة عشرة", "maintenant elle a 15 ans") or
how often or how long it goes on (`ongoing`: "kol lila", every night; "for two weeks now"; "mn sba7 l lil", from
morning to night)."""
REREAD = {
    "danger_now": frozenset({"safe_now", "info_request", "distress", "school"}),
    "medical": frozenset({"passive_ideation", "distress", "missing_runaway"}),
    "suicide_plan": frozenset({"missing_runaway", "confined"}),
    "means": frozenset({"confined"}),
    "perpetrator_access": frozenset({"safe_now"}),
    "online_exploitation": frozenset({"bullying"}),
}
"""A signal inside a longer phrase of one of these signals means what the longer phrase says: danger denied ("not in
danger", "ماشي فخطر", "pas une urgence") is no danger, nor is a question about the service ("do you call the police",
"signaler un enfant en danger"), a teenager shut in his room ("reste enfermé dans sa chambre") or a child who no
longer goes to school ("ur sul ar ittddu s lmdrasa"); a roof a child is locked on ("كتسد عليه فالسطح") is no means
or plan; a child living with the writer now ("daba sakna m3ana") is safe, not within the reach of the person who
harmed her; the wish to sleep and not wake up ("تتمنى أن تنام ولا تستيقظ") or panic ("i cant breathe when i open
my books") is not unconsciousness or choking; a teenager who "ne répond plus à son père" is unreachable; a note
saying he leaves for Spain is a runaway's; and pictures passed round a class group to mock are bullying, not sexual
exploitation."""
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
NOW_HARM = ABUSE | {"child_marriage"}
"""Harm that timing now makes danger now ("kaydrebni daba", a wedding night "lyouma f lil"), unless an `away`
cue says the person who harms is elsewhere ("walakin dba howa f lkhedma", "وهو الآن في سفر")."""
DISAVOWABLE = frozenset({"suicide_intent", "suicide_plan", "passive_ideation", "means"})
"""Thoughts a `disavow` cue ("but i'm not going to do anything", "jai aucune intention", "وما ناويش") turns into
a thought of a method (P2; a passive wish to be dead stays P3), unless the message also has timing now, a farewell
("je vais pas me faire de mal … j'ai donné mon chat … merci pour tout"), an attempt, a medical emergency or danger."""
DISAVOW_REACH = 1
"""How many tokens after a disavowal a timing cue still belongs to it ("i wont do it rn", not "… tonight i will")."""
SUICIDAL = frozenset({"suicide_intent", "suicide_plan", "attempt", "means", "self_harm", "passive_ideation"})
IDEATION = frozenset({"suicide_intent", "suicide_plan", "attempt", "passive_ideation", "distress"})
"""With means these make a plan; self-harm with a blade alone stays P2 (self-harm without medical emergency)."""
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
ADULT_AGE = 18
UNITS_LIMIT = 10
"""Two numbers joined by "و" both under this are two ages listed, not a compound (units come before their tens)."""
VICTIM_OF = ABUSE | {"emotional_abuse", "neglect", "bullying", "child_marriage", "online_exploitation"}
"""Harms that, done to the writer, say a child writes (this is a child helpline: "bba kaydrebni kol nhar")."""
RELIVED = frozenset({"past", "negation"})
"""A harm done to the writer that stopped or is past ("ضربني … قبل ثلاث سنوات", "bba mab9ach kaydrebni") says a child
writes when they say it still hurts (distress: "وما زلت أحلم بذلك", "mais ba9i kan7lem bih"): on a child helpline
the one who still dreams of it is the child it was done to."""
SELF_EVIDENCE = frozenset({"self", "idiom_stress"})
"""What says the writer speaks of themselves: "je", "ana", "أنا", "i", or an idiom of their own stress ("ghadi
t9tlni", it will kill me)."""
OWN_CONCERNS = frozenset({"self_harm", "passive_ideation", "distress", "family_conflict", "bullying", "afraid_home"})
"""Concerns a writer speaking of themselves ("je me sens vide", "kanjre7 rassi", "أتمنى لو لم أولد") is taken to be
a child for, on a child helpline, unless they say they are an adult or a parent."""
NUMBER = re.compile(r"\d{1,2}")
ARABIC_ARTICLE = "ال"
"""Number words take the article ("ذات الخمسة عشر عاماً" is fifteen, not ten)."""
CONJUNCTIONS = frozenset(
    {"and", "et", "w", "u", "o", "و", "but", "mais", "walakin", "if", "si", "ila", "so", "donc", "ou", "or"}
)
"""Words that close an age said without a unit: "im 14 if i call you…", "3ndi 15 walakin…"."""
ARABIC_AND = "و"
"""Arabic writes "and" joined to the next word ("عمري 15 ولا أحد يعرف"): such a word closes an age too."""
OF_TZM = "n"
"""Tamazight links a number to its unit with "of" ("15 n sna", "9 n iseggwasn"): the age's unit starts there."""
ARABIC_TEENS = frozenset({"عشر", "عشره"})
"""The word that makes a unit a teen ("أربع عشرة سنة" is fourteen) and an ordinal one ("في الخامسة عشرة" is fifteen,
not five)."""
SECONDARY_YEARS = frozenset(normalise_word(word) for word in ("إعدادي", "إعدادية", "ثانوي", "ثانوية", "باك"))
"""A school year said with an ordinal ("تلميذ في الثالث إعدادي" is in his third year of middle school, about 14)."""
OLDER_AFTER_ORDINAL = ARABIC_TEENS | SECONDARY_YEARS
"""Words after an Arabic ordinal that say the child it names is not young (ARABIC_TEENS, SECONDARY_YEARS)."""
AGED_REACH = 4
CHILD_AGES = range(12, 18)
"""How many words after a young child's name an age of twelve or more still says it is not one ("mon petit frère de
16 ans", "khouya sghir 3ndo 13 ans")."""
BARE_AGES = range(8, 18)
CHILD_NOUNS = frozenset(
    normalise_word(word)
    for word in (
        *("girl", "boy", "son", "daughter", "kid", "child", "brother", "sister", "niece", "nephew", "pupil"),
        *("pupils", "students", "kids", "children", "girls", "boys", "eleves", "enfants"),
        *("student", "fille", "garcon", "fils", "enfant", "eleve", "frere", "soeur", "neveu", "bnti", "wldi"),
        *("bent", "wld", "khti", "khoya", "ابني", "ابنتي", "طفل", "طفلة", "بنتي", "ولدي", "تلميذ", "تلميذة"),
        *("ولد", "ولاد", "ولادي", "ولادها", "ولادو", "وليدات"),
    )
)
APPROXIMATELY = frozenset(
    normalise_word(word)
    for word in ("maybe", "about", "around", "roughly", "approximately", "environ", "peut-etre", "vers")
    + ("حوالي", "تقريبا", "يمكن", "chi", "ta9riban", "taqriban", "imkn", "ymkn")
)
COUNTED = frozenset(
    normalise_word(word)
    for word in ("minutes", "minute", "min", "mins", "hours", "hour", "h", "days", "times", "pm", "am", "km", "dh")
    + ("heures", "heure", "jours", "fois", "dirhams", "metres", "دقائق", "دقيقة", "ساعات", "ساعة", "أيام", "مرات")
    + ("d9i9a", "d9aye9", "sa3a", "sway3", "iyam", "mrat", "drahm", "ryal")
)
"""Words after a number that make it a count or a time, not a guessed age."""
BRACKET_REACH = 5
"""How many words before a bracketed number a child may be named ("a boy in the waiting room (7)")."""
FIRST_PERSON = frozenset(
    normalise_word(word)
    for word in ("me", "moi", "iyi", "fllai", "flli", "fella", "flla", "liya", "lia", "3liya", "biya", "fiya")
    + ("ليا", "عليا", "بيا", "فيا", "علي")
    + ("تزويجي", "زواجي")  # a wedding of mine: "أبي وافق على تزويجي"
    + ("غرفتي",)  # my room, where the harm comes: "ما زال يدخل غرفتي عندما ينام الجميع"
)
FIRST_PERSON_ENDINGS = ("ni", "ني")
OWN_IMAGES = frozenset(
    normalise_word(word)
    for word in ("my", "mes", "dyali", "ديالي", "tsawri", "tswiri", "صوري", "تصاويري", "تصاوري", "فيديوهاتي", "لي")
    + ("bba", "mama", "بابا", "ماما", "لبابا", "لماما", "لعائلتي", "عائلتي", "لابي", "لامي", "لاهلي")
)
"""Words that make pictures the writer's own, or the threat one made to them ("un mec a mes photos", "has my pics",
"عندو تصاويري", "فيديو لي", "سيرسلها لعائلتي", "ysifethom l bba": a parent would say "her dad")."""


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
    child_writing: bool = False
    """The text says a child writes it: an age under 18 or a class, harm done to the writer or a concern of their own
    in the first person, with no sign of an adult or a parent writing (`child_writing`)."""
    figurative: bool = False
    """The text holds an idiom the rules read as such ("this exam is killing me", "lbac ghadi y9tlni")."""
    disability: bool = False
    """The text names a disability ("handicap mental", "ذوي الاحتياجات الخاصة", "autistic"): DOMAIN.md raises by one."""
    repeat: bool = False
    """The text says the writer has written about this before ("je vous ai déjà écrit", "hadi tani mra kanktb
    likom"): a repeat contact, which DOMAIN.md raises by one."""

    @property
    def active_codes(self) -> frozenset[str]:
        """Returns the codes of findings no modifier softens."""
        return frozenset(f.code for f in self.findings if f.softened_by is None)


def find_hits(tokens: tuple[Token, ...]) -> list[Hit]:
    """Returns every lexicon hit of every language; code-switching is the norm."""
    return matcher_of(load_lexicons()).find(Matchable(tokens))


def clause_ids(tokens: tuple[Token, ...], hits: list[Hit]) -> list[int]:
    """Returns, for each token, the number of the clause it belongs to. A clause that is nothing but a time in the
    past ("when i was little, someone in my family did things to me", "asmi ttuɣ d tamezzyant, …", "mli kan 3ndi 9
    snin, …") is one with the clause after it: it says when that happened; so is one that is nothing but a
    hypothetical before a comma ("hypothetically, if I report a neighbour for hitting his kids …"): it says what the
    next one supposes."""
    breaks = {h.first for h in hits if h.name == "clause_break"}
    ends = [(p.first, _age_end(tokens, hits, p.last)) for p in hits if p.name == "past"]
    # only before a comma: "asking for a friend. her stepbrother …" is a frame the writer may drop in the next sentence
    before_comma = ends + [(h.first, h.last) for h in hits if h.name == "hypothetical"]
    start = 0
    for index in sorted(breaks):
        spans = before_comma if tokens[index].form == "," else ends
        if start < index and any(first <= start and index - 1 <= last for first, last in spans):
            breaks.discard(index)
        start = index + 1
    ids, clause = [], 0
    for index in range(len(tokens)):
        if index in breaks:
            clause += 1
        ids.append(clause)
    return ids


def _ages_then(tokens: tuple[Token, ...], hits: list[Hit]) -> list[Hit]:
    """The age the writer or a child had when something happened, as a time in the past ("mli kont 9 snin", "asmi
    ghuri 9 n iseggwasn"; not "mli kont ghadi l dar", which can be an hour ago)."""
    pasts = {(h.first, h.last) for h in hits if h.name == "past"}
    then = [h for h in hits if h.name == "age_then" and (h.first, h.last) not in pasts]
    return [Hit("past", h.first, end) for h in then if (end := _age_end(tokens, hits, h.last)) > h.last]


def _age_end(tokens: tuple[Token, ...], hits: list[Hit], last: int) -> int:
    """Where a time in the past ends once the age it gives is counted ("mli kan 3ndi | 9 snin", "asmi ghuri | 9 n
    iseggwasn"): its number and the unit right after, if any."""
    if last + 1 >= len(tokens) or token_number(tokens[last + 1]) is None:
        return last
    return max((h.last for h in hits if h.name == "age_unit" and h.first == last + 2), default=last)


def _covers(outer: Hit, inner: Hit) -> bool:
    """Tells whether one hit spans strictly more tokens than another and contains it."""
    return _contains(outer, inner) and (outer.last - outer.first) > (inner.last - inner.first)


def _overlaps(a: Hit, b: Hit) -> bool:
    """Tells whether two hits share a token."""
    return a.first <= b.last and b.first <= a.last


def drop_plain(hits: list[Hit]) -> list[Hit]:
    """Removes the `plain` cues and what lies inside them: everyday words that a signal's pattern would also read
    ("derb", a neighbourhood, has the skeleton of "drb", to hit)."""
    plain = [h for h in hits if h.name == PLAIN]
    return [h for h in hits if h.name != PLAIN and not any(_contains(p, h) for p in plain)]


def drop_idioms(hits: list[Hit]) -> list[Hit]:
    """Removes hits inside an idiom ("my mum will kill me if I fail"); a hit that runs past the idiom's end
    ("he will kill me if I tell") breaks the idiom instead."""
    idioms = [h for h in hits if h.name in IDIOMS]
    if not idioms:
        return list(hits)
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


def token_number(token: Token) -> int | None:
    """Returns the value of a token written in digits or as a number word ("4", "four", "أربع", "rb3a")."""
    return number_of(token.form)


@lru_cache(maxsize=65536)
def number_of(form: str) -> int | None:
    """Returns the value of a normalised word written in digits or as a number word."""
    if NUMBER.fullmatch(form):
        return int(form)
    words = number_words()
    if form.startswith(ARABIC_ARTICLE) and form not in words:
        return words.get(form.removeprefix(ARABIC_ARTICLE))
    if form.startswith(ARABIC_AND) and form not in words:
        # "ستة وعشرون": the tens of 26 come joined to "and", and so do digits: "(3 و5 سنين)"
        rest = form.removeprefix(ARABIC_AND)
        return int(rest) if NUMBER.fullmatch(rest) else words.get(rest)
    return words.get(form)


def _ends_age(tokens: tuple[Token, ...], index: int) -> bool:
    """Tells whether the number at index ends an age said without a unit ("i'm 11 and…", "3ndi 9.", "عمري 9 ولا…")."""
    after = index + 1
    form = tokens[after].form if after < len(tokens) else ""
    joined = form.startswith(ARABIC_AND) and form not in CHILD_NOUNS  # "عمري 9 ولا…", not "عندي جوج ولاد"
    return not form or form in CONJUNCTIONS or joined or not form[0].isalnum()


def young_age_hits(tokens: tuple[Token, ...], hits: list[Hit]) -> list[Hit]:
    """Finds ages under twelve: a number and a unit ("7 years old", "3mro 6 snin", "أربع سنوات"), or a number
    after "i'm" / "3ndi" closing its clause; not durations ("hadi 6 chhour", "3 years ago"), the age at which
    something happened (`age_then`: "when i was 9", "mli kan 3ndi 8 snin": that child has grown) nor compounds
    ("ثلاثة عشر عاما" is thirteen)."""
    units = {h.first: h.last for h in hits if h.name == "age_unit"}
    intro_ends = {h.last for h in hits if h.name == "age_intro"}
    duration_starts = {h.first for h in hits if h.name == "duration"}
    duration_ends = {h.last for h in hits if h.name in ("duration", "age_then")}
    values = [token_number(t) for t in tokens]
    found = []
    for index, value in enumerate(values):
        if value is None or value >= YOUNG_AGE or index - 1 in duration_ends:
            continue
        if _in_compound(tokens, values, index):
            continue
        unit_end = units.get(index + 1)
        with_unit = unit_end is not None and unit_end + 1 not in duration_starts
        named = _in_brackets(tokens, index) or _guessed(tokens, index) or _said_of_child(tokens, index)
        if with_unit or (index - 1 in intro_ends and _ends_age(tokens, index)) or named:
            found.append(Hit("young_child", index, unit_end if with_unit and unit_end is not None else index))
    return found


def _in_compound(tokens: tuple[Token, ...], values: list[int | None], index: int) -> bool:
    """Tells whether a number is part of a longer one ("ثلاثة عشر" is thirteen, "ستة وعشرون" twenty-six), not one of
    two ages listed with "و" ("صغار (3 و5 سنين)")."""
    for other in (index - 1, index + 1):
        if not 0 <= other < len(values) or values[other] is None:
            continue
        joined = tokens[max(index, other)].form.startswith(ARABIC_AND)
        if not (joined and max(values[index] or 0, values[other] or 0) < UNITS_LIMIT):
            return True
    return False


def _guessed(tokens: tuple[Token, ...], index: int) -> bool:
    """Tells whether a number is a child's age guessed by whoever saw them ("a boy maybe 8 on my bus", "une fille
    environ 6", "طفلة حوالي 7"): right after a word of approximation that follows a child; not a count or a time
    ("a boy about 5 minutes ago")."""
    if index < 2 or tokens[index - 1].form not in APPROXIMATELY:
        return False
    after = tokens[index + 1].form if index + 1 < len(tokens) else ""
    return after not in COUNTED and any(t.form in CHILD_NOUNS for t in tokens[max(0, index - 3) : index - 1])


def _in_brackets(tokens: tuple[Token, ...], index: int) -> bool:
    """Tells whether a number stands alone in brackets a few words after a child ("a girl in my class (8)", "bnti
    (6)"), or between commas right after one ("one of my pupils, 9, told me"), as an age; not a list's "(2)"."""
    if not 0 < index < len(tokens) - 1:
        return False
    before, after = tokens[index - 1].form, tokens[index + 1].form
    if before == "," and after == ",":
        return index >= 2 and tokens[index - 2].form in CHILD_NOUNS
    if before != "(" or after != ")":
        return False
    return any(t.form in CHILD_NOUNS for t in tokens[max(0, index - 1 - BRACKET_REACH) : index - 1])


def _said_of_child(tokens: tuple[Token, ...], index: int) -> bool:
    """Tells whether a number is a child's age said with "is" ("my sister's girl is 11 and…", "my son is 7."), not a
    count or an hour ("the boy is 5 minutes away")."""
    return (
        index >= 2
        and tokens[index - 1].form == "is"
        and tokens[index - 2].form in CHILD_NOUNS
        and _ends_age(tokens, index)
    )


def stated_age(tokens: tuple[Token, ...], hits: list[Hit]) -> int | None:
    """The writer's own age: a number right after "i'm", "j'ai", "3ndi", "عمري" with its unit or closing its
    clause or a plea ("im 14", "3ndi 15 3am", "i'm 19 now", "عندي 15 عافاكم", "nec 15 n sna"; not "3ndi 15 dh", nor
    the age they were then: "mli kan 3ndi 9 snin")."""
    # "im 15 i dont want it": a first-person word after the number starts the next clause
    followers = {h.first for h in hits if h.name in ("age_unit", "now", "courtesy", "plea", "self")}
    followers |= {first - 1 for first in followers if first > 0 and tokens[first - 1].form == OF_TZM}
    then = {h.last for h in hits if h.name == "age_then"}
    for hit in hits:
        index = hit.last + 1
        if hit.name != "self_age_intro" or index >= len(tokens) or hit.last in then:
            continue
        value = token_number(tokens[index])
        if value is not None and index + 1 < len(tokens) and tokens[index + 1].form in ARABIC_TEENS:
            value, index = value + 10, index + 1  # "أربع عشرة سنة" is fourteen
        elif value is not None and value < 10 and index + 1 < len(tokens) and _tens(tokens[index + 1]):
            value, index = value + (token_number(tokens[index + 1]) or 0), index + 1  # "ستة وعشرون" is twenty-six
        if value is not None and (index + 1 in followers or _ends_age(tokens, index)):
            return value
    return None


def _tens(token: Token) -> bool:
    """Tells whether a token is a number of tens after the units, as Arabic says ages ("ستة وعشرون")."""
    value = token_number(token)
    return value is not None and value >= 20 and value % 10 == 0


def bare_age(tokens: tuple[Token, ...], hits: list[Hit]) -> int | None:
    """An age said on its own, as a sentence of its own with its unit ("… mzyan. 13 ans, ur riɣ ad ddu", "12 ans,
    7ta wa7ed ma 3ref"): a writer's signature when no one else's age is named. Only the ages of children who write
    (BARE_AGES), so that "… 3 ans après" is not read as one; not in brackets after someone else ("ولدها (14 عام)")."""
    units = {h.first for h in hits if h.name == "age_unit"}
    for index, token in enumerate(tokens[:-1]):
        value = token_number(token)
        opens = index == 0 or not (tokens[index - 1].form[0].isalnum() or tokens[index - 1].form == "(")
        if value in BARE_AGES and opens and index + 1 in units and _ends_age(tokens, index + 1):
            return value
    return None


def first_person(text: str, tokens: tuple[Token, ...], hit: Hit) -> bool:
    """Tells whether a harm is done to the writer: "me", "m'", "-ni", "ني", "3liya", "iyi" in its words or just
    after ("hits me", "il m'a touchée", "kaydrebni", "يضربني", "kayd7ko 3liya", "ar iyi ikkat"; "m'a" is read in
    the text, since its form "ma" is also "my"), or, for pictures, "my" ("un mec a mes photos", "عندو تصاويري")."""
    span = tokens[hit.first : hit.last + 2]
    raw = [text[t.start : t.end].lower() for t in span]
    forms = [t.form for t in span]
    if hit.name == "online_exploitation" and any(w in OWN_IMAGES for w in forms):
        return True
    return any(w in FIRST_PERSON or w.endswith(FIRST_PERSON_ENDINGS) for w in forms) or any(
        w.startswith(("m'", "m’")) for w in raw
    )


def child_writing(tokens: tuple[Token, ...], hits: list[Hit], *, victim: bool, own: bool) -> bool:
    """Tells whether a child writes: by their age under 18, their class ("je suis en 3e", "ana f college"), a
    classmate or a friend asked about (`peer`: "my classmate", "what if a friend", "ila kant chi sa7bti") or,
    when they say neither, by writing of harm done to them (`victim`), what only a child says of themselves
    (`self_child`: "hrbt mn dar hadi yomayn", "j'ai fugué", "will you tell my parents?", "mama katfetch tel") or of
    a concern of their own (`own`, with SELF_EVIDENCE in the text: "je", "ana", "أنا", "i" or an exam idiom's "kill
    me"), without saying they are an adult or writing about their own child ("now im 19", "my son", "wldi")."""
    age = stated_age(tokens, hits)
    if age is not None:
        return age < ADULT_AGE
    if any(h.name in ("self_school", "peer") for h in hits):
        return True
    if any(h.name == "adult_writer" for h in hits):
        return False
    said = any(h.name == "self_child" for h in hits)
    return victim or said or bare_age(tokens, hits) is not None or (own and any(h.name in SELF_EVIDENCE for h in hits))


def softening(hit: Hit, *, modifiers: list[Hit], clauses: list[int], anchors: set[int], hits: list[Hit]) -> str | None:
    """Returns the modifier that softens a hit: one that contains it, or one in its clause unless the clause
    says the harm is ongoing; a clause-level negation softens only what follows it ("ma b9ach kaydrbni", not the
    threat in "kayhdedni ynchr tsawri ila ma b9itch m3ah") and never suicide, medical or danger signals, except
    danger whose phrase holds a harm it would negate ("ma b9ach kaydrebni daba")."""
    for modifier in modifiers:
        if _covers(modifier, hit):
            return modifier.name
    clause = clauses[hit.first]
    if clause in anchors:
        return None
    for modifier in modifiers:
        if clauses[modifier.first] != clause or _covers(hit, modifier):
            continue
        if modifier.name == "past" and any(h.name == "now" and modifier.last < h.first <= hit.first for h in hits):
            continue  # "konna kanchemmo lbenzine … o daba wa7d mnhom ta7 o kaytrte3d": now ends the past's reach
        if modifier.name != "negation" or (modifier.first <= hit.first and _negatable(hit, hits=hits)):
            return modifier.name
    return None


def _negatable(hit: Hit, *, hits: list[Hit]) -> bool:
    """Whether a clause's negation may soften a hit: a harm, or danger now whose phrase holds a harm with its timing."""
    if hit.name in NEGATABLE:
        return True
    return hit.name == "danger_now" and any(h.name in NOW_HARM and _covers(hit, h) for h in hits)


class Found(NamedTuple):
    """The findings of a text, whether it says the harm is happening now, whether a child writes it, and whether
    it holds an idiom ("this exam is killing me")."""

    findings: list[Finding]
    now: bool
    child_writing: bool
    figurative: bool
    disability: bool
    repeat: bool


def find_signals(text: str, *, tokens: tuple[Token, ...]) -> Found:
    """Returns what the rules find in a text."""
    hits = _drop_age_spanning_past(
        _drop_disavowed_timing(
            _drop_situated_timing(_drop_covered_modifiers(drop_idioms(drop_plain(find_hits(tokens)))))
        )
    )
    hits = _drop_reread(_drop_older_children(hits, tokens))
    hits += young_age_hits(tokens, hits) + _ages_then(tokens, hits)
    clauses = clause_ids(tokens, hits)
    hits = _drop_negated_today(hits, tokens=tokens, clauses=clauses)
    owned = any(h.name == OWNED for h in hits)
    modifiers = [h for h in hits if h.name in MODIFIERS and not (owned and h.name == "hypothetical")]
    anchors = {clauses[h.first] for h in hits if h.name in ("ongoing", LETHALITY)}
    supposed = any(h.name == "hypothetical" for h in hits)
    asked = {clauses[h.first] for h in hits if h.name == LETHALITY and supposed}
    nows = [h for h in hits if h.name == "now"]
    timed_access = [h for h in hits if h.name == "perpetrator_access" and any(_covers(h, n) for n in nows)]
    writers = {(h.first, h.last) for h in hits if h.name == "adult_writer"}
    acts = [h for h in hits if h.name in ACTS and (h.first, h.last) not in writers]  # "ولدي": my son, not "and I have"
    findings, seen, acted, victim, relived, held = [], set(), [], False, False, False
    for hit in sorted(hits, key=lambda h: (h.first, -h.last)):
        if hit.name in CUES:
            continue
        evidence = text[tokens[hit.first].start : tokens[hit.last].end]
        soft = (
            None
            if hit.name in MODIFIERS
            else softening(hit, modifiers=modifiers, clauses=clauses, anchors=anchors, hits=hits)
        )
        if soft == "past" and hit in timed_access:
            soft = None  # the past dates the harm, not an access that says today: "ghadi yji lyoum l darna"
        mine = hit.name in VICTIM_OF and (owned or first_person(text, tokens, hit))
        victim = victim or (mine and soft is None)
        relived = relived or (mine and soft in RELIVED)
        if hit.name == "means" and soft is None:
            # "لو شرب شخص زجاجة مبيد الحشرات هل يموت بسرعة؟": swallowing supposed in a question of lethality is a plan
            before = [act for act in acts if clauses[act.first] == clauses[hit.first] and act.last < hit.first]
            acted += [
                Finding(
                    "suicide_plan" if clauses[hit.first] in asked else ACTS[act.name],
                    text[tokens[act.first].start : tokens[hit.last].end],
                )
                for act in before
            ]
            held = held or any(act.name == STASH for act in before)
        if (hit.name, evidence, soft) not in seen:
            seen.add((hit.name, evidence, soft))
            findings.append(Finding(hit.name, evidence, soft))
    victim = victim or (relived and any(f.code == "distress" for f in findings))
    findings += [
        Finding("distress", text[tokens[h.first].start : tokens[h.last].end]) for h in hits if h.name == "idiom_stress"
    ]
    # A concern of the writer's own says a child writes ("mama ghadi t9telni ila sqtt, w ma kann3esch"), the distress
    # of an exam idiom included, which is the writer's own ("lbac ghadi y9tlni": DOMAIN's raise for a child writing, as
    # most writers of the blind sets since fresh35 label it).
    own = any(f.code in OWN_CONCERNS and f.softened_by is None for f in findings)
    cues: dict[str, list[str]] = {name: [] for name in EVIDENCED_CUES}
    for h in hits:
        if h.name in cues:
            cues[h.name].append(text[tokens[h.first].start : tokens[h.last].end])
    cues[ACCESS_NOW] = [text[tokens[h.first].start : tokens[h.last].end] for h in timed_access]
    cues[TOMORROW] = cues[SOON]  # every "tomorrow", before SOON keeps those that follow a lure
    for name in ("forced", SOON):
        cues[name] = [text[tokens[h.first].start : tokens[h.last].end] for h in _after_lure(hits, name)]
    cues["plea"] = [text[tokens[0].start : tokens[-1].end]] if _only_pleas(tokens, hits) else []
    cues[HERE] = cues["present"] if cues["present"] and _here(tokens, hits, clauses, now=bool(cues["now"])) else []
    cues[SETTLED_CUE] = [text[tokens[h.first].start : tokens[h.last].end] for h in hits if h.name == "past"]
    # "je vais pas me faire de mal … merci pour tout" is no disavowal, nor is "i wont do anything stupid, i just put
    # the rope in my wardrobe in case": means at hand outweigh the promise
    if cues["disavow"] and not cues["now"] and not cues["farewell"] and not held:
        findings, acted = _disavowed(findings, acted=acted, by=cues["disavow"][0])
    derived = _derived(findings, cues=cues, acted=acted)
    figurative = any(h.name in IDIOMS for h in hits)
    child = child_writing(tokens, hits, victim=victim, own=own)
    disability = any(h.name == "disability" for h in hits)
    repeat = any(h.name == "repeat" for h in hits)
    return Found(findings + derived, bool(cues["now"]), child, figurative, disability, repeat)


def _drop_negated_today(hits: list[Hit], *, tokens: tuple[Token, ...], clauses: list[int]) -> list[Hit]:
    """Drops a negation of abuse bound to the day and that day ("ma drbnich lyoum", "he didn't hit me today", "ur iyi
    ikkat ass-a … walakin azkka"): the harm happens on the other days, so it is not negated, and today is not when it
    happens (the blind sets' writers label these as ongoing abuse, P1 from a child)."""
    days = [h for h in hits if h.name == "now" and _said(h, tokens=tokens) in NEGATED_DAYS]
    dropped: set[Hit] = set()  # by value: the same words found twice over go together
    for negation in (h for h in hits if h.name == "negation"):
        for harm in (h for h in hits if h.name in ABUSE and clauses[h.first] == clauses[negation.first]):
            day = next((h for h in days if h.first == max(negation.last, harm.last) + 1), None)
            if day is not None and negation.first <= harm.first <= negation.last + 1:
                dropped |= {negation, day}
    return [h for h in hits if h not in dropped]


def _said(hit: Hit, *, tokens: tuple[Token, ...]) -> str:
    """The words of a hit as normalised forms, space-separated."""
    return " ".join(token.form for token in tokens[hit.first : hit.last + 1])


def _after_lure(hits: list[Hit], name: str) -> list[Hit]:
    """Returns the cues of a name that say how or when a child was taken: inside a lure or a few words after it
    ("pushing two girls into a white van and they are crying", "ghadi yjiw ykhdouhom ghedda"); not force or a day
    elsewhere in the message ("il a essayé de m'embrasser de force … il habite dans une autre ville", "ila t3tlt ghda
    … wach ntoma khddamin")."""
    lures = [h for h in hits if h.name == "lure"]
    return [
        h for h in hits if h.name == name and any(lure.first <= h.first <= lure.last + FORCED_REACH for lure in lures)
    ]


def _here(tokens: tuple[Token, ...], hits: list[Hit], clauses: list[int], *, now: bool) -> bool:
    """Whether the person's presence is the message's news: a reply that says nothing else and nothing of the writer,
    with timing now, with an access for the night, or short ("wah rah hna daba f salon", "iwa, illa ghid"; not "he's
    here, my brother, he says hi", "ana w mama rah hna", nor "khali howa 7daya li kaydrebni" whose abuse the rules
    weigh on its own)."""
    said = [h for h in hits if h.name not in CUES | MODIFIERS | {"ongoing", "perpetrator_access"}]
    presence = [h for h in hits if h.name == "present"]
    selves = [h for h in hits if h.name == "self"]
    # "ana w mama rah hna": we are here; not "إنه هنا مرة أخرى … وأنا وحدي مع أختي", the writer alone with him, nor
    # "aws iyi. illa ghid" (help me. he is here)
    mine = any(
        p.first - SELF_REACH <= h.first <= p.last and clauses[h.first] == clauses[p.first]
        for h in selves
        for p in presence
    )
    access = any(h.name == "perpetrator_access" for h in hits)  # "… وأمي في العمل حتى الصباح": for the night
    return not said and not mine and (now or access or len(_word_indices(tokens)) <= PRESENT_ALONE_WORDS)


def _word_indices(tokens: tuple[Token, ...]) -> list[int]:
    """The positions of a message's words (not its punctuation or emoji)."""
    return [i for i, token in enumerate(tokens) if token.form[:1].isalnum()]


def _only_pleas(tokens: tuple[Token, ...], hits: list[Hit]) -> bool:
    """Tells whether every word of the message lies in a call for help, a courtesy word or someone on the way, with at
    least one call for help, MIN_COURTESY courtesy words, or a courtesy word and someone on the way ("help me!!",
    "3afak 3afak 3afak", "please hes coming"; not "please", nor "hes coming")."""
    pleas = [h for h in hits if h.name in PLEAS]
    if not pleas:
        return False
    coming = [h for h in hits if h.name == COMING]
    covered = {i for h in pleas + coming for i in range(h.first, h.last + 1)}
    words = _word_indices(tokens)
    courtesies = sum(h.name == "courtesy" for h in pleas)
    enough = any(h.name == "plea" for h in pleas) or courtesies >= MIN_COURTESY or bool(coming)
    return bool(words) and enough and all(i in covered for i in words)


def _drop_covered_modifiers(hits: list[Hit]) -> list[Hit]:
    """Drops a modifier inside a longer timing cue: "zikk" (formerly) is past, "ass-a zikk" (early today) is now and
    "azekka zikk" (early tomorrow) soon; and a past inside a recent span: "hadi 3 ayam" (three days ago) is within the
    month, not the past."""
    timings = [h for h in hits if h.name in ("now", SOON)]
    recents = [h for h in hits if h.name == "recent"]
    return [
        h
        for h in hits
        if h.name not in MODIFIERS
        or not (any(_covers(t, h) for t in timings) or (h.name == "past" and any(_contains(r, h) for r in recents)))
    ]


def _drop_age_spanning_past(hits: list[Hit]) -> list[Hit]:
    """Drops a past cue whose gap runs into the writer's age: "منذ .. سنة" (a year ago) must not read "منذ شهرين
    عندي 16 سنة" (for two months; I am 16) as the past. The age's number and unit then close the cue; phrases
    that start with the age ("daba 3ndi .. 3am") or end with it ("عندما كان عمري", when I was) are kept."""
    ages = [h for h in hits if h.name in AGE_INTROS]
    return [h for h in hits if h.name != "past" or not any(h.first + 2 <= a.first <= h.last - 2 for a in ages)]


def _drop_older_children(hits: list[Hit], tokens: tuple[Token, ...]) -> list[Hit]:
    """Drops a young child named by the lexicon whose age says otherwise: an Arabic ordinal that goes on into the
    teens ("ابنتي في الخامسة عشرة" is fifteen) or names a year of secondary school ("في الثالث إعدادي"), or an age
    of twelve or more with its unit a few words on ("mon petit frère de 16 ans", "khouya sghir 3ndo 13 ans")."""
    units = {h.first for h in hits if h.name == "age_unit"}
    older = {index for index, token in enumerate(tokens) if token_number(token) in CHILD_AGES and index + 1 in units}
    return [
        h
        for h in hits
        if h.name != "young_child"
        or not (
            (h.last + 1 < len(tokens) and tokens[h.last + 1].form in OLDER_AFTER_ORDINAL)
            or any(h.last < index <= h.last + AGED_REACH for index in older)
        )
    ]


def _drop_reread(hits: list[Hit]) -> list[Hit]:
    """Drops a signal inside a longer phrase of a signal that says what its words mean there (REREAD)."""
    return [
        h for h in hits if h.name not in REREAD or not any(o.name in REREAD[h.name] and _covers(o, h) for o in hits)
    ]


def _drop_situated_timing(hits: list[Hit]) -> list[Hit]:
    """Drops a timing cue inside a longer phrase that says where someone is now or the writer's age now
    (SITUATING): "lbar7 drbni, daba ana 3nd jeddati" is recent abuse with the child safe, not abuse now."""
    situating = [h for h in hits if h.name in SITUATING]
    return [h for h in hits if h.name != "now" or not any(_covers(s, h) for s in situating)]


def _drop_disavowed_timing(hits: list[Hit]) -> list[Hit]:
    """Drops a timing cue that is part of a disavowal or follows it at once: "walakin daba la" (but not now),
    "i wouldnt do it rn", "ماغاديش ندير شي حاجة دابا" say when the thought will not be acted on, not when it will."""
    disavows = [h for h in hits if h.name == "disavow"]
    return [
        h for h in hits if h.name != "now" or not any(d.first <= h.first <= d.last + DISAVOW_REACH for d in disavows)
    ]


def _contains(outer: Hit, inner: Hit) -> bool:
    """Tells whether one hit spans all the tokens of another (or the same ones)."""
    return outer.first <= inner.first and inner.last <= outer.last


def _disavowed(findings: list[Finding], *, acted: list[Finding], by: str) -> tuple[list[Finding], list[Finding]]:
    """Softens suicidal thoughts the message disavows ("i think about the pills but i won't do anything") to a
    thought of a method; an attempt, a medical emergency or danger keeps everything as it is."""
    active = {f.code for f in findings if f.softened_by is None} | {f.code for f in acted}
    if active & {"attempt", "medical", "danger_now"}:
        return findings, acted
    softened = [
        Finding(f.code, f.evidence, "hypothetical") if f.code in DISAVOWABLE and f.softened_by is None else f
        for f in findings
    ]
    return softened + [Finding("hypothetical", by)], []


def _derived(findings: list[Finding], *, cues: dict[str, list[str]], acted: list[Finding]) -> list[Finding]:
    """Adds the signals that come from combinations: abuse now (unless the person who harms is away), abuse with a
    weapon, or a child afraid while someone has access to them now ("jarna kaydkhol l darna mnin mama tmchi l khedma f
    lil, w lyouma 3ndha garde. khayfa") is danger now; means with ideation, timing, a farewell, a question of lethality
    or a hypothetical about means (the means at hand) is a plan, and so is a hypothetical about means with a time set
    (now, tomorrow or a day this week: "… wach tmout? 9alt lia had samedi") or with how much it takes to die ("how many
    paracetamol would it take"); means acted on (see ACTS) is a plan or an attempt; a lure (a job abroad, going with
    someone, getting in a car, children put into a van) kept secret, set for now or tomorrow, taken by force (`forced`:
    "while they cried", "وهوما كيغوتو"), followed by the child missing ("her phone is off") or by confinement ("they
    don't let me go out", "took my phone": alone, strict parents say as much) is trafficking, and so is a child's work
    behind a locked door ("kaysdo 3lia lbab", "they lock me in"); a message that is only a plea (PLEAS), the person here
    while the child cannot speak or is locked in (WATCHED), here now or in a short reply (PRESENT_ALONE_WORDS), or a
    child shut in now or without food, is danger now."""
    active = {f.code: f for f in findings if f.softened_by is None}
    now_evidence = cues["now"]
    derived = []
    for finding in acted:
        if finding.code not in active:
            derived.append(finding)
            active[finding.code] = finding
    shut = cues["silenced"] or cues["confined"]
    watched = f"{cues['present'][0]} … {shut[0]}" if cues["present"] and shut else None
    here = cues[HERE][0] if cues[HERE] and not cues["away"] else None
    held_now = _held_now(cues)
    cried = cues["plea"][0] if cues["plea"] else watched or here or held_now
    if cried is not None and "danger_now" not in active:
        derived.append(Finding("danger_now", cried))
        active["danger_now"] = derived[-1]
    lure_taken = any(cues[name] for name in TAKEN) or "missing_runaway" in active
    held = cues["confined"][0] if cues["confined"] and "child_labour" in active else None
    if cues["lure"] and lure_taken and "trafficking" not in active:
        derived.append(Finding("trafficking", cues["lure"][0]))
    elif held is not None and "trafficking" not in active:
        derived.append(Finding("trafficking", held))
    if cues["absolve"] and cues["farewell"] and "suicide_intent" not in active:
        # "merci pour tout … dites à ma soeur que c'est pas sa faute": a farewell; either alone is everyday
        derived.append(Finding("suicide_intent", f"{cues['farewell'][0]} … {cues['absolve'][0]}"))
    settled = any(f.code in ABUSE and f.softened_by == "past" for f in findings)
    if (harmed_now := _harm_now(active, cues, settled=settled)) is not None:
        derived.append(Finding("danger_now", harmed_now))
    elif "means" in active and active.keys() & ABUSE and "danger_now" not in active:
        derived.append(Finding("danger_now", active["means"].evidence))
    ideation = active.keys() & IDEATION
    if "self_harm" in active:
        ideation -= {"distress"}
    # "wach ila wa7d chrb dwa dyal tension kaml kaymout? l3lba f yddi daba": the means asked about is at hand
    means_asked = next((f.evidence for f in findings if f.code == "means" and f.softened_by == "hypothetical"), None)
    # "… actually no. i already wrote the letter and the rope is in the barn": means with a farewell
    told = ideation or cues[LETHALITY] or cues["farewell"] or means_asked
    if "means" in active and told and "suicide_plan" not in active:
        derived.append(Finding("suicide_plan", active["means"].evidence))
    # "ghir so2al 3la sa7bti: ila chrbat ga3 dwa d mamaha wach tmout? 9alt lia had samedi": asked, and dated; "سؤال
    # فقط لصديق: كم حبة باراسيتامول تكفي حتى لا يستيقظ الإنسان؟": asked, and how much it takes to die (DOMAIN: a
    # hypothetical softens harm told, not a lethal dose asked about)
    dated = now_evidence or cues[SOON] or cues[DAY]
    timed = dated or ([] if cues["disavow"] else cues[LETHALITY])  # not "… ma dert walo w ma nawich"
    if means_asked and timed and not {"suicide_plan", "attempt"} & (active.keys() | {f.code for f in derived}):
        derived.append(Finding("suicide_plan", f"{means_asked} … {timed[0]}"))
    if "means" in active and now_evidence and "suicide_plan" not in active and not derived:
        derived.append(Finding("suicide_plan", f"{active['means'].evidence} … {now_evidence[0]}"))
    return derived


def _held_now(cues: dict[str, list[str]]) -> str | None:
    """The evidence that a child is shut in now: confinement with timing now, since a time today or yesterday, or
    without food ("i have been locked inside by my uncle since yesterday", "baba iqqen xafi
    tawwart … war cciɣ walu"); None otherwise (alone, strict parents say as much; "my old foster family used to lock
    me in the shed. im with new people now" is over)."""
    if not cues["confined"] or cues["away"]:
        return None
    if cues["deprived"]:
        return f"{cues['confined'][0]} … {cues['deprived'][0]}"
    lasting = cues["now"] or cues["since"]
    return f"{cues['confined'][0]} … {lasting[0]}" if lasting and not cues[SETTLED_CUE] else None


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


def _harm_now(active: dict[str, Finding], cues: dict[str, list[str]], *, settled: bool) -> str | None:
    """The evidence that harm is happening now, when nothing says so yet and the person who harms is not away: a
    harm with timing now, a child afraid while someone has access to them now, or abuse in the past (`settled`) by
    someone whose access itself says today (ACCESS_NOW: "l wa7d li t7rrch b bent khti l3am li fat ghadi yji lyoum l
    darna"), or a child's wedding set for tomorrow, under way as one tonight is ("غادي يزوجوها غدا"); None
    otherwise."""
    now = cues["now"]
    if "danger_now" in active or cues["away"]:
        return None
    if now and active.keys() & NOW_HARM:
        return now[0]
    if "child_marriage" in active and cues[TOMORROW]:
        return f"{active['child_marriage'].evidence} … {cues[TOMORROW][0]}"
    if not now:
        return None
    if cues["afraid"] and "perpetrator_access" in active:
        return f"{cues['afraid'][0]} … {now[0]}"
    if settled and cues[ACCESS_NOW] and "perpetrator_access" in active:
        return cues[ACCESS_NOW][0]
    return None


def combine_special(findings: list[Finding], *, now: bool) -> Level:
    """Returns P1 for combinations the single findings do not capture: a lost young child, a runaway tonight (not one
    the text places somewhere safe: "il est chez un ami", "hiya 3nd sa7btha"), a young child left alone now or for
    days ("وحدهما في الشقة منذ يومين"; alone every day is P2); P2 for insults
    every day and for suicidal thoughts a hypothetical or a disavowal softens (a thought of a method), but a passive
    wish to be dead stays what it is, P3 ("كنتمنى غير نموت، ولكن ما غاديش ندير شي حاجة")."""
    active = {f.code for f in findings if f.softened_by is None}
    runaway_now = "missing_runaway" in active and now and "safe_now" not in active
    if active >= {"missing_runaway", "young_child"} or runaway_now:
        return Level.P1
    if active >= {"neglect", "young_child"} and (now or "recent" in active):
        return Level.P1
    if "perpetrator_access" in active and active & HARMED:
        return Level.P1
    if "emotional_abuse" in active and "ongoing" in active:
        return Level.P2
    hypothetical = {f.code for f in findings if f.softened_by == "hypothetical"}
    if hypothetical & SUICIDAL - {"passive_ideation"}:
        return Level.P2
    return Level.P4


@lru_cache(maxsize=4096)
def apply_rules(text: str) -> RuleResult:
    """Runs the safety rules on one text (cached: a conversation's earlier messages are read again at each turn,
    and the rate limit and the transcript score the same message)."""
    tokens = tokenise(text)
    findings, now, child, figurative, disability, repeat = find_signals(text, tokens=tokens)
    level = level_of(findings)
    special = combine_special(findings, now=now)
    if special.rank < level.rank:
        level = special
    return RuleResult(
        level=level,
        findings=tuple(findings),
        now=now,
        tokens=tokens,
        child_writing=child,
        figurative=figurative,
        disability=disability,
        repeat=repeat,
    )
