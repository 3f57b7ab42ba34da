"""Knowledge entries and search results as Telegram HTML. Plain functions: no aiogram, every value escaped."""

from __future__ import annotations

import datetime as dt
from html import escape

from bot.kb import KnowledgeBase, SearchResult
from bot.kb.countries import country_label
from bot.kb.fines import FinesQuery
from bot.kb.models import Entry, Fine, Outcome
from bot.texts import MONTHS_RU, t

TELEGRAM_LIMIT = 4096


def format_date(value: dt.date, lang: str) -> str:
    if lang == "ru":
        return f"{value.day} {MONTHS_RU[value.month - 1]} {value.year}"
    return value.strftime("%-d %b %Y")


# --------------------------------------------------------------------------- numbers, money, durations

_SIGNS = {"RUB": ("₽", "RUB "), "EUR": ("€", "€"), "INR": ("₹", "₹")}   # (after a Russian number, before an English)
_CRORE = 10**7
_UNITS = ((10**9, "млрд", "billion", "bn"), (10**6, "млн", "million", "m"), (10**3, "тыс.", "thousand", "k"))


def number_text(value: float, lang: str, decimals: int = 0) -> str:
    """12345.6 -> "12 345,6" (ru) / "12,345.6" (en), trailing zeros dropped."""
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\u00a0").replace(".", ",") if lang == "ru" else text


