"""The sufficiency chart, drawn on the server as SVG (no JavaScript): for each age band, the
available households beside the children waiting and in the pipeline. The same numbers are in
the table under it, so the chart is decorative for a screen reader (it has a text title)."""

from dataclasses import dataclass

SERIES = (
    ("households", "Available households", "app-chart__bar--households"),
    ("waiting", "Children waiting", "app-chart__bar--waiting"),
    ("pipeline", "Pipeline", "app-chart__bar--pipeline"),
)
COLOURS = {"households": "#00703c", "waiting": "#1d70b8", "pipeline": "#6f777b"}
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 260, 40, 40, 20


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    colour: str
    value: int
    series: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list
    labels: list  # (x, text)
    legend: list  # (x, colour, text)
    ticks: list  # (y, value)
    baseline: int
    title: str


def bar_chart(rows: list[dict]) -> Chart:
    """Grouped bars, one group a row (an age band), one bar a series."""
    biggest = max([1, *(row[key] for row in rows for key, *_ in SERIES)])
    plot_height = HEIGHT - TOP - BOTTOM
    group = (WIDTH - LEFT) // max(len(rows), 1)
    bar_width = max((group - 16) // len(SERIES), 4)
    bars, labels = [], []
    for index, row in enumerate(rows):
        start = LEFT + index * group + 8
        for offset, (key, words, _css) in enumerate(SERIES):
            height = round(row[key] / biggest * plot_height)
            bars.append(
                Bar(
                    x=start + offset * bar_width,
                    y=TOP + plot_height - height,
                    width=bar_width - 2,
                    height=height,
                    colour=COLOURS[key],
                    value=row[key],
                    series=words,
                )
            )
        labels.append((start + (bar_width * len(SERIES)) // 2, row["label"]))
    step = max(1, -(-biggest // 4))
    ticks = [
        (TOP + plot_height - round(value / biggest * plot_height), value)
        for value in range(0, biggest + 1, step)
    ]
    legend = [(LEFT + i * 190, COLOURS[key], words) for i, (key, words, _css) in enumerate(SERIES)]
    return Chart(
        width=WIDTH,
        height=HEIGHT + 30,
        bars=bars,
        labels=labels,
        legend=legend,
        ticks=ticks,
        baseline=TOP + plot_height,
        title="Available early permanence households beside the children waiting and in the "
        "pipeline, by age",
    )
