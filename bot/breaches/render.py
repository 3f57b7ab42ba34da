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
from bot.breaches.hibp import HIBP_CREDIT_EN, HIBP_CREDIT_RU, HIBP_SITE, HIBP_SOURCE_NAME
from bot.breaches.models import Breach

Lang = Literal["ru", "en"]
TELEGRAM_LIMIT = 4096
SAFE_LIMIT = 4000  # room for a caller's footer (e.g. an /unwatch hint)
_EN_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

_TEXT = {
    "ru": {
        "title": "🔓 <b>Утечка данных: {service}</b>",
        "title_history": "📁 <b>Известная утечка: {service}</b>",
        "breach_date": "Дата утечки",
        "freshest": "Самая свежая запись",
        "reported": "Сообщено",
        "added_hibp": "Добавлено в HIBP",
        "records": "Записей",
        "unique_emails": "уникальных адресов эл. почты",
        "classes": "Что утекло",
        "passwords": "Хранение паролей",
        "source": "Источник",
        "todo": "Что делать сейчас",
        "todo_history": "Что сделать, если ещё не сделали",
        "operator": "Что обязан сделать оператор",
        "disclaimer": "Справка, не юридическая консультация.",
        "more": "и ещё {n}",
    },
    "en": {
        "title": "🔓 <b>Data breach: {service}</b>",
        "title_history": "📁 <b>Known breach: {service}</b>",
        "breach_date": "Breach date",
        "freshest": "Newest record",
        "reported": "Reported",
        "added_hibp": "Added to HIBP",
        "records": "Records",
        "unique_emails": "unique e-mail addresses",
        "classes": "Exposed data",
        "passwords": "Password storage",
        "source": "Source",
        "todo": "What to do now",
        "todo_history": "What to do if you haven't yet",
        "operator": "What the operator must do (Russian law)",
        "disclaimer": "For information, not legal advice.",
        "more": "and {n} more",
    },
}


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
    return f"{value:,}".replace(",", " ") if lang == "ru" else f"{value:,}"


def fmt_date(value: date | datetime, lang: str) -> str:
    day = value.date() if isinstance(value, datetime) else value
    return day.strftime("%d.%m.%Y") if lang == "ru" else f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def fmt_month(value: date | datetime, lang: str) -> str:
    return value.strftime("%m.%Y") if lang == "ru" else f"{_EN_MONTHS[value.month - 1]} {value.year}"


def ru_plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def hibp_credit_html(lang: Lang, url: str | None = None) -> str:
    """The CC BY 4.0 credit with a visible link; its text equals ``HIBP_CREDIT_RU``/``HIBP_CREDIT_EN``."""
    credit = HIBP_CREDIT_RU if lang == "ru" else HIBP_CREDIT_EN
    prefix, rest = credit.split(HIBP_SOURCE_NAME, 1)
    return esc(prefix) + link(url or HIBP_SITE, HIBP_SOURCE_NAME) + esc(rest)


def _source_line(breach: Breach, lang: Lang) -> str | None:
    if breach.origin == "hibp":
        return hibp_credit_html(lang, breach.source_url)
    if not breach.source_name and not breach.source_url:
        return None
    name = breach.source_name or breach.source_url or ""
    return f"<b>{_TEXT[lang]['source']}:</b> {link(breach.source_url, name)}"


def _dates_line(breach: Breach, lang: Lang) -> str | None:
    t = _TEXT[lang]
    parts = []
    if breach.breach_date:
        label = t["freshest"] if breach.origin == "channel" else t["breach_date"]
        parts.append(f"<b>{label}:</b> {fmt_date(breach.breach_date, lang)}")
    if breach.reported_at:
        label = t["added_hibp"] if breach.origin == "hibp" else t["reported"]
        parts.append(f"<b>{label}:</b> {fmt_date(breach.reported_at, lang)}")
    return " · ".join(parts) or None


def _counts_line(breach: Breach, lang: Lang) -> str | None:
    t = _TEXT[lang]
    parts = []
    if breach.record_count is not None:
        parts.append(f"<b>{t['records']}:</b> {fmt_int(breach.record_count, lang)}")
    if breach.unique_emails is not None and breach.unique_emails != breach.record_count:
        parts.append(f"{t['unique_emails']}: {fmt_int(breach.unique_emails, lang)}")
    return " · ".join(parts) or None


def _classes_line(breach: Breach, lang: Lang, limit: int | None) -> str | None:
    labels = [data_class_label(c, lang) for c in breach.data_classes]
    if not labels:
        return None
    shown = labels if limit is None else labels[:limit]
    text = ", ".join(esc(label) for label in shown)
    if len(shown) < len(labels):
        text += " " + _TEXT[lang]["more"].format(n=len(labels) - len(shown))
    return f"<b>{_TEXT[lang]['classes']}:</b> {text}"


