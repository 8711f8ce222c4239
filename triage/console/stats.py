"""Monitoring and evaluation figures, anonymised: counts below a threshold are suppressed, and so are as many others
as it takes for no suppressed count to be worked out from the totals (complementary suppression)."""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.cases.models import Case, CaseConversation
from triage.conversations.models import Conversation

SUPPRESS_BELOW = 5
HIDDEN = "x"
LEVELS = ("P1", "P2", "P3", "P4")
Cell = int | None  # None: suppressed (below SUPPRESS_BELOW but more than 0, or hidden to protect such a count)
Key = tuple[str | date, ...]


def suppress(count: int) -> Cell:
    """The count if it is 0 or large enough to publish, else None."""
    return count if count == 0 or count >= SUPPRESS_BELOW else None


def shown(cell: Cell) -> str:
    """How a cell is printed: the count, or `x` (one mark for every suppressed count, small or complementary)."""
    return str(cell) if cell is not None else HIDDEN


@dataclass(frozen=True)
class Line:
    """Counts whose sum is known as `total` (published, or derivable from another figure)."""

    members: tuple[Key, ...]
    total: Key


def protect(counts: dict[Key, int], lines: list[Line], *, unpublished: frozenset[Key] = frozenset()) -> set[Key]:
    """The keys to hide: small counts, then complementary ones until every line is safe.

    A line is safe when it hides nothing that needs protecting, or hides at least two of its counts (total included)
    and, when its total is shown, the hidden members add up to more than their number (else each of them would be
    1). Unpublished counts (never shown, only derivable, such as P1 claimed late) are hidden from the start; they
    need protecting only when small."""
    hidden = set(unpublished) | {key for key, count in counts.items() if suppress(count) is None}
    protected = {key for key in hidden if key not in unpublished or suppress(counts[key]) is None}
    changed = True
    while changed:
        changed = False
        for line in lines:
            extra = _next_to_hide(line, counts, hidden, protected)
            if extra is not None:
                hidden.add(extra)
                protected.add(extra)
                changed = True
    return hidden


def _next_to_hide(line: Line, counts: dict[Key, int], hidden: set[Key], protected: set[Key]) -> Key | None:
    if not any(key in protected for key in (*line.members, line.total)):
        return None
    hidden_members = [key for key in line.members if key in hidden]
    total_hidden = line.total in hidden
    if len(hidden_members) + total_hidden >= 2 and (
        total_hidden or sum(counts[key] for key in hidden_members) > len(hidden_members)
    ):
        return None
    candidates = [key for key in line.members if key not in hidden and counts[key] > 0]
    if candidates:
        return min(candidates, key=lambda key: (counts[key], str(key)))
    return None if total_hidden else line.total


@dataclass(frozen=True)
class Series:
    """Counts per day and per key (channel, level, category or region)."""

    days: list[date]
    keys: list[str]
    cells: dict[tuple[date, str], Cell]
    totals: dict[str, Cell]


@dataclass(frozen=True)
class ClaimTimes:
    """Seconds from queue to claim for one level."""

    level: str
    count: Cell
    median: float | None
    p90: float | None


@dataclass(frozen=True)
class Figures:
    """Every figure of the dashboard for one period."""

    since: date
    until: date
    by_channel: Series
    by_level: Series
    by_region: Series
    by_category: Series
    claim_times: list[ClaimTimes]
    p1_claimed: Cell
    p1_within_target: Cell
    p1_share: float | None
    feedback: dict[int, Cell] = field(default_factory=dict)


def _tally(
    name: str, scope: str, days: list[date], observations: list[tuple[date, str]]
) -> tuple[dict[Key, int], list[Line]]:
    """Counts per (day, key), per key, per day and in all, with the lines they add up along.

    Series of one scope share their per-day and overall totals (every contact has one channel, one level, one
    region), so those are taken as known, and hidden consistently, across the scope."""
    per_cell = Counter(observations)
    per_key = Counter(key for _day, key in observations)
    per_day = Counter(day for day, _key in observations)
    keys = sorted(per_key)
    counts: dict[Key, int] = {(name, day, key): per_cell[(day, key)] for day in days for key in keys}
    counts |= {(name, key): per_key[key] for key in keys}
    counts |= {(scope, day): per_day[day] for day in days}
    counts[(scope,)] = len(observations)
    lines = [Line(tuple((name, day, key) for key in keys), (scope, day)) for day in days]
    lines += [Line(tuple((name, day, key) for day in days), (name, key)) for key in keys]
    lines.append(Line(tuple((name, key) for key in keys), (scope,)))
    return counts, lines


