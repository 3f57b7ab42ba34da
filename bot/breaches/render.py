"""Telegram HTML for breach alerts and /watch history lines.

Only ``<b>``, ``<i>`` and ``<a href>`` are emitted. Every dynamic value (service names, domains,
descriptions, source names, even data class names that came from a feed) goes through
``html.escape(value, quote=False)``; URLs are additionally restricted to http(s)/tg and have quote
characters percent-encoded so they cannot break out of the ``href`` attribute.
A message stays under Telegram's 4096-character limit: the description, then the data class list,
then advice are shortened if needed.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from typing import Literal

from bot.breaches.advice import advice_steps, data_class_label, operator_duties, storage_label
from bot.breaches.hibp import HIBP_SITE, HIBP_SOURCE_NAME
from bot.breaches.models import Breach
from bot.formatting import format_date, format_number
from bot.i18n import Html, t

Lang = Literal["ru", "en"]
TELEGRAM_LIMIT = 4096
SAFE_LIMIT = 4000  # room for a caller's footer (e.g. an /unwatch hint)


def esc(value: object) -> str:
    """Escape a dynamic value for Telegram HTML text."""
    return html.escape(str(value), quote=False)


def safe_url(url: str | None) -> str | None:
    """An href-safe URL or None: http(s)/tg only, no whitespace, quotes and angle brackets encoded."""
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(("https://", "http://", "tg://")) or any(c.isspace() for c in url):
        return None
    for char, code in (('"', "%22"), ("'", "%27"), ("<", "%3C"), (">", "%3E")):
        url = url.replace(char, code)
    return html.escape(url, quote=False)


def link(url: str | None, text: str) -> str:
    """``<a href>`` around escaped ``text``, or just the text when the URL is unusable."""
    href = safe_url(url)
    return f'<a href="{href}">{esc(text)}</a>' if href else esc(text)


def fmt_int(value: int, lang: str) -> str:
    """3083408 -> "3 083 408" (ru) / "3,083,408" (en)."""
    return format_number(value, lang)


def fmt_date(value: date | datetime, lang: str) -> str:
    return format_date(value, lang)


def fmt_month(value: date | datetime, lang: str) -> str:
    return format_date(value, lang, precision="month")


def hibp_credit_html(lang: Lang, url: str | None = None) -> str:
    """The CC BY 4.0 credit with a visible link (the ``hibp_credit`` text, in the reader's language)."""
    return t("hibp_credit", lang, source=Html(link(url or HIBP_SITE, HIBP_SOURCE_NAME)))


def _source_line(breach: Breach, lang: Lang) -> str | None:
    if breach.origin == "hibp":
        return hibp_credit_html(lang, breach.source_url)
    if not breach.source_name and not breach.source_url:
        return None
    name = breach.source_name or breach.source_url or ""
    return f"<b>{t('alert_source', lang)}:</b> {link(breach.source_url, name)}"


def _dates_line(breach: Breach, lang: Lang) -> str | None:
    parts = []
    if breach.breach_date:
        label = t("alert_freshest" if breach.origin == "channel" else "alert_breach_date", lang)
        parts.append(f"<b>{label}:</b> {fmt_date(breach.breach_date, lang)}")
    if breach.reported_at:
        label = t("alert_added_hibp" if breach.origin == "hibp" else "alert_reported", lang)
        parts.append(f"<b>{label}:</b> {fmt_date(breach.reported_at, lang)}")
    return " · ".join(parts) or None


def _counts_line(breach: Breach, lang: Lang) -> str | None:
    parts = []
    if breach.record_count is not None:
        parts.append(f"<b>{t('alert_records', lang)}:</b> {fmt_int(breach.record_count, lang)}")
    if breach.unique_emails is not None and breach.unique_emails != breach.record_count:
        parts.append(f"{t('alert_unique_emails', lang)}: {fmt_int(breach.unique_emails, lang)}")
    return " · ".join(parts) or None


def _classes_line(breach: Breach, lang: Lang, limit: int | None) -> str | None:
    labels = [data_class_label(c, lang) for c in breach.data_classes]
    if not labels:
        return None
    shown = labels if limit is None else labels[:limit]
    text = ", ".join(esc(label) for label in shown)
    if len(shown) < len(labels):
        text += " " + t("alert_more", lang, n=len(labels) - len(shown))
    return f"<b>{t('alert_classes', lang)}:</b> {text}"


def render_alert(breach: Breach, lang: Lang = "ru", *, history: bool = False) -> str:
    """The full alert for one breach in ``lang``. ``history=True`` renders a past breach shown when
    someone starts watching a service: different title, advice phrased as "if you haven't yet"."""
    attempts = ((True, None, None), (False, None, None), (False, 12, None), (False, 8, 4), (False, 5, 2))
    text = ""
    for with_description, class_limit, advice_limit in attempts:
        text = _compose(breach, lang, history, with_description, class_limit, advice_limit)
        if len(text) <= SAFE_LIMIT:
            return text
    return text[: SAFE_LIMIT - 1].rsplit("\n", 1)[0]  # whole lines only, so no tag is cut in half


def _compose(breach: Breach, lang: Lang, history: bool, with_description: bool,
             class_limit: int | None, advice_limit: int | None) -> str:
    title_service = esc(_clip(breach.service, 120))
    if breach.domain and breach.domain.lower() != breach.service.lower():
        title_service += f" ({esc(_clip(breach.domain, 80))})"
    lines = [t("alert_title_history" if history else "alert_title", lang, service=Html(title_service))]
    storage = storage_label(breach.password_storage, lang)
    for line in (
        _dates_line(breach, lang),
        _counts_line(breach, lang),
        _classes_line(breach, lang, class_limit),
        f"<b>{t('alert_passwords', lang)}:</b> {storage}" if storage else None,
    ):
        if line:
            lines.append(line)
    if with_description and breach.description:
        lines.append(f"<i>{esc(_clip(breach.description, 600))}</i>")
    source = _source_line(breach, lang)
    if source:
        lines.append(source)

    steps = advice_steps(breach, lang)
    if advice_limit is not None:
        steps = steps[:advice_limit]
    lines += ["", f"<b>{t('alert_todo_history' if history else 'alert_todo', lang)}</b>"]
    lines += [f"• {step}" for step in steps]

    if breach.is_russian_operator:
        duties = operator_duties(breach, lang, fmt_int=lambda n: fmt_int(n, lang))
        lines += ["", f"<b>{t('alert_operator', lang)}</b>"]
        lines += [f"• {duty}" for duty in duties]
        lines.append(f"<i>{t('alert_disclaimer', lang)}</i>")
    return "\n".join(lines)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_history_line(breach: Breach, lang: Lang = "ru") -> str:
    """One line for a /watch reply listing known breaches, e.g.
    "• <b>Литрес</b> — август 2023: 3 083 408 записей; Имена, Адреса эл. почты, Пароли".
    Lists that include HIBP breaches must end with ``hibp_credit_html(lang)`` (CC BY 4.0)."""
    parts = [f"• <b>{esc(_clip(breach.service, 80))}</b>"]
    when = breach.breach_date or breach.reported_at
    head = f" — {fmt_month(when, lang)}" if when else ""
    details = []
    if breach.record_count is not None:
        details.append(t("history_records", lang, n=breach.record_count, count=fmt_int(breach.record_count, lang)))
    if breach.data_classes:
        labels = [data_class_label(c, lang) for c in breach.data_classes]
        shown = ", ".join(esc(label) for label in labels[:4])
        details.append(shown + ("…" if len(labels) > 4 else ""))
    parts.append(head + (": " + "; ".join(details) if details else ""))
    return "".join(parts)


# Why the parser was unsure about a post (``parser.UNSURE`` reasons), shown above a draft to admins.
_UNSURE_KEYS = {"weak_evidence": "unsure_weak_evidence", "statement": "unsure_statement",
                "two_victims": "unsure_two_victims", "ner_victim": "unsure_ner_victim"}


def render_unsure_note(why: str, lang: Lang = "ru") -> str:
    """One line for admins: why a channel post became a draft instead of an alert."""
    return f"<i>{t(_UNSURE_KEYS.get(why.removeprefix('unsure:'), 'unsure_other'), lang)}</i>"
