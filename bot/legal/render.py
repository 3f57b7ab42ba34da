"""Estimates, deadline plans, fines pages and aggregates as Telegram HTML. Plain functions: every value escaped."""

from __future__ import annotations

import datetime as dt
from html import escape

from bot.kb.countries import country_label
from bot.kb.models import Entry
from bot.legal.deadlines import DUTIES, DeadlinePlan, utc_offset_label
from bot.legal.estimator import (
    CRORE,
    DPDP,
    GDPR,
    KOAP,
    LEGAL,
    MILLION,
    ORDINARY,
    RU,
    Band,
    Estimate,
    Line,
    estimate,
)
from bot.legal.explorer import AMOUNT_STEPS, Aggregate, FinesExplorer, FinesFilter, Page
from bot.legal.texts import lt
from bot.render import format_date, short_eur
from bot.texts import t

_SYMBOL = {"RUB": ("₽", "RUB "), "EUR": ("€", "€"), "INR": ("₹", "₹")}


def _number(value: float, lang: str, decimals: int = 2) -> str:
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:,.0f}"
    return text.replace(",", "\u00a0").replace(".", ",") if lang == "ru" else text


def _parts(amount: int, currency: str, lang: str) -> tuple[str, str]:
    """(number, unit) of an amount: 3000000 -> ("3", "млн"/"million"), 150000 -> ("150 000", "")."""
    if currency == "INR" and amount >= CRORE and amount % (CRORE // 100) == 0:
        return _number(amount / CRORE, lang), "крор" if lang == "ru" else "crore"
    for size, ru, en in ((10**9, "млрд", "billion"), (MILLION, "млн", "million")):
        if amount >= size and amount % (size // 1000) == 0:
            return _number(amount / size, lang, 3), ru if lang == "ru" else en
    return _number(amount, lang, 0), ""


def _dress(number: str, unit: str, currency: str, lang: str) -> str:
    if currency == "INR" and unit:
        return f"{number} крор рупий" if lang == "ru" else f"₹{number} crore"
    if lang == "ru":
        return " ".join(x for x in (number, unit, _SYMBOL[currency][0]) if x)
    return f"{_SYMBOL[currency][1]}{number}" + (f" {unit}" if unit else "")


def money(amount: int, currency: str, lang: str) -> str:
    """3000000 RUB -> "3 млн ₽" / "RUB 3 million"; 2500000000 INR -> "250 крор рупий" / "₹250 crore"."""
    return _dress(*_parts(amount, currency, lang), currency, lang)


def money_range(low: int, high: int, currency: str, lang: str) -> str:
    """"от 3 до 5 млн ₽" / "RUB 3–5 million" when both ends share a unit, else each end in full."""
    (low_number, low_unit), (high_number, high_unit) = _parts(low, currency, lang), _parts(high, currency, lang)
    if low_unit == high_unit:
        if lang == "ru":
            return f"от {low_number} до " + _dress(high_number, high_unit, currency, lang)
        return _dress(f"{low_number}–{high_number}", high_unit, currency, lang)
    return lt("est_range", lang, low=money(low, currency, lang), high=money(high, currency, lang))


def count_text(value: int, lang: str) -> str:
    return _number(value, lang, 0)


def law_ref(band: Band, lang: str) -> str:
    if band.regime == RU:
        return f"ч. {band.part} ст. 13.11 КоАП" if lang == "ru" else f"KoAP Art. 13.11 part {band.part}"
    if band.regime == GDPR:
        return f"ст. {band.part} GDPR" if lang == "ru" else f"GDPR Art. {band.part}"
    return f"п. {band.part} Приложения DPDP" if lang == "ru" else f"DPDP Schedule item {band.part}"


def amount_text(line: Line, lang: str) -> str:
    currency = line.band.currency
    if line.low is not None and line.high is not None and line.low != line.high:
        return money_range(line.low, line.high, currency, lang)
    if line.high is not None:
        return (money(line.high, currency, lang) if line.low == line.high
                else lt("est_up_to", lang, high=money(line.high, currency, lang)))
    return "?"


def _line_text(line: Line, est: Estimate, lang: str) -> str:
    band, case = line.band, est.case
    head = f"<b>{escape(law_ref(band, lang))}</b>"
    if band.regime == GDPR:
        what = lt("est_gdpr_83_4" if band.part == "83(4)" else "est_gdpr_83_5", lang)
        rule = lt("est_gdpr_rule", lang, fixed=money(band.high or 0, "EUR", lang), pct=band.pct_high)
        text = f"{head} — {escape(what)}: {rule}"
        if line.high is not None and case.offender == LEGAL and case.revenue is not None:
            text += "\n  → " + lt("est_gdpr_at", lang, revenue=money(case.revenue, "EUR", lang),
                                  amount=money(line.high, "EUR", lang))
        elif case.offender != LEGAL and line.high is not None:
            text += "\n  → " + lt("est_gdpr_fixed", lang, amount=money(line.high, "EUR", lang))
        return text
    if band.regime == DPDP:
        what = lt("est_dpdp_1" if band.part == "1" else "est_dpdp_2", lang)
        return f"{head} — {escape(what)}: {amount_text(line, lang)}"
    if band.turnover:
        rule = lt("est_turnover_rule", lang, pct_low=band.pct_low, pct_high=band.pct_high,
                  floor=money(band.floor or 0, "RUB", lang), cap=money(band.cap or 0, "RUB", lang))
        text = f"{head}: {rule}"
        if case.revenue is not None:
            text += "\n  → " + lt("est_turnover_at", lang, revenue=money(case.revenue, "RUB", lang),
                                  amount=amount_text(line, lang))
        return text
    when = f" ({lt('est_when', lang, condition=_condition(line.condition, lang))})" if line.condition else ""
    return f"{head}{when}: {amount_text(line, lang)}"


def _condition(part: str | None, lang: str) -> str:
    labels = {
        "12": ("1 000–10 000 чел. или 10 000–100 000 идентификаторов",
               "1,000–10,000 people or 10,000–100,000 identifiers"),
        "13": ("до 100 000 чел. или до 1 млн идентификаторов", "up to 100,000 people or 1 million identifiers"),
        "14": ("более 100 000 чел. или 1 млн идентификаторов", "over 100,000 people or 1 million identifiers"),
    }
    pair = labels.get(part or "", (part or "", part or ""))
    return pair[0] if lang == "ru" else pair[1]


def _facts(est: Estimate, lang: str, count_label: str | None = None) -> str:
    case = est.case
    facts: list[str] = []
    if case.regime == RU:
        if case.category == ORDINARY and count_label:
            facts.append(count_label)
        elif case.category == ORDINARY:
            if case.subjects is not None:
                facts.append(lt("est_people", lang, n=count_text(case.subjects, lang)))
            if case.identifiers is not None:
                facts.append(lt("est_identifiers", lang, n=count_text(case.identifiers, lang)))
            if case.subjects is None and case.identifiers is None:
                facts.append(lt("est_count_unknown", lang))
        facts.append(lt(f"est_{case.category}", lang))
        facts.append(lt("est_repeat" if case.repeat else "est_first", lang))
        facts.append(lt(f"est_{case.offender}", lang))
        if case.revenue is not None:
            facts.append(lt("est_revenue", lang, money=money(case.revenue, "RUB", lang)))
    elif case.regime == GDPR:
        facts.append(lt("est_undertaking" if case.offender == LEGAL else "est_not_undertaking", lang))
        if case.revenue is not None:
            facts.append(lt("est_turnover", lang, money=money(case.revenue, "EUR", lang)))
    return ", ".join(facts)


def _notification(est: Estimate, lang: str) -> str:
    line = est.notification[0]
    ref = law_ref(line.band, lang)
    if est.case.regime == GDPR:
        return lt("est_notify_gdpr", lang, ref=ref)
    return lt(f"est_notify_{est.case.regime}", lang, ref=ref, amount=amount_text(line, lang))


def _note(code: str, values: dict, lang: str) -> str:
    if "value" in values:
        values = {**values, "value": count_text(int(values["value"]), lang)}
    return lt(f"note_{code}", lang, **values)


def _sources(lines: list[Line], extra: list[tuple[str, str]], lang: str) -> str:
    links: dict[str, str] = {}
    for line in lines:
        links.setdefault(line.band.source_url, law_ref(line.band, lang))
    for url, label in extra:
        links.setdefault(url, label)
    parts = [f'<a href="{escape(url)}">{escape(label)}</a>' for url, label in links.items()]
    return f"{lt('est_sources', lang)}: " + " · ".join(parts)


def render_estimate(est: Estimate, lang: str, *, notes: list[str] | None = None, hint: bool = False,
                    count_label: str | None = None) -> str:
    """The estimate as HTML. `notes` are extra note codes from free-text recognition ("records_as_identifiers");
    `count_label` replaces the exact count in the summary when the user picked a band ("👤 1 000–10 000")."""
    case = est.case
    parts = [f"<b>{lt(f'est_title_{case.regime}', lang)}</b>"]
    facts = _facts(est, lang, count_label)
    if facts:
        parts.append(lt("est_case", lang, facts=facts))
    body = [f"• {_line_text(line, est, lang)}" for line in est.lines]
    for alt in est.alternatives:
        body.append("• " + lt("est_mitigated", lang, amount=amount_text(alt, lang)))
    parts.append("\n".join(body))
    duty = DUTIES[case.regime][0]
    parts.append(_notification(est, lang) + "\n" + lt("est_deadline_hint", lang))
    note_lines = [_note(code, values, lang) for code, values in est.notes]
    for code in notes or []:
        if code == "records_as_identifiers" and case.identifiers is not None:
            alt = estimate(_as_people(case))
            note_lines.append(lt("note_records_as_identifiers", lang, n=count_text(case.identifiers, lang),
                                 part=law_ref(alt.lines[0].band, lang) if alt.lines else "",
                                 amount=amount_text(alt.lines[0], lang) if alt.lines else "?"))
        elif code in ("sole_trader", "offender_assumed"):
            note_lines.append(lt(f"note_{code}", lang))
    if note_lines:
        parts.append("\n".join(f"<i>{line}</i>" for line in note_lines))
    parts.append(_sources([*est.lines, *est.alternatives, *est.notification],
                          [(duty.source_url, _duty_source_label(case.regime, lang))], lang))
    if hint:
        parts.append(lt("est_other_regimes", lang))
    parts.append(t("disclaimer", lang))
    return "\n\n".join(parts)


def _as_people(case):
    from dataclasses import replace
    return replace(case, subjects=case.identifiers, identifiers=None)


def _duty_source_label(regime: str, lang: str) -> str:
    return {RU: ("ч. 3.1 ст. 21 152-ФЗ", "152-FZ Art. 21(3.1)"), GDPR: ("ст. 33–34 GDPR", "GDPR Arts 33-34"),
            DPDP: ("Правило 7 DPDP", "DPDP Rule 7")}[regime][0 if lang == "ru" else 1]


# ------------------------------------------------------------------------------------------- deadlines

def format_moment(moment: dt.datetime, lang: str) -> str:
    return f"{format_date(moment.date(), lang)}, {moment:%H:%M}"


def zone_label(name: str, moment: dt.datetime) -> str:
    offset = utc_offset_label(moment)
    return name if name == offset or name.startswith("UTC") else f"{name}, {offset}"


def duration(delta: dt.timedelta, lang: str) -> str:
    minutes = int(abs(delta.total_seconds()) // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    if days:
        parts.append(lt("dur_days", lang, n=days))
    if hours:
        parts.append(lt("dur_hours", lang, n=hours))
    if minutes and not days:
        parts.append(lt("dur_minutes", lang, n=minutes))
    return " ".join(parts) or lt("dur_minutes", lang, n=0)


def render_deadlines(plan: DeadlinePlan, zone_name: str, lang: str) -> str:
    parts = [f"<b>{lt(f'dl_title_{plan.regime}', lang)}</b>",
             lt("dl_discovered", lang, when=format_moment(plan.discovered, lang),
                zone=zone_label(zone_name, plan.discovered))]
    lines = []
    for item in plan.deadlines:
        label = lt(f"dl_{item.duty.key}", lang)
        if item.due is None:
            when = lt("dl_no_delay_gdpr" if plan.regime == GDPR else "dl_no_delay", lang)
            lines.append(f"• {label}: {when}")
            continue
        left = item.due - plan.now
        status = (lt("dl_left", lang, left=duration(left, lang)) if left.total_seconds() > 0
                  else lt("dl_passed", lang, ago=duration(left, lang)))
        lines.append(f"• {label}: {lt('dl_by', lang, when=format_moment(item.due, lang))} — {status}")
    parts.append("\n".join(lines))
    if plan.regime == RU:
        band = KOAP[("11", LEGAL)]
        parts.append(lt("dl_rkn_fine", lang, ref=law_ref(band, lang),
                        amount=amount_text(Line(band, band.low, band.high), lang)))
    if plan.notes:
        parts.append("\n".join(f"<i>{lt(f'dl_note_{code}', lang)}</i>" for code in plan.notes))
    duty = DUTIES[plan.regime][0]
    parts.append(f'{lt("est_sources", lang)}: <a href="{escape(duty.source_url)}">'
                 f"{escape(_duty_source_label(plan.regime, lang))}</a>")
    parts.append(lt("dl_tz_hint", lang, zone=zone_label(zone_name, plan.now)))
    parts.append(t("disclaimer", lang))
    return "\n\n".join(parts)


# ------------------------------------------------------------------------------------------- fines explorer

def filter_label(explorer: FinesExplorer, f: FinesFilter, lang: str) -> str:
    bits = []
    if f.company:
        bits.append(f.company[:1].upper() + f.company[1:])
    if f.country:
        bits.append(country_label(f.country, lang))
    if f.authority:
        bits.append(explorer.authorities.get(f.authority, f.authority))
    if f.article:
        bits.append(("ст. " if lang == "ru" else "art. ") + f.article)
    if f.year:
        bits.append(str(f.year))
    if f.sector:
        bits.append(f.sector)
    if f.min_amount:
        bits.append("≥ " + short_eur(f.min_amount, lang))
    return " · ".join(bits)


def data_note(explorer: FinesExplorer, lang: str) -> str:
    checked = explorer.checked_until
    return lt("fx_data", lang, size=explorer.size, date=format_date(checked, lang) if checked else "—")


def fine_line(number: int, entry: Entry, lang: str) -> str:
    fine = entry.fine
    assert fine is not None
    return (f"{number}. {escape(fine.company, quote=False)} — {short_eur(fine.amount_eur, lang)} "
            f"({escape(fine.authority, quote=False)}, {country_label(fine.country, lang)}, "
            f"{format_date(fine.decision_date, lang)})" + (" [ePrivacy]" if fine.regime == "eprivacy" else ""))


def render_fines_page(explorer: FinesExplorer, f: FinesFilter, page: Page, lang: str) -> str:
    label = filter_label(explorer, f, lang)
    title = f"<b>{lt('fx_title', lang)}{': ' + escape(label, quote=False) if label else ''}</b>"
    sort = lt("fx_sort_date" if f.sort == "date" else "fx_sort_amount", lang)
    parts = [title + "\n" + lt("fx_found", lang, total=page.total, page=page.number + 1, pages=page.pages, sort=sort)]
    if page.items:
        start = page.number * page.size
        parts.append("\n".join(fine_line(start + i + 1, e, lang) for i, e in enumerate(page.items)))
    else:
        parts.append(lt("fx_none", lang))
    notes = [data_note(explorer, lang)]
    excluded = explorer.excluded_eprivacy(f)
    if excluded:
        notes.append(lt("fx_eprivacy_out", lang, n=excluded))
    parts.append("\n".join(f"<i>{n}</i>" for n in notes))
    parts.append(lt("fx_text_filters", lang))
    return "\n\n".join(parts)


def render_aggregate(explorer: FinesExplorer, agg: Aggregate, measure: str, lang: str) -> str:
    label = filter_label(explorer, agg.filter, lang)
    label = f" ({label})" if label else ""
    eur = lambda value: short_eur(int(round(value)), lang)  # noqa: E731
    head = {"count": lt("agg_count", lang, label=label, count=agg.count),
            "sum": lt("agg_sum", lang, label=label, total=eur(agg.total)),
            "mean": lt("agg_mean", lang, label=label, mean=eur(agg.mean) if agg.mean is not None else "—")}[measure]
    parts = [f"<b>{head}</b>"]
    if agg.count:
        parts.append(lt("agg_details", lang, count=agg.count, total=eur(agg.total), mean=eur(agg.mean or 0),
                        median=eur(agg.median or 0)))
        largest = agg.largest.fine if agg.largest else None
        if largest is not None:
            parts[-1] += "\n" + lt("agg_largest", lang, company=largest.company, amount=short_eur(largest.amount_eur,
                                   lang), authority=largest.authority, date=format_date(largest.decision_date, lang))
    else:
        parts.append(lt("agg_none", lang))
    notes = [data_note(explorer, lang)]
    if agg.excluded_eprivacy:
        notes.append(lt("fx_eprivacy_out", lang, n=agg.excluded_eprivacy))
    parts.append("\n".join(f"<i>{n}</i>" for n in notes))
    parts.append(lt("agg_browse", lang))
    parts.append(t("disclaimer", lang))
    return "\n\n".join(parts)


def amount_step_label(index: int, lang: str) -> str:
    return lt("btn_any", lang) if index == 0 else "≥ " + short_eur(AMOUNT_STEPS[index], lang)
