"""Inline mode: `@bot штраф мета` in any chat offers answers as results."""

from __future__ import annotations

import re

from aiogram import Router
from aiogram.types import InlineQuery, InlineQueryResultArticle, InputTextMessageContent

from bot.answers import cached_answer
from bot.config import Settings
from bot.i18n import t
from bot.kb import KnowledgeBase
from bot.render import fit, render_entry

MAX_RESULTS = 5


def _article(result_id: str, title: str, text: str, description: str = "") -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=result_id[:64],
        title=title[:256],
        description=description[:256] or None,
        input_message_content=InputTextMessageContent(message_text=text, parse_mode="HTML"),
    )


async def inline_answers(query: InlineQuery, lang: str, kb: KnowledgeBase, settings: Settings) -> None:
    """The answer the bot would give in a chat (bot/answers.py), then the entries it offers beside it."""
    question = query.query.strip()[:settings.max_text_length]
    results: list[InlineQueryResultArticle] = []
    if question:
        answer = cached_answer(kb, question, lang, max_length=settings.max_text_length)
        if not answer.unsure:
            title = answer.entry.title.get(lang) if answer.entry else _first_line(answer.text)
            results.append(_article(answer.entry.id if answer.entry else "answer", title, answer.text))
            for entry in answer.buttons[:MAX_RESULTS - 1]:
                results.append(_article(entry.id, entry.title.get(lang), fit(render_entry(entry, lang)),
                                        entry.answer.get(lang)[:120]))
    if not results:
        results.append(_article("help", t("inline_help_title", lang), t("inline_help_text", lang)))
    await query.answer(results[:MAX_RESULTS], cache_time=60, is_personal=True)


def _first_line(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html.split("\n", 1)[0]).strip() or "…"


def router() -> Router:
    r = Router(name="inline")
    r.inline_query.register(inline_answers)
    return r
