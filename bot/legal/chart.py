"""Charts of the fines data as PNG bytes (matplotlib, Agg backend, no pyplot: safe to call from a worker thread)."""

from __future__ import annotations

import io

from bot.kb.countries import country_label

_TITLES = {
    ("year", "ru"): "Штрафы GDPR по годам (сумма, млн €; над столбцом — число решений)",
    ("year", "en"): "GDPR fines by year (total, € million; count of decisions above each bar)",
    ("country", "ru"): "Штрафы GDPR по странам (сумма, млн €; над столбцом — число решений)",
    ("country", "en"): "GDPR fines by country (total, € million; count of decisions above each bar)",
}


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
    axes.set_ylabel("млн €" if lang == "ru" else "€ million")
    for bar, (_, count, _) in zip(bars, rows, strict=True):
        axes.annotate(str(count), (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center", va="bottom",
                      fontsize=9, xytext=(0, 2), textcoords="offset points")
    if not rows:
        axes.text(0.5, 0.5, "нет данных" if lang == "ru" else "no data", ha="center", va="center",
                  transform=axes.transAxes)
    axes.set_title(_TITLES[(kind, lang if lang == "ru" else "en")], fontsize=11)
    if subtitle:
        figure.text(0.01, 0.01, subtitle, fontsize=8, color="#555555")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
