"""Plots drawn on the server as SVG (no JavaScript, no CDN): stacked bars per day, and horizontal bars."""

from datetime import date
from html import escape

from triage.console.stats import Series

PALETTE = ("#1b6ca8", "#e4572e", "#29a36a", "#f2a541", "#7d5ba6", "#4ab3c2", "#c44d9a", "#8c8c8c", "#a0522d",
           "#2e4057", "#6b8e23", "#d2691e")  # fmt: skip
LEVEL_COLOURS = {"P1": "#c62828", "P2": "#ef6c00", "P3": "#1565c0", "P4": "#757575"}
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 220, 36, 28, 10


def colour(key: str, index: int) -> str:
    """A stable colour: the level's own for P1–P4, else from the palette."""
    return LEVEL_COLOURS.get(key, PALETTE[index % len(PALETTE)])


def stacked_days(series: Series, *, title: str) -> str:
    """Contacts per day, one stacked bar per day; suppressed cells are left out of the bars."""
    if not series.keys:
        return ""
    heights = {day: sum(series.cells.get((day, key)) or 0 for key in series.keys) for day in series.days}
    top = max([*heights.values(), 1])
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    step = plot_w / max(len(series.days), 1)
    height = HEIGHT + 24 * _legend_rows(series)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" direction="ltr" role="img" '
             f'aria-label="{escape(title)}" class="chart">', f"<title>{escape(title)}</title>"]  # fmt: skip
    parts.append(_axis(top, plot_h))
    for i, day in enumerate(series.days):
        y = float(TOP + plot_h)
        for k, key in enumerate(series.keys):
            count = series.cells.get((day, key)) or 0
            if not count:
                continue
            h = plot_h * count / top
            y -= h
            parts.append(f'<rect x="{LEFT + i * step + 1:.1f}" y="{y:.1f}" width="{max(step - 2, 1):.1f}" '
                         f'height="{h:.1f}" fill="{colour(key, k)}"><title>{_day(day)} {escape(key)}: {count}'
                         "</title></rect>")  # fmt: skip
        if len(series.days) <= 14 or i % 7 == 0:
            parts.append(f'<text x="{LEFT + i * step + step / 2:.1f}" y="{HEIGHT - BOTTOM + 14}" font-size="10" '
                         f'text-anchor="middle" fill="#444">{_day(day)}</text>')  # fmt: skip
    parts.append(_legend(series))
    parts.append("</svg>")
    return "".join(parts)


def _axis(top: int, plot_h: float) -> str:
    base = TOP + plot_h
    return (f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - 8}" y2="{base}" stroke="#999"/>'
            f'<text x="{LEFT - 4}" y="{TOP + 8}" font-size="10" text-anchor="end" fill="#444">{top}</text>'
            f'<text x="{LEFT - 4}" y="{base}" font-size="10" text-anchor="end" fill="#444">0</text>')  # fmt: skip


def _legend_rows(series: Series) -> int:
    return -(-len(series.keys) // 4)


def _legend(series: Series) -> str:
    parts = []
    for k, key in enumerate(series.keys):
        x, y = 8 + (k % 4) * 158, HEIGHT + 6 + (k // 4) * 24
        swatch = f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colour(key, k)}"/>'
        parts.append(f'{swatch}<text x="{x + 16}" y="{y + 11}" font-size="11" fill="#222">{escape(key[:24])}</text>')
    return "".join(parts)


def _day(day: date) -> str:
    return day.strftime("%d/%m")


def bars(values: list[tuple[str, float | None]], *, title: str, unit: str = "") -> str:
    """Horizontal bars, one per label; a missing value (suppressed) draws no bar."""
    if not values:
        return ""
    top = max([v for _label, v in values if v is not None] + [1.0])
    row, height = 26, 26 * len(values) + 8
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
             f'direction="ltr" aria-label="{escape(title)}" class="chart"><title>{escape(title)}</title>']  # fmt: skip
    for i, (label, value) in enumerate(values):
        y = 4 + i * row
        parts.append(f'<text x="4" y="{y + 16}" font-size="12" fill="#222">{escape(label)}</text>')
        if value is not None:
            w = (WIDTH - 220) * value / top
            parts.append(f'<rect x="120" y="{y + 3}" width="{w:.1f}" height="18" fill="{colour(label, i)}"/>'
                         f'<text x="{126 + w:.1f}" y="{y + 16}" font-size="12" fill="#222">{value:.0f}{unit}'
                         "</text>")  # fmt: skip
        else:
            parts.append(f'<text x="120" y="{y + 16}" font-size="12" fill="#666">—</text>')
    parts.append("</svg>")
    return "".join(parts)
