"""The scoring engine: rules guarantee, the model ranks, context raises."""

from __future__ import annotations

from triage.scoring.features import parts
from triage.scoring.language import detect_language
from triage.scoring.model import (
    BARE_P1_THRESHOLD,
    BARE_P2_THRESHOLD,
    BARE_P3_THRESHOLD,
    Model,
    level_of_cumulative,
    load_model,
)
from triage.scoring.normalise import detect_script
from triage.scoring.rules import HARMED, Finding, RuleResult, apply_rules
from triage.scoring.types import Assessment, Context, Level, Signal

HARM_CODES = frozenset(
    {
        "physical_abuse",
        "sexual_abuse",
        "emotional_abuse",
        "neglect",
        "missing_runaway",
        "child_marriage",
        "self_harm",
        "means",
        "passive_ideation",
        "online_exploitation",
        "trafficking",
        "child_labour",
    }
)
CONCERNS = HARM_CODES | {
    "bullying",
    "family_conflict",
    "school",
    "distress",
    "afraid_home",
    "danger_now",
    "suicide_intent",
    "suicide_plan",
    "attempt",
    "medical",
    "perpetrator_access",
}
"""What a text must be about for its writer's age alone to raise it: "3ndi 14 3am" in a greeting or a question
raises nothing, the model's reading of a bare "wach kayn chi 7ed?" included."""
QUESTION_MARKS = ("?", "؟")
SETTLED = frozenset({"past"})
"""Harm the text places in the past: still a concern of the writer's (P3), unlike a hypothetical or a negation."""
YOUNG_AGE = 12
MODEL_MIN_WORDS = 3


def assess(text: str, *, context: Context | None = None, model: Model | None = None) -> Assessment:
    """Scores the urgency of a message, taking the conversation so far and structured answers into account
    (`model` replaces the committed one, for cross-validation)."""
    context = context or Context()
    model = model or load_model()
    current = apply_rules(text)
    earlier = [apply_rules(message) for message in context.earlier_messages]
    cumulative = model.cumulative_parts(parts(current))
    model_level = (
        level_of_cumulative(cumulative, thresholds=_thresholds(current, model=model))
        if _model_may_judge(current)
        else Level.P4
    )
    signals = _signals(current, earlier=earlier)
    codes = _codes(current, earlier)
    rules_level, extra = _structured(_rule_level(current, earlier=earlier), context=context, codes=codes)
    level = _most_urgent(rules_level, model_level)  # the answers only lift a level to P2 or P1: before or after, alike
    results = [current, *earlier]
    concerned = _concerned(results, codes)
    asks = _asks(text, codes)
    if _raises(context=context):
        level = _raised(level, codes=codes, asks=asks)
    elif _read_raise(context=context, results=results, codes=codes, concerned=concerned, asks=asks):
        # The model reads the same words and learnt the raise from labels that carry it: raising its level too
        # would count it twice ("my son is 13 and deaf, the boys mock him" is P2, not P1).
        level = _most_urgent(level, _raised(rules_level, codes=codes, asks=asks))
    return Assessment(
        level=level,
        score=_score(level, cumulative=cumulative),
        signals=signals + extra,
        language=detect_language(text, script=(script := detect_script(text)), tokens=current.tokens),
        script=script,
    )


def _model_may_judge(current: RuleResult) -> bool:
    """Whether the model may raise this message: not one or two words the rules find nothing in ("ok", "yes",
    "d'accord"), where the model has nothing to go on but its prior and a stray letter pair would make them P1."""
    words = sum(1 for token in current.tokens if any(map(str.isalnum, token.form)))
    return words >= MODEL_MIN_WORDS or bool(current.findings)


def _thresholds(current: RuleResult, *, model: Model) -> tuple[float, float, float]:
    """The model's thresholds, each head held to its bare threshold (BARE_P1_THRESHOLD, BARE_P2_THRESHOLD,
    BARE_P3_THRESHOLD) when the rules find nothing at all or read the words of death as an idiom: with nothing to go
    on but letters, the model must be surer ("ana f dar", "I don't know what to say" sit just above the heads'
    priors), and "kill" in "my mum will kill me if I fail" is such letters (0.2 on the P2 head, the head's own
    threshold)."""
    if current.findings and not current.figurative:
        return model.thresholds
    first, second, third = model.thresholds
    return (max(first, BARE_P1_THRESHOLD), max(second, BARE_P2_THRESHOLD), max(third, BARE_P3_THRESHOLD))


def _rule_level(current: RuleResult, *, earlier: list[RuleResult]) -> Level:
    """Returns the rules' level over the whole conversation: earlier harm plus timing now counts."""
    level = current.level
    for result in earlier:
        if result.level.rank < level.rank:
            level = result.level
    earlier_harm = set().union(*(r.active_codes for r in earlier)) if earlier else set()
    if earlier_harm & HARMED and (current.now or "perpetrator_access" in current.active_codes):
        level = Level.P1
    return level


