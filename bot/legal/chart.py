"""Charts of the fines data as PNG bytes (matplotlib, Agg backend, no pyplot: safe to call from a worker thread)."""

from __future__ import annotations

import io

from bot.i18n import t
from bot.kb.countries import country_label

_TITLES = {"year": "chart_title_year", "country": "chart_title_country"}


def fines_chart(kind: str, rows: list[tuple[object, int, int]], lang: str, subtitle: str = "") -> bytes:
    """A bar chart of (label, count, total euros) rows; kind is "year" or "country"."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if kind not in ("year", "country"):
        raise ValueError(f"unknown chart kind {kind!r}")
    figure = Figure(figsize=(9, 5), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    labels = [str(label) if kind == "year" else country_label(str(label), lang) for label, _, _ in rows]
    totals = [total / 1_000_000 for _, _, total in rows]
    bars = axes.bar(range(len(rows)), totals, color="#3b6ea5")
    axes.set_xticks(range(len(rows)), labels, rotation=0 if kind == "year" else 35,
                    ha="center" if kind == "year" else "right")
    axes.set_ylabel(t("chart_axis_eur_million", lang))
    for bar, (_, count, _) in zip(bars, rows, strict=True):
        axes.annotate(str(count), (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center", va="bottom",
                      fontsize=9, xytext=(0, 2), textcoords="offset points")
    if not rows:
        axes.text(0.5, 0.5, t("chart_no_data", lang), ha="center", va="center",
                  transform=axes.transAxes)
    axes.set_title(t(_TITLES[kind], lang), fontsize=11)
    if subtitle:
        figure.text(0.01, 0.01, subtitle, fontsize=8, color="#555555")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
