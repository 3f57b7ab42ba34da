"""Estimates, deadline plans, fines pages and aggregates as Telegram HTML. Plain functions: every value escaped."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from html import escape

from bot.formatting import format_date, format_duration, format_money, format_money_range, format_number
from bot.i18n import t
from bot.legal.deadlines import DUTIES, DeadlinePlan, utc_offset_label
from bot.legal.estimator import (
    BIOMETRIC,
    CITIZEN,
    DPDP,
    GDPR,
    KOAP,
    LEGAL,
    OFFICIAL,
    ORDINARY,
    RU,
    SPECIAL,
    Band,
    Estimate,
    LeakCase,
    Line,
    estimate,
)
from bot.legal.explorer import AMOUNT_STEPS, Aggregate, FinesExplorer, FinesFilter, Page
from bot.render import fine_line, fines_filters, fines_header, fines_notes, short_eur

# Text keys by the estimator's and the deadline planner's codes: every key is written out, so tests/test_i18n.py can
# check that each one exists in every language and that none is left unused.
_LAW_REF = {RU: "law_ref_ru", GDPR: "law_ref_gdpr", DPDP: "law_ref_dpdp"}
_TITLE = {RU: "est_title_ru", GDPR: "est_title_gdpr", DPDP: "est_title_dpdp"}
_NOTIFY = {RU: "est_notify_ru", GDPR: "est_notify_gdpr", DPDP: "est_notify_dpdp"}
_DUTY_SOURCE = {RU: "duty_source_ru", GDPR: "duty_source_gdpr", DPDP: "duty_source_dpdp"}
_CATEGORY = {ORDINARY: "est_ordinary", SPECIAL: "est_special", BIOMETRIC: "est_biometric"}
_OFFENDER = {LEGAL: "est_legal", OFFICIAL: "est_official", CITIZEN: "est_citizen"}
_COUNT = {"subjects": ("est_people", "est_people_over"), "identifiers": ("est_identifiers", "est_identifiers_over")}
_CONDITION = {"12": "condition_12", "13": "condition_13", "14": "condition_14"}
_NOTE = {
    "regardless_of_count": "note_regardless_of_count", "count_unknown": "note_count_unknown",
    "count_unknown_repeat": "note_count_unknown_repeat", "below_thresholds": "note_below_thresholds",
    "on_the_edge": "note_on_the_edge", "no_amount": "note_no_amount", "no_lower_bound": "note_no_lower_bound",
    "turnover_basis": "note_turnover_basis", "revenue_unknown": "note_revenue_unknown",
    "mitigation_unclear": "note_mitigation_unclear", "gdpr_tiers": "note_gdpr_tiers",
    "gdpr_turnover_unknown": "note_gdpr_turnover_unknown", "gdpr_not_undertaking": "note_gdpr_not_undertaking",
    "gdpr_criteria": "note_gdpr_criteria", "dpdp_maximums": "note_dpdp_maximums",
    "dpdp_from_2027": "note_dpdp_from_2027", "sole_trader": "note_sole_trader",
    "offender_assumed": "note_offender_assumed",
}
_DEADLINE_TITLE = {RU: "dl_title_ru", GDPR: "dl_title_gdpr", DPDP: "dl_title_dpdp"}
_DUTY = {"rkn_notice": "dl_rkn_notice", "rkn_results": "dl_rkn_results", "sa_notice": "dl_sa_notice",
         "subjects": "dl_subjects", "board_intimation": "dl_board_intimation", "board_report": "dl_board_report",
         "principals": "dl_principals"}
_DEADLINE_NOTE = {"future": "dl_note_future", "dpdp_not_in_force": "dl_note_dpdp_not_in_force",
                  "gdpr_late_reasons": "dl_note_gdpr_late_reasons"}


def law_ref(band: Band, lang: str) -> str:
    """"ч. 12 ст. 13.11 КоАП" / "KoAP Art. 13.11 part 12" (Telegram HTML)."""
    return t(_LAW_REF[band.regime], lang, part=band.part)


def amount_text(line: Line, lang: str) -> str:
    currency = line.band.currency
    if line.low is not None and line.high is not None and line.low != line.high:
        return format_money_range(line.low, line.high, currency, lang)
    if line.high is not None:
        return (format_money(line.high, currency, lang) if line.low == line.high
                else t("est_up_to", lang, high=format_money(line.high, currency, lang)))
    return "?"


def _line_text(line: Line, est: Estimate, lang: str) -> str:
    band, case = line.band, est.case
    head = f"<b>{law_ref(band, lang)}</b>"
    if band.regime == GDPR:
        what = t("est_gdpr_83_4" if band.part == "83(4)" else "est_gdpr_83_5", lang)
        rule = t("est_gdpr_rule", lang, fixed=format_money(band.high or 0, "EUR", lang), pct=band.pct_high)
        text = f"{head} — {escape(what)}: {rule}"
        if line.high is not None and case.offender == LEGAL and case.revenue is not None:
            text += "\n  → " + t("est_gdpr_at", lang, revenue=format_money(case.revenue, "EUR", lang),
                                 amount=format_money(line.high, "EUR", lang))
        elif case.offender != LEGAL and line.high is not None:
            text += "\n  → " + t("est_gdpr_fixed", lang, amount=format_money(line.high, "EUR", lang))
        return text
    if band.regime == DPDP:
        what = t("est_dpdp_1" if band.part == "1" else "est_dpdp_2", lang)
        return f"{head} — {escape(what)}: {amount_text(line, lang)}"
    if band.turnover:
        rule = t("est_turnover_rule", lang, pct_low=band.pct_low, pct_high=band.pct_high,
                 floor=format_money(band.floor or 0, "RUB", lang), cap=format_money(band.cap or 0, "RUB", lang))
        text = f"{head}: {rule}"
        if case.revenue is not None:
            text += "\n  → " + t("est_turnover_at", lang, revenue=format_money(case.revenue, "RUB", lang),
                                 amount=amount_text(line, lang))
        return text
    when = f" ({t('est_when', lang, condition=_condition(line.condition, lang))})" if line.condition else ""
    return f"{head}{when}: {amount_text(line, lang)}"


def _condition(part: str | None, lang: str) -> str:
    return t(_CONDITION[part], lang) if part in _CONDITION else escape(part or "")


def _facts(est: Estimate, lang: str, count_label: str | None = None, over: frozenset[str] = frozenset()) -> str:
    case = est.case
    facts: list[str] = []
    if case.regime == RU:
        if case.category == ORDINARY and count_label:
            facts.append(count_label)
        elif case.category == ORDINARY:
            # A count stated as a bound ("more than 100,000") is estimated one above it and shown as stated.
            for name, value in (("subjects", case.subjects), ("identifiers", case.identifiers)):
                if value is not None:
                    shown = value - 1 if name in over else value
                    facts.append(t(_COUNT[name][name in over], lang, n=shown, count=format_number(shown, lang)))
            if case.subjects is None and case.identifiers is None:
                facts.append(t("est_count_unknown", lang))
        facts.append(t(_CATEGORY[case.category], lang))
        facts.append(t("est_repeat" if case.repeat else "est_first", lang))
        facts.append(t(_OFFENDER[case.offender], lang))
        if case.revenue is not None:
            facts.append(t("est_revenue", lang, money=format_money(case.revenue, "RUB", lang)))
    elif case.regime == GDPR:
        facts.append(t("est_undertaking" if case.offender == LEGAL else "est_not_undertaking", lang))
        if case.revenue is not None:
            facts.append(t("est_turnover", lang, money=format_money(case.revenue, "EUR", lang)))
    return ", ".join(facts)


def _notification(est: Estimate, lang: str) -> str:
    line = est.notification[0]
    ref = law_ref(line.band, lang)
    if est.case.regime == GDPR:
        return t("est_notify_gdpr", lang, ref=ref)
    return t(_NOTIFY[est.case.regime], lang, ref=ref, amount=amount_text(line, lang))


def _note(code: str, values: dict, lang: str) -> str:
    if "value" in values:
        values = {**values, "value": format_number(int(values["value"]), lang)}
    return t(_NOTE[code], lang, **values)


def _sources(lines: list[Line], extra: list[tuple[str, str]], lang: str) -> str:
    links: dict[str, str] = {}
    for line in lines:
        links.setdefault(line.band.source_url, law_ref(line.band, lang))
    for url, label in extra:
        links.setdefault(url, label)
    parts = [f'<a href="{escape(url)}">{escape(label)}</a>' for url, label in links.items()]
    return f"{t('est_sources', lang)}: " + " · ".join(parts)


def render_estimate(est: Estimate, lang: str, *, notes: list[str] | None = None, hint: bool = False,
                    count_label: str | None = None, over: frozenset[str] = frozenset(), leak: bool = True) -> str:
    """The estimate as HTML. `notes` are extra note codes from free-text recognition ("records_as_identifiers");
    `count_label` replaces the exact count in the summary when the user picked a band ("👤 1 000–10 000");
    `over` names the counts stated as "more than N"; `leak` False: a GDPR ceiling asked without a leak."""
    case = est.case
    title = _TITLE[case.regime] if leak or case.regime != GDPR else "est_title_gdpr_any"
    parts = [f"<b>{t(title, lang)}</b>"]
    facts = _facts(est, lang, count_label, over)
    if facts:
        parts.append(t("est_case", lang, facts=facts))
    body = [f"• {_line_text(line, est, lang)}" for line in est.lines]
    for alt in est.alternatives:
        body.append("• " + t("est_mitigated", lang, amount=amount_text(alt, lang)))
    parts.append("\n".join(body))
    duty = DUTIES[case.regime][0]
    parts.append(_notification(est, lang) + "\n" + t("est_deadline_hint", lang))
    note_lines = [_note(code, values, lang) for code, values in est.notes]
    for code in notes or []:
        if code == "records_as_identifiers" and case.identifiers is not None:
            alt = estimate(_as_people(case))
            note_lines.append(t("note_records_as_identifiers", lang, n=format_number(case.identifiers, lang),
                                part=law_ref(alt.lines[0].band, lang) if alt.lines else "",
                                amount=amount_text(alt.lines[0], lang) if alt.lines else "?"))
        elif code in ("sole_trader", "offender_assumed"):
            note_lines.append(t(_NOTE[code], lang))
    if note_lines:
        parts.append("\n".join(f"<i>{line}</i>" for line in note_lines))
    parts.append(_sources([*est.lines, *est.alternatives, *est.notification],
                          [(duty.source_url, _duty_source_label(case.regime, lang))], lang))
    if hint:
        parts.append(t("est_other_regimes", lang))
    parts.append(t("disclaimer", lang))
    return "\n\n".join(parts)


def _as_people(case: LeakCase) -> LeakCase:
    return replace(case, subjects=case.identifiers, identifiers=None)


def _duty_source_label(regime: str, lang: str) -> str:
    return t(_DUTY_SOURCE[regime], lang)


# ------------------------------------------------------------------------------------------- deadlines

def format_moment(moment: dt.datetime, lang: str) -> str:
    return f"{format_date(moment.date(), lang)}, {moment:%H:%M}"


def zone_label(name: str, moment: dt.datetime) -> str:
    offset = utc_offset_label(moment)
    return name if name == offset or name.startswith("UTC") else f"{name}, {offset}"


def render_deadlines(plan: DeadlinePlan, zone_name: str, lang: str) -> str:
    parts = [f"<b>{t(_DEADLINE_TITLE[plan.regime], lang)}</b>",
             t("dl_discovered", lang, when=format_moment(plan.discovered, lang),
               zone=zone_label(zone_name, plan.discovered))]
    lines = []
    for item in plan.deadlines:
        label = t(_DUTY[item.duty.key], lang)
        if item.due is None:
            when = t("dl_no_delay_gdpr" if plan.regime == GDPR else "dl_no_delay", lang)
            lines.append(f"• {label}: {when}")
            continue
        left = (item.due - plan.now).total_seconds()
        status = t("dl_left", lang, left=format_duration(left, lang)) if left > 0 else t(
            "dl_passed", lang, ago=format_duration(left, lang))
        lines.append(f"• {label}: {t('dl_by', lang, when=format_moment(item.due, lang))} — {status}")
    parts.append("\n".join(lines))
    if plan.regime == RU:
        band = KOAP[("11", LEGAL)]
        parts.append(t("dl_rkn_fine", lang, ref=law_ref(band, lang),
                       amount=amount_text(Line(band, band.low, band.high), lang)))
    if plan.notes:
        parts.append("\n".join(f"<i>{t(_DEADLINE_NOTE[code], lang)}</i>" for code in plan.notes))
    duty = DUTIES[plan.regime][0]
    parts.append(f'{t("est_sources", lang)}: <a href="{escape(duty.source_url)}">'
                 f"{escape(_duty_source_label(plan.regime, lang))}</a>")
    parts.append(t("dl_tz_hint", lang, zone=zone_label(zone_name, plan.now)))
    parts.append(t("disclaimer", lang))
    return "\n\n".join(parts)


# ------------------------------------------------------------------------------------------- fines explorer

def filter_label(explorer: FinesExplorer, f: FinesFilter, lang: str) -> str:
    company = f.company[:1].upper() + f.company[1:] if f.company else None
    authority = explorer.authorities.get(f.authority, f.authority) if f.authority else None
    return fines_filters(lang, company=company, country=f.country, authority=authority, article=f.article,
                         year=f.year, sector=f.sector, min_amount=f.min_amount)


def render_fines_page(explorer: FinesExplorer, f: FinesFilter, page: Page, lang: str) -> str:
    sort = t("fx_sort_date" if f.sort == "date" else "fx_sort_amount", lang)
    parts = [fines_header(filter_label(explorer, f, lang), lang) + "\n"
             + t("fx_found", lang, total=page.total, page=page.number + 1, pages=page.pages, sort=sort)]
    if page.items:
        start = page.number * page.size
        parts.append("\n".join(f"{start + i + 1}. {fine_line(e, lang)}" for i, e in enumerate(page.items)))
    else:
        parts.append(t("fines_none", lang))
    parts.append(fines_notes(explorer.fines, lang, eprivacy_left_out=page.excluded_eprivacy > 0))
    parts.append(t("fx_text_filters", lang))
    return "\n\n".join(parts)


def render_aggregate(explorer: FinesExplorer, agg: Aggregate, measure: str, lang: str) -> str:
    label = filter_label(explorer, agg.filter, lang)
    label = f" ({label})" if label else ""
    eur = lambda value: short_eur(int(round(value)), lang)  # noqa: E731
    head = {"count": t("agg_count", lang, label=label, count=agg.count),
            "sum": t("agg_sum", lang, label=label, total=eur(agg.total)),
            "mean": t("agg_mean", lang, label=label, mean=eur(agg.mean) if agg.mean is not None else "—")}[measure]
    parts = [f"<b>{head}</b>"]
    if agg.count:
        parts.append(t("agg_details", lang, count=agg.count, total=eur(agg.total), mean=eur(agg.mean or 0),
                       median=eur(agg.median or 0)))
        if agg.largest is not None:
            parts[-1] += "\n" + t("agg_largest", lang) + " " + fine_line(agg.largest, lang)
    else:
        parts.append(t("fines_none", lang))
    parts.append(fines_notes(explorer.fines, lang, eprivacy_left_out=agg.excluded_eprivacy > 0))
    parts.append(t("agg_browse", lang))
    parts.append(t("disclaimer", lang))
    return "\n\n".join(parts)


def amount_step_label(index: int, lang: str) -> str:
    return t("btn_any", lang) if index == 0 else "≥ " + short_eur(AMOUNT_STEPS[index], lang)