def _codes(current: RuleResult, earlier: list[RuleResult]) -> frozenset[str]:
    """Returns the active codes across the conversation."""
    codes = set(current.active_codes)
    for result in earlier:
        codes |= result.active_codes
    return frozenset(codes)


def _signals(current: RuleResult, *, earlier: list[RuleResult]) -> list[Signal]:
    """Returns the signals of the current text, then those of earlier messages not already present."""
    signals = [_signal(f) for f in current.findings]
    seen = {s.code for s in signals}
    for result in earlier:
        for finding in result.findings:
            if finding.softened_by is None and finding.code not in seen:
                seen.add(finding.code)
                signals.append(_signal(finding))
    return signals


def _signal(finding: Finding) -> Signal:
    """Turns a rule finding into a public signal."""
    return Signal(code=finding.code, evidence=finding.evidence)


def _structured(level: Level, *, context: Context, codes: frozenset[str]) -> tuple[Level, list[Signal]]:
    """Applies structured report answers: danger now or access tonight is P1 whatever the text says."""
    answers = context.answers
    extra = []
    if answers.danger_now:
        extra.append(Signal("danger_now", "answers.danger_now"))
    if answers.perpetrator_access:
        extra.append(Signal("perpetrator_access", "answers.perpetrator_access"))
    if extra:
        return Level.P1, extra
    harm = bool(codes & HARM_CODES)
    if answers.when == "now" and harm:
        return Level.P1, [Signal("danger_now", "answers.when=now")]
    if answers.when in ("today", "this_week") and harm:
        extra.append(Signal("recent", f"answers.when={answers.when}"))
        level = _most_urgent(level, Level.P2)
    if answers.ongoing and harm:
        extra.append(Signal("ongoing", "answers.ongoing"))
        level = _most_urgent(level, Level.P2)
    if answers.when == "longer_ago":
        extra.append(Signal("past", "answers.when=longer_ago"))
    return level, extra


def _most_urgent(first: Level, second: Level) -> Level:
    """The more urgent of two levels."""
    return first if first.rank <= second.rank else second


def _concerned(results: list[RuleResult], codes: frozenset[str]) -> bool:
    """Whether the conversation is about a concern, harm long ago included ("when i was 9 my cousin touched me";
    not "hey im 14")."""
    return bool(codes & CONCERNS) or any(
        f.code in HARM_CODES and f.softened_by in SETTLED for result in results for f in result.findings
    )


def _child_writes(results: list[RuleResult]) -> bool:
    """Whether the text says a child writes; it raises a message of concern or a question ("bba kaydrebni, 3ndi 14
    3am", "i'm 15, do you have to tell the police if i tell you something?"; not "hey im 14")."""
    return any(result.child_writing for result in results)


def _asks(text: str, codes: frozenset[str]) -> bool:
    """Whether the message asks something: a child's question about the service or their rights is often the
    first step before telling (P4 raised to P3)."""
    return "info_request" in codes or any(mark in text for mark in QUESTION_MARKS)


def _named_raise(results: list[RuleResult]) -> bool:
    """Whether the text names a disability or says it is a repeat contact; either raises a message of concern
    ("ابن اختي من ذوي الاحتياجات الخاصة … يربطونه", "je vous ai déjà écrit pour mon fils harcelé"; not "my son is
    autistic, which school takes him?")."""
    return any(result.disability or result.repeat for result in results)


def _raises(*, context: Context) -> bool:
    """Whether the conversation's structured answers raise the level by one: a child under 12, disability, a child
    writing or a repeat contact. The model does not see them, so its level rises too."""
    young = context.child_age is not None and context.child_age < YOUNG_AGE
    return young or context.disability or context.reporter == "child" or context.repeat_contact


def _read_raise(
    *, context: Context, results: list[RuleResult], codes: frozenset[str], concerned: bool, asks: bool
) -> bool:
    """Whether the text itself raises the rules' level by one: it names a young child ("my 8 year old"), a disability
    or a repeat contact in a message of concern, or says a child writes a message of concern or a question."""
    if "young_child" in codes or (concerned and _named_raise(results)):
        return True
    return context.reporter is None and (concerned or asks) and _child_writes(results)


def _raised(level: Level, *, codes: frozenset[str], asks: bool = False) -> Level:
    """The level one step more urgent, except for pranks, and greetings that ask nothing ("hey im 14"; not "salam ana
    3ndi 14 ans, wach hadchi kaybqa secret?")."""
    if codes == {"prank"} or (codes and codes <= {"prank", "greeting"} and not asks):
        return level
    return level.raised()


def _score(level: Level, *, cumulative: tuple[float, float, float]) -> float:
    """Returns a score in the band of the level (P1 0.75–1, P4 0–0.25), ordered within it by the model."""
    expected = sum(cumulative) / 3
    low = 0.75 - 0.25 * level.rank
    return round(low + 0.25 * min(max(expected, 0.0), 0.999), 4)