def render_alert(breach: Breach, lang: Lang = "ru", *, history: bool = False) -> str:
    """The full alert for one breach in ``lang``. ``history=True`` renders a past breach shown when
    someone starts watching a service: different title, advice phrased as "if you haven't yet"."""
    lang = "ru" if lang == "ru" else "en"
    attempts = ((True, None, None), (False, None, None), (False, 12, None), (False, 8, 4), (False, 5, 2))
    text = ""
    for with_description, class_limit, advice_limit in attempts:
        text = _compose(breach, lang, history, with_description, class_limit, advice_limit)
        if len(text) <= SAFE_LIMIT:
            return text
    return text[: SAFE_LIMIT - 1].rsplit("\n", 1)[0]  # whole lines only, so no tag is cut in half


def _compose(breach: Breach, lang: Lang, history: bool, with_description: bool,
             class_limit: int | None, advice_limit: int | None) -> str:
    t = _TEXT[lang]
    title_service = esc(_clip(breach.service, 120))
    if breach.domain and breach.domain.lower() != breach.service.lower():
        title_service += f" ({esc(_clip(breach.domain, 80))})"
    lines = [t["title_history" if history else "title"].format(service=title_service)]
    storage = storage_label(breach.password_storage, lang)
    for line in (
        _dates_line(breach, lang),
        _counts_line(breach, lang),
        _classes_line(breach, lang, class_limit),
        f"<b>{t['passwords']}:</b> {esc(storage)}" if storage else None,
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
    lines += ["", f"<b>{t['todo_history' if history else 'todo']}</b>"]
    lines += [f"• {esc(step)}" for step in steps]

    if breach.is_russian_operator:
        duties = operator_duties(breach, lang, fmt_int=lambda n: fmt_int(n, lang))
        lines += ["", f"<b>{t['operator']}</b>"]
        lines += [f"• {esc(duty)}" for duty in duties]
        lines.append(f"<i>{t['disclaimer']}</i>")
    return "\n".join(lines)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_history_line(breach: Breach, lang: Lang = "ru") -> str:
    """One line for a /watch reply listing known breaches, e.g.
    "• <b>Литрес</b> — 08.2023: 3 083 408 записей; Имена, Адреса эл. почты, Пароли".
    Lists that include HIBP breaches must end with ``hibp_credit_html(lang)`` (CC BY 4.0)."""
    lang = "ru" if lang == "ru" else "en"
    parts = [f"• <b>{esc(_clip(breach.service, 80))}</b>"]
    when = breach.breach_date or breach.reported_at
    head = f" — {fmt_month(when, lang)}" if when else ""
    details = []
    if breach.record_count is not None:
        count = fmt_int(breach.record_count, lang)
        if lang == "ru":
            details.append(f"{count} {ru_plural(breach.record_count, 'запись', 'записи', 'записей')}")
        else:
            details.append(f"{count} record{'s' if breach.record_count != 1 else ''}")
    if breach.data_classes:
        labels = [data_class_label(c, lang) for c in breach.data_classes]
        shown = ", ".join(esc(label) for label in labels[:4])
        details.append(shown + ("…" if len(labels) > 4 else ""))
    parts.append(head + (": " + "; ".join(details) if details else ""))
    return "".join(parts)


# Why the parser was unsure about a post (``parser.UNSURE`` reasons), shown above a draft to admins.
_UNSURE_NOTES: dict[str, tuple[str, str]] = {
    "weak_evidence": ("Не уверен: жертва ясна, но в посте нет ни числа записей, ни перечня утёкших данных.",
                      "Not sure: the victim is clear, but the post gives no count and no list of leaked data."),
    "statement": ("Не уверен: похоже на заявление компании об уже известной утечке.",
                  "Not sure: this looks like a company's statement about a known leak."),
    "two_victims": ("Не уверен: утечка описана, но пострадавших сервисов в посте два.",
                    "Not sure: the leak is clear, but the post names two possible victims."),
    "ner_victim": ("Не уверен: утечка описана, но пострадавшего назвал только распознаватель имён, проверьте название.",
                   "Not sure: the leak is clear, but only the name recogniser found the victim; check the name."),
}


def render_unsure_note(why: str, lang: Lang = "ru") -> str:
    """One line for admins: why a channel post became a draft instead of an alert."""
    ru, en = _UNSURE_NOTES.get(why.removeprefix("unsure:"), ("Не уверен.", "Not sure."))
    return f"<i>{esc(ru if lang == 'ru' else en)}</i>"
