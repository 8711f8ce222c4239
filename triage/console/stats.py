"""Monitoring and evaluation figures, anonymised: counts below a threshold are suppressed."""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.cases.models import Case, CaseConversation
from triage.conversations.models import Conversation

SUPPRESS_BELOW = 5
LEVELS = ("P1", "P2", "P3", "P4")
Cell = int | None  # None: suppressed (fewer than SUPPRESS_BELOW but more than 0)


def suppress(count: int) -> Cell:
    """The count if it is 0 or large enough to publish, else None."""
    return count if count == 0 or count >= SUPPRESS_BELOW else None


def shown(cell: Cell) -> str:
    """How a cell is printed: the count, or `<5`."""
    return str(cell) if cell is not None else f"<{SUPPRESS_BELOW}"


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


def _series(days: list[date], observations: list[tuple[date, str]]) -> Series:
    counts = Counter(observations)
    totals = Counter(key for _day, key in observations)
    keys = sorted(totals)
    cells = {(day, key): suppress(counts.get((day, key), 0)) for day in days for key in keys}
    return Series(days, keys, cells, {key: suppress(totals[key]) for key in keys})


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of the values (share in 0..1)."""
    ordered = sorted(values)
    rank = max(1, -(-int(share * 100) * len(ordered) // 100))
    return ordered[min(rank, len(ordered)) - 1]


def _claim_times(conversations: list[Conversation]) -> list[ClaimTimes]:
    waits: dict[str, list[float]] = defaultdict(list)
    for c in conversations:
        if c.claimed_at is not None and c.queued_at is not None and c.claimed_at >= c.queued_at:
            waits[c.level].append((c.claimed_at - c.queued_at).total_seconds())
    result = []
    for level in LEVELS:
        values = waits.get(level, [])
        published = suppress(len(values)) not in (None, 0)
        result.append(ClaimTimes(level, suppress(len(values)), statistics.median(values) if published else None,
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
    p1_claimed, p1_within = suppress(len(p1)), suppress(len(within))
    feedback = Counter(c.feedback for c in rows if c.feedback in (1, 2, 3))
    return Figures(
        since=start, until=until.date(),
        by_channel=_series(day_list, [(day[c.id], c.channel) for c in rows]),
        by_level=_series(day_list, [(day[c.id], c.level) for c in rows]),
        by_region=_series(day_list, [(day[c.id], c.region or "?") for c in rows]),
        by_category=_series(day_list, [(day[c.id], category) for c in rows for category in categories.get(c.id, [])]),
        claim_times=_claim_times(rows), p1_claimed=p1_claimed, p1_within_target=p1_within,
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
