"""Dashboard figures: counts per day, claim times, P1 within target, feedback; small counts suppressed."""

import csv
import io
import uuid
from collections.abc import Callable
from datetime import timedelta

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
    assert stats.shown(None) == "<5"
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
    assert result.by_channel.cells[(day, "sms")] == 6
    assert result.by_channel.cells[(day, "telegram")] is None, "3 contacts are suppressed"
    assert result.by_region.totals == {"CS": 6, "MS": None}
    p1 = next(t for t in result.claim_times if t.level == "P1")
    assert p1.count == 6
    assert p1.median == 45.0
    assert p1.p90 == 120.0
    p3 = next(t for t in result.claim_times if t.level == "P3")
    assert (p3.count, p3.median) == (None, None), "too few to publish"
    assert (result.p1_claimed, result.p1_within_target) == (6, 5)
    assert result.p1_share is not None
    assert abs(result.p1_share - 5 / 6) < 1e-9
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
    assert shown == ["<5"], "one contact is never shown as 1"
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
