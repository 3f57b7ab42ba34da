"""The weekly digest as Telegram HTML: the week's breaches ranked by size (with how many people watch each
service), the week's fines and law changes from the knowledge base. Plain functions, every value escaped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from bot.breaches.hibp import HIBP_SOURCE_NAME
from bot.breaches.models import Breach
from bot.breaches.render import hibp_credit_html, render_history_line
from bot.formatting import format_date
from bot.i18n import Html, t
from bot.kb.models import Entry
from bot.render import fine_line

TOP_BREACHES = 15
TOP_FINES = 10


@dataclass(frozen=True)
class DigestBreach:
    breach: Breach
    watchers: int


@dataclass(frozen=True)
class Digest:
    start: date  # first day of the week
    end: date  # last day of the week (inclusive)
    breaches: list[DigestBreach]
    fines: list[Entry]
    law_changes: list[Entry]

    @property
    def empty(self) -> bool:
        return not (self.breaches or self.fines or self.law_changes)


def entries_of_week(entries: list[Entry], start: date, end: date) -> tuple[list[Entry], list[Entry]]:
    """(fines decided in the week, largest first; other entries dated in the week, e.g. a law taking effect)."""
    fines = [e for e in entries if e.fine and start <= e.fine.decision_date <= end]
    fines.sort(key=lambda e: -e.fine.amount_eur if e.fine else 0)
    changes = [e for e in entries if e.fine is None and e.date is not None and start <= e.date <= end]
    changes.sort(key=lambda e: (e.date, e.id))
    return fines, changes


def rank_breaches(items: list[DigestBreach]) -> list[DigestBreach]:
    """Largest first; breaches of unknown size after those with a count."""
    return sorted(items, key=lambda item: (item.breach.record_count is None, -(item.breach.record_count or 0)))


def render_digest(digest: Digest, lang: str) -> str:
    period = t("digest_period", lang, start=format_date(digest.start, lang), end=format_date(digest.end, lang))
    lines = [f"{t('digest_title', lang)}\n{period}"]
    if digest.breaches:
        block = [f"<b>{t('digest_breaches', lang)}</b>"]
        for item in rank_breaches(digest.breaches)[:TOP_BREACHES]:
            line = render_history_line(item.breach, lang)
            if item.watchers:
                line = t("digest_watchers", lang, line=Html(line), n=item.watchers)
            block.append(line)
        if len(digest.breaches) > TOP_BREACHES:
            block.append(t("digest_more", lang, n=len(digest.breaches) - TOP_BREACHES))
        if any(item.breach.source_name == HIBP_SOURCE_NAME for item in digest.breaches):
            block.append(hibp_credit_html(lang))
        lines.append("\n".join(block))
    else:
        lines.append(t("digest_no_breaches", lang))
    if digest.fines:
        block = [f"<b>{t('digest_fines', lang)}</b>"]
        for entry in digest.fines[:TOP_FINES]:
            block.append(f"• {fine_line(entry, lang)}")
        lines.append("\n".join(block))
    if digest.law_changes:
        block = [f"<b>{t('digest_law_changes', lang)}</b>"]
        for entry in digest.law_changes:
            assert entry.date is not None
            block.append(f"• {format_date(entry.date, lang)}: {escape(entry.title.get(lang), quote=False)}")
        lines.append("\n".join(block))
    lines.append(t("digest_watch", lang))
    return "\n\n".join(lines)
