"""Knowledge entries and search results as Telegram HTML. Plain functions: no aiogram, every value escaped."""

from __future__ import annotations

import datetime as dt
from html import escape

from bot.kb import KnowledgeBase, SearchResult
from bot.kb.countries import country_label
from bot.kb.fines import FinesQuery
from bot.kb.models import Entry
from bot.texts import MONTHS_RU, t

TELEGRAM_LIMIT = 4096


def format_date(value: dt.date, lang: str) -> str:
    if lang == "ru":
        return f"{value.day} {MONTHS_RU[value.month - 1]} {value.year}"
    return value.strftime("%-d %b %Y")


def format_eur(amount: int, lang: str) -> str:
    """1200000000 -> "1 200 000 000 €" (ru) / "€1,200,000,000" (en)."""
    if lang == "ru":
        return f"{amount:,} €".replace(",", "\u00a0")
    return f"€{amount:,}"


def short_eur(amount: int, lang: str) -> str:
    """1200000000 -> "1,2 млрд €" / "€1.2bn": for lists and buttons."""
    for size, ru, en in ((10**9, "млрд", "bn"), (10**6, "млн", "m"), (10**3, "тыс.", "k")):
        if amount >= size:
            value = f"{amount / size:.2f}".rstrip("0").rstrip(".")
            return f"{value.replace('.', ',')} {ru} €" if lang == "ru" else f"€{value}{en}"
    return format_eur(amount, lang)


def source_line(entry: Entry, lang: str) -> str:
    return (
        f'{t("source", lang)}: <a href="{escape(entry.source.url)}">{escape(entry.source.title)}</a>'
        f" ({t('checked', lang)} {format_date(entry.checked, lang)})"
    )


def fine_facts(entry: Entry, lang: str) -> str:
    fine = entry.fine
    if fine is None:
        return ""
    labels = {
        "ru": ("Кто", "Кого", "Когда", "Сумма", "Статьи", "Режим"),
        "en": ("Authority", "Company", "Decided", "Amount", "Articles", "Regime"),
    }[lang]
    eprivacy = "ePrivacy (cookie), не GDPR" if lang == "ru" else "ePrivacy (cookies), not GDPR"
    regime = {"gdpr": "GDPR", "eprivacy": eprivacy}
    rows = [
        (labels[0], f"{fine.authority} ({country_label(fine.country, lang)})"),
        (labels[1], fine.company),
        (labels[2], format_date(fine.decision_date, lang)),
        (labels[3], format_eur(fine.amount_eur, lang)),
    ]
    if fine.articles:
        rows.append((labels[4], ", ".join(fine.articles)))
    rows.append((labels[5], regime[fine.regime]))
    return "\n".join(f"• {name}: {escape(value, quote=False)}" for name, value in rows)


def render_entry(entry: Entry, lang: str) -> str:
    parts = [f"<b>{escape(entry.title.get(lang), quote=False)}</b>", escape(entry.answer.get(lang), quote=False)]
    facts = fine_facts(entry, lang)
    if facts:
        parts.append(facts)
    parts.append(source_line(entry, lang))
    parts.append(t("disclaimer", lang))
    return "\n\n".join(parts)


SUGGESTION_MIN_COVERAGE = 0.3


def suggestions_for(result: SearchResult) -> list[Entry]:
    """Near misses worth offering when the bot is not sure; noise ("<script>") offers nothing."""
    return [hit.entry for hit in result.hits[:3] if hit.coverage >= SUGGESTION_MIN_COVERAGE]


def render_not_sure(result: SearchResult, lang: str) -> str:
    parts = [t("not_sure", lang)]
    suggestions = suggestions_for(result)
    if suggestions:
        parts.append(t("maybe_these", lang))
        parts.extend(f"• {escape(entry.title.get(lang), quote=False)}" for entry in suggestions)
    parts.append(t("topics", lang))
    parts.append(t("disclaimer", lang))
    return "\n\n".join(parts)


def render_fines_list(kb: KnowledgeBase, query: FinesQuery, found: list[Entry], lang: str) -> str:
    title = t("fines_list_title", lang)
    filters = []
    if query.company_label:
        filters.append(query.company_label)
    if query.country:
        filters.append(country_label(query.country, lang))
    if query.article:
        filters.append(("ст. " if lang == "ru" else "art. ") + query.article)
    if query.year:
        filters.append(str(query.year))
    header = f"<b>{escape(title, quote=False)}{': ' + escape(', '.join(filters), quote=False) if filters else ''}</b>"
    if not found:
        return "\n\n".join([header, t("fines_none", lang), t("disclaimer", lang)])
    lines = []
    for number, entry in enumerate(found[: query.limit], start=1):
        fine = entry.fine
        assert fine is not None
        lines.append(
            f"{number}. {escape(fine.company, quote=False)} — {short_eur(fine.amount_eur, lang)} "
            f"({escape(fine.authority, quote=False)}, {country_label(fine.country, lang)}, "
            f"{format_date(fine.decision_date, lang)})"
            + (" [ePrivacy]" if fine.regime == "eprivacy" else "")
        )
    if len(found) > query.limit:
        more = len(found) - query.limit
        lines.append(f"… ещё {more}" if lang == "ru" else f"… {more} more")
    newest = max(e.checked for e in kb.fines.fines)
    notes = [t("fines_data_note", lang, count=len(kb.fines.fines), date=format_date(newest, lang))]
    if kb.fines.excluded_eprivacy(query):
        notes.append(t("fines_eprivacy_note", lang))
    return "\n\n".join([header, "\n".join(lines), "\n".join(f"<i>{n}</i>" for n in notes), t("disclaimer", lang)])


def button_title(entry: Entry, lang: str, limit: int = 60) -> str:
    title = entry.title.get(lang)
    return title if len(title) <= limit else title[: limit - 1] + "…"


def fit(text: str) -> str:
    """Entries are short by design; this only guards the Telegram limit if one is not."""
    if len(text) <= TELEGRAM_LIMIT:
        return text
    cut = text.rfind("\n\n", 0, TELEGRAM_LIMIT - 10)
    return text[: cut if cut > 0 else TELEGRAM_LIMIT - 10] + "\n\n…"
