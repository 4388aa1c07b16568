"""The attendance chart, drawn on the server as SVG (no JavaScript): each family member's
attendance rate month by month, as bars from 0 to 100%. The same numbers are in the table beside
it, so the chart is decorative for a screen reader (it has a text title)."""

from dataclasses import dataclass

PALETTE = ("#1d70b8", "#00703c", "#d4351c", "#6f72af", "#f47738", "#505a5f")
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 260, 44, 40, 20


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    colour: str
    value: int
    series: str
    month: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list
    labels: list  # (x, text)
    legend: list  # (x, y, colour, text)
    ticks: list  # (y, text)
    baseline: int
    title: str


def attendance_chart(report) -> Chart | None:
    """Grouped bars: one group a month, one bar a family member's rate that month."""
    if report.empty:
        return None
    members = report.members
    plot_height = HEIGHT - TOP - BOTTOM
    group = (WIDTH - LEFT) // max(len(report.months), 1)
    bar_width = max((group - 12) // max(len(members), 1), 3)
    colours = {pk: PALETTE[i % len(PALETTE)] for i, (pk, _name) in enumerate(members)}
    bars, labels = [], []
    for index, line in enumerate(report.months):
        start = LEFT + index * group + 6
        month = f"{line.month:%b %Y}"
        for offset, (pk, name) in enumerate(members):
            row = line.rows.get(pk)
            rate = row.rate if row else None
            if rate is None:
                continue
            height = round(rate / 100 * plot_height)
            bars.append(
                Bar(
                    x=start + offset * bar_width,
                    y=TOP + plot_height - height,
                    width=max(bar_width - 2, 1),
                    height=height,
                    colour=colours[pk],
                    value=rate,
                    series=name,
                    month=month,
                )
            )
        labels.append((start + (bar_width * len(members)) // 2, f"{line.month:%b}"))
    ticks = [(TOP + plot_height - round(v / 100 * plot_height), f"{v}%") for v in (0, 50, 100)]
    legend = [
        (LEFT + (i % 3) * 200, HEIGHT + 4 + (i // 3) * 18, colours[pk], name)
        for i, (pk, name) in enumerate(members)
    ]
    return Chart(
        width=WIDTH,
        height=HEIGHT + 12 + 18 * (1 + (len(members) - 1) // 3),
        bars=bars,
        labels=labels,
        legend=legend,
        ticks=ticks,
        baseline=TOP + plot_height,
        title="Family time attendance rate by month, for each family member",
    )