def _series(name: str, days: list[date], counts: dict[Key, int], hidden: set[Key]) -> Series:
    keys = sorted(str(key[1]) for key in counts if key[0] == name and len(key) == 2)

    def cell(key: Key) -> Cell:
        return None if key in hidden else counts[key]

    cells = {(day, key): cell((name, day, key)) for day in days for key in keys}
    return Series(days, keys, cells, {key: cell((name, key)) for key in keys})


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of the values (share in 0..1)."""
    ordered = sorted(values)
    rank = max(1, -(-int(share * 100) * len(ordered) // 100))
    return ordered[min(rank, len(ordered)) - 1]


def _waits(conversations: list[Conversation]) -> dict[str, list[float]]:
    waits: dict[str, list[float]] = defaultdict(list)
    for c in conversations:
        if c.claimed_at is not None and c.queued_at is not None and c.claimed_at >= c.queued_at:
            waits[c.level].append((c.claimed_at - c.queued_at).total_seconds())
    return waits


def _claim_times(waits: dict[str, list[float]], hidden: set[Key]) -> list[ClaimTimes]:
    result = []
    for level in LEVELS:
        values = waits.get(level, [])
        published = bool(values) and ("claimed", level) not in hidden
        result.append(ClaimTimes(level, len(values) if published or not values else None,
                                 statistics.median(values) if published else None,
                                 percentile(values, 0.9) if published else None))  # fmt: skip
    return result


def _categories(session: Session, ids: list[Conversation]) -> dict[object, list[str]]:
    wanted = [c.id for c in ids]
    found: dict[object, list[str]] = defaultdict(list)
    if not wanted:
        return found
    rows = session.execute(
        select(CaseConversation.conversation_id, Case.categories)
        .join(Case, Case.id == CaseConversation.case_id).where(CaseConversation.conversation_id.in_(wanted))
    )  # fmt: skip
    for conversation_id, categories in rows:
        found[conversation_id].extend(categories or [])
    return found


def figures(*, session: Session, until: datetime, days: int) -> Figures:
    """The dashboard's figures for the `days` days ending with `until` (UTC dates)."""
    start = (until - timedelta(days=days - 1)).date()
    since = datetime.combine(start, datetime.min.time(), tzinfo=until.tzinfo)
    rows = list(session.scalars(select(Conversation).where(Conversation.opened_at >= since,
                                                           Conversation.opened_at <= until)))  # fmt: skip
    day_list = [start + timedelta(days=i) for i in range(days)]
    day = {c.id: c.opened_at.date() for c in rows}
    categories = _categories(session, rows)
    p1 = [c for c in rows if c.level == "P1" and c.claimed_at is not None and c.deadline is not None]
    within = [c for c in p1 if c.claimed_at is not None and c.deadline is not None and c.claimed_at <= c.deadline]
    counts: dict[Key, int] = {("p1", "within"): len(within), ("p1", "late"): len(p1) - len(within),
                              ("p1", "claimed"): len(p1)}  # fmt: skip
    lines = [Line((("p1", "within"), ("p1", "late")), ("p1", "claimed"))]
    breakdowns = {
        "channel": ("contacts", [(day[c.id], c.channel) for c in rows]),
        "level": ("contacts", [(day[c.id], c.level) for c in rows]),
        "region": ("contacts", [(day[c.id], c.region or "?") for c in rows]),
        "category": ("categories", [(day[c.id], category) for c in rows for category in categories.get(c.id, [])]),
    }
    for name, (scope, observations) in breakdowns.items():
        more_counts, more_lines = _tally(name, scope, day_list, observations)
        counts |= more_counts
        lines += more_lines
    waits = _waits(rows)
    for level in LEVELS:  # claimed + not claimed = the level's contacts; the P1 claimed are counted twice
        claimed = len(waits.get(level, []))
        counts |= {("claimed", level): claimed, ("unclaimed", level): counts.get(("level", level), 0) - claimed}
        if ("level", level) in counts:
            lines.append(Line((("claimed", level), ("unclaimed", level)), ("level", level)))
    if len(p1) == counts[("claimed", "P1")]:
        lines.append(Line((("claimed", "P1"),), ("p1", "claimed")))
    unpublished = frozenset({("p1", "late")} | {("unclaimed", level) for level in LEVELS})
    hidden = protect(counts, lines, unpublished=unpublished)
    p1_claimed = None if ("p1", "claimed") in hidden else len(p1)
    p1_within = None if ("p1", "within") in hidden else len(within)
    feedback = Counter(c.feedback for c in rows if c.feedback in (1, 2, 3))
    return Figures(
        since=start, until=until.date(),
        by_channel=_series("channel", day_list, counts, hidden),
        by_level=_series("level", day_list, counts, hidden),
        by_region=_series("region", day_list, counts, hidden),
        by_category=_series("category", day_list, counts, hidden),
        claim_times=_claim_times(waits, hidden), p1_claimed=p1_claimed, p1_within_target=p1_within,
        p1_share=len(within) / len(p1) if p1_claimed and p1_within is not None else None,
        feedback={score: suppress(feedback.get(score, 0)) for score in (1, 2, 3)},
    )  # fmt: skip


def csv_rows(result: Figures) -> list[list[str]]:
    """The same anonymised figures as rows: figure, breakdown, day, key, value."""
    rows = [["figure", "breakdown", "day", "key", "value"]]
    breakdowns = {"channel": result.by_channel, "level": result.by_level, "region": result.by_region,
                  "category": result.by_category}  # fmt: skip
    for breakdown, series in breakdowns.items():
        for (day, key), cell in sorted(series.cells.items()):
            rows.append(["contacts", breakdown, day.isoformat(), key, shown(cell)])
        for key, cell in series.totals.items():
            rows.append(["contacts_total", breakdown, "", key, shown(cell)])
    for times in result.claim_times:
        rows.append(["claim_seconds_count", "level", "", times.level, shown(times.count)])
        rows.append(["claim_seconds_median", "level", "", times.level, _number(times.median)])
        rows.append(["claim_seconds_p90", "level", "", times.level, _number(times.p90)])
    rows.append(["p1_claimed", "", "", "P1", shown(result.p1_claimed)])
    rows.append(["p1_claimed_within_target", "", "", "P1", shown(result.p1_within_target)])
    rows.append(["p1_share_within_target", "", "", "P1", _number(result.p1_share, 3)])
    for score, cell in result.feedback.items():
        rows.append(["feedback", "score", "", str(score), shown(cell)])
    return rows


def _number(value: float | None, digits: int = 0) -> str:
    return "" if value is None else f"{value:.{digits}f}"