def _money_parts(amount: int, currency: str, lang: str, style: str) -> tuple[str, str]:
    """(number, unit) of an amount in a style (see `money`)."""
    ru = lang == "ru"
    if style == "short":
        for size, ru_unit, _, en_unit in _UNITS:
            if amount >= size:
                return number_text(amount / size, lang, 2), ru_unit if ru else en_unit
    elif style == "words":
        if currency == "INR" and amount >= _CRORE and amount % (_CRORE // 100) == 0:
            return number_text(amount / _CRORE, lang, 2), "крор" if ru else "crore"
        for size, ru_unit, en_unit, _ in _UNITS[:2]:
            if amount >= size and amount % (size // 1000) == 0:
                return number_text(amount / size, lang, 3), ru_unit if ru else en_unit
    return number_text(amount, lang), ""


def _dress(number: str, unit: str, currency: str, lang: str, style: str) -> str:
    if currency == "INR" and unit in ("крор", "crore"):
        return f"{number} крор рупий" if lang == "ru" else f"₹{number} crore"
    after, before = _SIGNS[currency]
    if lang == "ru":
        return " ".join(x for x in (number, unit, after) if x)
    return f"{before}{number}" + (unit if style == "short" else f" {unit}" if unit else "")


def money(amount: int, currency: str, lang: str, *, style: str = "words") -> str:
    """An amount of RUB, EUR or INR. Styles:
    "words": exact, in millions or billions when it is round: "3 млн ₽" / "RUB 3 million", "150 000 ₽",
             "250 крор рупий" / "₹250 crore";
    "short": for lists and buttons, to two decimals: "1,2 млрд €" / "€1.2bn", "150 тыс. €" / "€150k";
    "full":  every digit: "1 200 000 000 €" / "€1,200,000,000"."""
    return _dress(*_money_parts(amount, currency, lang, style), currency, lang, style)


def money_range(low: int, high: int, currency: str, lang: str) -> str:
    """"от 3 до 5 млн ₽" / "RUB 3–5 million" when both ends share a unit, else each end in full."""
    (low_number, low_unit), (high_number, high_unit) = (_money_parts(low, currency, lang, "words"),
                                                        _money_parts(high, currency, lang, "words"))
    if low_unit == high_unit:
        if lang == "ru":
            return f"от {low_number} до " + _dress(high_number, high_unit, currency, lang, "words")
        return _dress(f"{low_number}–{high_number}", high_unit, currency, lang, "words")
    return t("money_range", lang, low=money(low, currency, lang), high=money(high, currency, lang))


def format_eur(amount: int, lang: str) -> str:
    """1200000000 -> "1 200 000 000 €" (ru) / "€1,200,000,000" (en)."""
    return money(amount, "EUR", lang, style="full")


def short_eur(amount: int, lang: str) -> str:
    """1200000000 -> "1,2 млрд €" / "€1.2bn": for lists and buttons."""
    return money(amount, "EUR", lang, style="short")


def format_duration(seconds: float, lang: str) -> str:
    """The two largest units of a span of time: "2 д 23 ч", "6 ч", "2 мин 50 с" / "2 d 23 h", "11 s"."""
    rest = int(round(abs(seconds)))
    parts = []
    for key, size in (("dur_days", 86400), ("dur_hours", 3600), ("dur_minutes", 60), ("dur_seconds", 1)):
        count, rest = divmod(rest, size)
        if parts or count:
            parts.append(t(key, lang, n=count) if count else "")
        if len(parts) == 2:
            break
    return " ".join(p for p in parts if p) or t("dur_seconds", lang, n=0)


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
    if fine.history:
        rows[3] = (labels[3], _standing_text(fine, lang, format_eur))
        rows.append((_LATER[lang], "; ".join(
            f"{_step_date(step, lang)}: {_OUTCOME_LABELS[lang][step.outcome]} ({step.by})"
            + (f", {format_eur(step.amount_eur, lang)}" if step.amount_eur else "") for step in fine.history)))
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


# --------------------------------------------------------------------------- lists of fines

# What happened to a fine later (models.Outcome.outcome), as the list and the facts say it.
_OUTCOME_LABELS = {
    "ru": {"appealed": "обжалован", "upheld": "оставлен в силе", "reduced": "снижен", "increased": "увеличен",
           "annulled": "отменён", "remitted": "дело возвращено на новое рассмотрение", "re-decided": "назначен заново"},
    "en": {"appealed": "appealed", "upheld": "upheld", "reduced": "reduced", "increased": "increased",
           "annulled": "annulled", "remitted": "sent back for a new ruling", "re-decided": "decided anew"},
}
_LATER = {"ru": "Дальше", "en": "Later"}
_WAS = {"ru": "было", "en": "was"}


def _step_date(step: Outcome, lang: str) -> str:
    """A court step's date as precisely as it is known: "27 Dec 2024", "Nov 2020" or "2025"."""
    if step.date_precision == "year":
        return str(step.date.year)
    if step.date_precision == "month":
        return format_date(step.date, lang).split(" ", 1)[1]
    return format_date(step.date, lang)


def _standing_text(fine: Fine, lang: str, money_text) -> str:
    """The amount that stands: "€16m (was €18m)", "annulled (was €26.51m)", or just the amount."""
    standing, decided = fine.standing_eur, money_text(fine.amount_eur, lang)
    if standing == 0:
        return f"{_OUTCOME_LABELS[lang]['annulled']} ({_WAS[lang]} {decided})"
    if standing != fine.amount_eur:
        return f"{money_text(standing, lang)} ({_WAS[lang]} {decided})"
    return decided


def fine_line(entry: Entry, lang: str) -> str:
    """One fine on one line: "Meta — €1.2bn (DPC, Ireland, 22 May 2023)", escaped. A fine changed in court shows
    the amount that stands and the last step: "Post AG — €16m (was €18m) (DSB, Austria, 23 Oct 2019; upheld 27 Dec
    2024)"."""
    fine = entry.fine
    assert fine is not None
    step = fine.changed or (fine.history[-1] if fine.history else None)
    later = f"; {_OUTCOME_LABELS[lang][step.outcome]} {_step_date(step, lang)}" if step else ""
    return (f"{escape(fine.company, quote=False)} — {_standing_text(fine, lang, short_eur)} "
            f"({escape(fine.authority, quote=False)}, {country_label(fine.country, lang)}, "
            f"{format_date(fine.decision_date, lang)}{later})" + (" [ePrivacy]" if fine.regime == "eprivacy" else ""))


def fines_filters(lang: str, *, company: str | None = None, country: str | None = None,
                  authority: str | None = None, article: str | None = None, year: int | None = None,
                  sector: str | None = None, min_amount: int = 0) -> str:
    """What a list of fines is filtered by, as plain text: "Meta, Ireland, art. 5, 2023" ("" when nothing)."""
    bits = [company, country_label(country, lang) if country else None, authority,
            (("ст. " if lang == "ru" else "art. ") + article) if article else None, str(year) if year else None,
            sector, ("≥ " + short_eur(min_amount, lang)) if min_amount else None]
    return ", ".join(bit for bit in bits if bit)


def fines_header(filters: str, lang: str) -> str:
    """"<b>GDPR fines: Meta, 2023</b>"."""
    label = f": {filters}" if filters else ""
    return f"<b>{escape(t('fines_list_title', lang) + label, quote=False)}</b>"


def fines_notes(fines: list[Entry], lang: str, *, eprivacy_left_out: bool) -> str:
    """Where the fines data comes from and how fresh it is; whether cookie fines were left out (italic lines)."""
    newest = max((e.checked for e in fines), default=None)
    notes = [t("fines_data_note", lang, count=len(fines), date=format_date(newest, lang) if newest else "—")]
    if eprivacy_left_out:
        notes.append(t("fines_eprivacy_note", lang))
    return "\n".join(f"<i>{n}</i>" for n in notes)


def render_fines_list(kb: KnowledgeBase, query: FinesQuery, found: list[Entry], lang: str) -> str:
    header = fines_header(fines_filters(lang, company=query.company_label, country=query.country,
                                        article=query.article, year=query.year), lang)
    if not found:
        return "\n\n".join([header, t("fines_none", lang), t("disclaimer", lang)])
    lines = [f"{number}. {fine_line(entry, lang)}" for number, entry in enumerate(found[: query.limit], start=1)]
    if len(found) > query.limit:
        more = len(found) - query.limit
        lines.append(f"… ещё {more}" if lang == "ru" else f"… {more} more")
    notes = fines_notes(kb.fines.fines, lang, eprivacy_left_out=kb.fines.excluded_eprivacy(query))
    return "\n\n".join([header, "\n".join(lines), notes, t("disclaimer", lang)])


def button_title(entry: Entry, lang: str, limit: int = 60) -> str:
    title = entry.title.get(lang)
    return title if len(title) <= limit else title[: limit - 1] + "…"


def fit(text: str) -> str:
    """Entries are short by design; this only guards the Telegram limit if one is not."""
    if len(text) <= TELEGRAM_LIMIT:
        return text
    cut = text.rfind("\n\n", 0, TELEGRAM_LIMIT - 10)
    return text[: cut if cut > 0 else TELEGRAM_LIMIT - 10] + "\n\n…"
