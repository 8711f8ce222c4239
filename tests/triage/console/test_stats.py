"""Dashboard figures: counts per day, claim times, P1 within target, feedback; small counts suppressed."""

import csv
import io
import itertools
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from sqlalchemy.orm import Session

from helpline.db import utcnow
from tests.triage.console.conftest import Browserless
from triage.console import charts, stats
from triage.conversations.models import Conversation, ConversationState
from triage.staff.models import Role


def _closed(session: Session, *, level: str, channel: str, wait: float, region: str = "CS", feedback: int | None = None,
            days_ago: int = 1) -> None:  # fmt: skip
    opened = utcnow() - timedelta(days=days_ago)
    queued = opened + timedelta(seconds=10)
    target = {"P1": 60, "P2": 900, "P3": 7200, "P4": 86400}[level]
    session.add(Conversation(channel=channel, pseudonym=uuid.uuid4().hex, state=ConversationState.CLOSED,
                             opened_at=opened, level=level, region=region, queued_at=queued,
                             deadline=queued + timedelta(seconds=target), claimed_at=queued + timedelta(seconds=wait),
                             feedback=feedback))  # fmt: skip


def test_suppression_hides_small_counts_but_not_zero() -> None:
    assert [stats.suppress(n) for n in (0, 1, 4, 5, 12)] == [0, None, None, 5, 12]
    assert stats.shown(None) == "x"
    assert stats.shown(7) == "7"


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 11)]
    assert stats.percentile(values, 0.9) == 9.0
    assert stats.percentile(values, 0.5) == 5.0
    assert stats.percentile([3.0], 0.9) == 3.0


def test_figures(session: Session) -> None:
    for wait in (20, 30, 40, 50, 55, 120):
        _closed(session, level="P1", channel="sms", wait=wait, feedback=3)
    for _ in range(3):
        _closed(session, level="P3", channel="telegram", wait=600, region="MS", feedback=1)
    session.commit()
    result = stats.figures(session=session, until=utcnow(), days=7)
    day = (utcnow() - timedelta(days=1)).date()
    assert result.by_channel.cells[(day, "telegram")] is None, "3 contacts are suppressed"
    assert result.by_channel.cells[(day, "sms")] is None, "else 9 contacts in all, minus 6, would give the 3 away"
    assert result.by_region.totals == {"CS": None, "MS": None}
    p1 = next(t for t in result.claim_times if t.level == "P1")
    assert p1.count == 6
    assert p1.median == 45.0
    assert p1.p90 == 120.0
    p3 = next(t for t in result.claim_times if t.level == "P3")
    assert (p3.count, p3.median) == (None, None), "too few to publish"
    assert (result.p1_claimed, result.p1_within_target) == (6, None), "6 claimed minus 5 within would show 1 late"
    assert result.p1_share is None
    assert result.feedback == {1: None, 2: 0, 3: 6}


def test_csv_has_the_same_anonymised_figures(session: Session, console: Callable[..., Browserless]) -> None:
    for wait in (20, 30, 40, 50, 60):
        _closed(session, level="P2", channel="whatsapp", wait=wait)
    _closed(session, level="P4", channel="sms", wait=5)
    session.commit()
    supervisor = console(role=Role.SUPERVISOR, centre=None)
    response = supervisor.client.get("/console/dashboard.csv?days=7")
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["cache-control"] == "no-store"
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["figure", "breakdown", "day", "key", "value"]
    values = {(r[0], r[1], r[3]) for r in rows if r[4] not in ("0", "")}
    assert ("contacts", "channel", "whatsapp") in values
    shown = [r[4] for r in rows if r[:2] == ["contacts", "channel"] and r[3] == "sms" and r[4] != "0"]
    assert shown == ["x"], "one contact is never shown as 1"
    assert "1" not in {r[4] for r in rows if r[0] == "contacts"}


def test_dashboard_draws_svg_on_the_server(session: Session, console: Callable[..., Browserless]) -> None:
    for wait in (20, 30, 40, 50, 60):
        _closed(session, level="P1", channel="sms", wait=wait)
    session.commit()
    page = console(role=Role.ADMIN, centre=None).client.get("/console/dashboard?days=7")
    assert page.status_code == 200
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page.text
    assert 'id="claim-times"' in page.text
    assert "100 %" in page.text


def test_charts_escape_labels() -> None:
    day = utcnow().date()
    series = stats.Series([day], ["<b>"], {(day, "<b>"): 5}, {"<b>": 5})
    svg = charts.stacked_days(series, title="t & t")
    assert "<b>" not in svg
    assert "&lt;b&gt;" in svg
    assert charts.bars([("P1", None), ("P2", 30.0)], title="x").count("<rect") == 1


# Complementary suppression: what a reader could work out from every figure shown, by trying every table of
# counts that agrees with it. The per-day and overall totals are taken as known (another breakdown may show them).

