"""Knowledge entries and search results as Telegram HTML. Plain functions: no aiogram, every value escaped."""

from __future__ import annotations

from html import escape

from bot.formatting import format_date, format_money
from bot.i18n import t
from bot.kb import KnowledgeBase, SearchResult
from bot.kb.countries import country_label
from bot.kb.fines import FinesQuery
from bot.kb.models import Entry, Fine, Outcome

TELEGRAM_LIMIT = 4096


def format_eur(amount: int, lang: str) -> str:
    """1200000000 -> "1 200 000 000 €" (ru) / "€1,200,000,000" (en)."""
    return format_money(amount, "EUR", lang, style="full")


def short_eur(amount: int, lang: str) -> str:
    """1200000000 -> "1,2 млрд €" / "€1.2bn": for lists and buttons."""
    return format_money(amount, "EUR", lang, style="short")


def source_line(entry: Entry, lang: str) -> str:
    return (
        f'{t("source", lang)}: <a href="{escape(entry.source.url)}">{escape(entry.source.title)}</a>'
        f" ({t('checked', lang)} {format_date(entry.checked, lang)})"
    )


def fine_facts(entry: Entry, lang: str) -> str:
    fine = entry.fine
    if fine is None:
        return ""
    labels = [t(key, lang) for key in ("fact_authority", "fact_company", "fact_decided", "fact_amount",
                                       "fact_articles", "fact_regime")]
    regime = {"gdpr": "GDPR", "eprivacy": t("fact_regime_eprivacy", lang)}
    rows = [
        (labels[0], f"{fine.authority} ({country_label(fine.country, lang)})"),
        (labels[1], fine.company),
        (labels[2], format_date(fine.decision_date, lang)),
        (labels[3], format_eur(fine.amount_eur, lang)),
    ]
    if fine.history:
        rows[3] = (labels[3], _standing_text(fine, lang, format_eur))
        rows.append((t("fact_later", lang), "; ".join(
            f"{_step_date(step, lang)}: {outcome_label(step.outcome, lang)} ({step.by})"
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
_OUTCOME_KEYS = {"appealed": "outcome_appealed", "upheld": "outcome_upheld", "reduced": "outcome_reduced",
                 "increased": "outcome_increased", "annulled": "outcome_annulled", "remitted": "outcome_remitted",
                 "re-decided": "outcome_re_decided"}


def outcome_label(outcome: str, lang: str) -> str:
    return t(_OUTCOME_KEYS[outcome], lang)


def _step_date(step: Outcome, lang: str) -> str:
    """A court step's date as precisely as it is known: "27 Dec 2024", "Nov 2020" or "2025"."""
    return format_date(step.date, lang, precision=step.date_precision)


def _standing_text(fine: Fine, lang: str, money_text) -> str:
    """The amount that stands: "€16m (was €18m)", "annulled (was €26.51m)", or just the amount."""
    standing, decided = fine.standing_eur, money_text(fine.amount_eur, lang)
    if standing == 0:
        return t("fine_was", lang, now=outcome_label("annulled", lang), was=decided)
    if standing != fine.amount_eur:
        return t("fine_was", lang, now=money_text(standing, lang), was=decided)
    return decided


def fine_line(entry: Entry, lang: str) -> str:
    """One fine on one line: "Meta — €1.2bn (DPC, Ireland, 22 May 2023)", escaped. A fine changed in court shows
    the amount that stands and the last step: "Post AG — €16m (was €18m) (DSB, Austria, 23 Oct 2019; upheld 27 Dec
    2024)"."""
    fine = entry.fine
    assert fine is not None
    step = fine.changed or (fine.history[-1] if fine.history else None)
    later = f"; {outcome_label(step.outcome, lang)} {_step_date(step, lang)}" if step else ""
    return (f"{escape(fine.company, quote=False)} — {_standing_text(fine, lang, short_eur)} "
            f"({escape(fine.authority, quote=False)}, {country_label(fine.country, lang)}, "
            f"{format_date(fine.decision_date, lang)}{later})" + (" [ePrivacy]" if fine.regime == "eprivacy" else ""))


def fines_filters(lang: str, *, company: str | None = None, country: str | None = None,
                  authority: str | None = None, article: str | None = None, year: int | None = None,
                  sector: str | None = None, min_amount: int = 0) -> str:
    """What a list of fines is filtered by, as plain text: "Meta, Ireland, art. 5, 2023" ("" when nothing)."""
    bits = [company, country_label(country, lang) if country else None, authority,
            t("filter_article", lang, article=article) if article else None, str(year) if year else None,
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
        lines.append(t("list_more", lang, n=more))
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