Table = tuple[dict[tuple[date, str], int | None], dict[str, int | None]]


def _compositions(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    """Every way to write `total` as `parts` counts of at least 1 (a hidden count is never 0: 0 is shown)."""
    if parts == 0:
        if total == 0:
            yield ()
        return
    for cut in itertools.combinations(range(1, total), parts - 1):
        bounds = (0, *cut, total)
        yield tuple(b - a for a, b in itertools.pairwise(bounds))


def _possible(table: Table, day_totals: dict[date, int]) -> dict[str, set[int]]:
    """For every hidden figure, the values it can take in a table that agrees with everything shown."""
    cells, totals = table
    keys = sorted(totals)
    rows = []
    for day, day_total in day_totals.items():
        hidden = [key for key in keys if cells[(day, key)] is None]
        rest = day_total - sum(cells[(day, key)] or 0 for key in keys)
        rows.append([dict(zip(hidden, values, strict=True)) for values in _compositions(rest, len(hidden))])
    found: dict[str, set[int]] = {}
    for choice in itertools.product(*rows):
        columns = {key: sum(row.get(key, cells[(day, key)] or 0) for day, row in zip(day_totals, choice, strict=True))
                   for key in keys}  # fmt: skip
        if any(totals[key] is not None and totals[key] != columns[key] for key in keys):
            continue
        for day, row in zip(day_totals, choice, strict=True):
            for key, value in row.items():
                found.setdefault(f"{day} {key}", set()).add(value)
        for key in keys:
            if totals[key] is None:
                found.setdefault(f"total {key}", set()).add(columns[key])
    return found


def _from_csv(rows: list[list[str]], breakdown: str) -> Table:
    def value(text: str) -> int | None:
        return None if text == stats.HIDDEN else int(text)

    cells = {(date.fromisoformat(r[2]), r[3]): value(r[4]) for r in rows if r[:2] == ["contacts", breakdown]}
    totals = {r[3]: value(r[4]) for r in rows if r[:2] == ["contacts_total", breakdown]}
    return cells, totals


def test_no_suppressed_count_can_be_worked_out_from_the_totals(
    session: Session, console: Callable[..., Browserless]
) -> None:
    contacts = {  # (days ago, channel): count; telegram's 2 is the one small count
        (1, "sms"): 6, (1, "telegram"): 2, (1, "whatsapp"): 5,
        (2, "sms"): 7, (2, "whatsapp"): 9,
    }  # fmt: skip
    for (days_ago, channel), count in contacts.items():
        for _ in range(count):
            _closed(session, level="P3", channel=channel, wait=60, days_ago=days_ago)
    session.commit()
    result = stats.figures(session=session, until=utcnow(), days=7)
    day_totals = Counter({(utcnow() - timedelta(days=d)).date(): 0 for d in range(7)})
    for (days_ago, _channel), count in contacts.items():
        day_totals[(utcnow() - timedelta(days=days_ago)).date()] += count
    yesterday = (utcnow() - timedelta(days=1)).date()
    assert result.by_channel.cells[(yesterday, "telegram")] is None
    assert result.by_channel.totals["telegram"] is None

    rows = list(csv.reader(io.StringIO(console(role=Role.SUPERVISOR, centre=None).client.get(
        "/console/dashboard.csv?days=7").text)))  # fmt: skip
    for label, table in (("figures", (result.by_channel.cells, result.by_channel.totals)),
                         ("csv", _from_csv(rows, "channel"))):  # fmt: skip
        possible = _possible(table, dict(day_totals))
        assert possible, f"{label}: no table agrees with what is shown"
        hidden = [f"{day} {key}" for (day, key), cell in table[0].items() if cell is None]
        hidden += [f"total {key}" for key, cell in table[1].items() if cell is None]
        assert sorted(possible) == sorted(hidden)
        derived = {name: values for name, values in possible.items() if len(values) == 1}
        assert not derived, f"{label}: suppressed counts can be worked out: {derived}"
        assert 2 in possible[f"{yesterday} telegram"]
    assert _from_csv(rows, "channel") == (result.by_channel.cells, result.by_channel.totals), "CSV = dashboard"


def test_claim_counts_do_not_give_away_how_many_were_never_claimed(session: Session) -> None:
    for wait in (20, 30, 40, 50, 60):
        _closed(session, level="P2", channel="sms", wait=wait)
    for _ in range(2):
        session.add(Conversation(channel="sms", pseudonym=uuid.uuid4().hex, state=ConversationState.CLOSED,
                                 opened_at=utcnow() - timedelta(days=1), level="P2", region="CS"))  # fmt: skip
    session.commit()
    result = stats.figures(session=session, until=utcnow(), days=7)
    assert result.by_level.totals == {"P2": 7}
    p2 = next(t for t in result.claim_times if t.level == "P2")
    assert (p2.count, p2.median, p2.p90) == (None, None, None), "7 contacts minus 5 claimed would show 2"
